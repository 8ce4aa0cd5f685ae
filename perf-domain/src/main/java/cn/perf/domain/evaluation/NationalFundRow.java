package cn.perf.domain.evaluation;

import cn.perf.domain.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * One row of the national 项目资金 block: 年初预算数, 全年预算数 (A), 全年执行数 (B); 执行率 = B/A is computed, never
 * stored. The 分值 (10) and 得分 of the block belong to the aggregate.
 */
@Entity
@Table(name = "self_evaluation_national_fund")
public class NationalFundRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "self_evaluation_id", nullable = false)
    private SelfEvaluation evaluation;

    @Column(name = "position", nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 32)
    private NationalFundKind kind;

    @Column(name = "initial_budget", nullable = false)
    private Money initialBudget;

    @Column(name = "annual_budget", nullable = false)
    private Money annualBudget;

    @Column(name = "executed", nullable = false)
    private Money executed;

    protected NationalFundRow() {
        // for JPA
    }

    NationalFundRow(SelfEvaluation evaluation, NationalFundLine line) {
        this.evaluation = evaluation;
        this.position = line.kind().ordinal() + 1;
        this.kind = line.kind();
        this.initialBudget = line.initialBudget();
        this.annualBudget = line.annualBudget();
        this.executed = line.executed();
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public NationalFundKind kind() {
        return kind;
    }

    /** 年初预算数. */
    public Money initialBudget() {
        return initialBudget;
    }

    /** 全年预算数 (A). */
    public Money annualBudget() {
        return annualBudget;
    }

    /** 全年执行数 (B). */
    public Money executed() {
        return executed;
    }

    /** 执行率 = B/A in percent with 2 decimals, or {@code null} when A is zero. */
    public BigDecimal executionRatePercent() {
        return executed.percentOf(annualBudget, 2);
    }

    public NationalFundLine toLine() {
        return new NationalFundLine(kind, initialBudget, annualBudget, executed);
    }
}
