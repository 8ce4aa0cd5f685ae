package cn.perf.domain.declaration;

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

/**
 * A row of the Suzhou 项目资金来源 table (万元): 项目投资总额, 上年度资金, 本年度计划数; empty cells are null. Rows keep
 * the order the form printed them in (seed 001 prints 上级财政资金 last). The 合计 row is computed by
 * {@link Declaration#fundingTotals()}.
 */
@Entity
@Table(name = "declaration_funding_source")
public class FundingSource {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "declaration_id", nullable = false)
    private Declaration declaration;

    @Column(name = "position", nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private FundingSourceKind kind;

    @Column(name = "total_investment", precision = 18, scale = 6)
    private Money totalInvestment;

    @Column(name = "prior_year", precision = 18, scale = 6)
    private Money priorYear;

    @Column(name = "current_year", precision = 18, scale = 6)
    private Money currentYear;

    protected FundingSource() {
        // for JPA
    }

    FundingSource(Declaration declaration, int position, FundingSourceKind kind) {
        this.declaration = declaration;
        this.position = position;
        this.kind = kind;
    }

    void revise(Money totalInvestment, Money priorYear, Money currentYear) {
        for (Money m : new Money[] {totalInvestment, priorYear, currentYear}) {
            if (m != null && m.isNegative()) {
                throw new IllegalArgumentException(kind.label() + "不能为负数：" + m);
            }
        }
        this.totalInvestment = totalInvestment;
        this.priorYear = priorYear;
        this.currentYear = currentYear;
    }

    void moveTo(int newPosition) {
        this.position = newPosition;
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public FundingSourceKind kind() {
        return kind;
    }

    /** 项目投资总额. */
    public Money totalInvestment() {
        return totalInvestment;
    }

    /** 上年度资金. */
    public Money priorYear() {
        return priorYear;
    }

    /** 本年度计划数. */
    public Money currentYear() {
        return currentYear;
    }

    public boolean isEmpty() {
        return totalInvestment == null && priorYear == null && currentYear == null;
    }
}
