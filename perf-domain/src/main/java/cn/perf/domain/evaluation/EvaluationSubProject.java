package cn.perf.domain.evaluation;

import cn.perf.domain.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One row of 项目资金构成: 子项目名称 and 实际金额 (万元). Owned by its {@link SelfEvaluation}. */
@Entity
@Table(name = "self_evaluation_sub_project")
public class EvaluationSubProject {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "self_evaluation_id", nullable = false)
    private SelfEvaluation evaluation;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "name", nullable = false, length = 300)
    private String name;

    @Column(name = "actual_amount", nullable = false)
    private Money actualAmount;

    protected EvaluationSubProject() {
        // for JPA
    }

    EvaluationSubProject(SelfEvaluation evaluation, int position, SubProjectLine line) {
        this.evaluation = evaluation;
        this.position = position;
        this.name = line.name();
        this.actualAmount = line.actualAmount();
    }

    void moveTo(int newPosition) {
        this.position = newPosition;
    }

    public Long id() {
        return id;
    }

    /** 1-based row number in printed order. */
    public int position() {
        return position;
    }

    /** 子项目名称. */
    public String name() {
        return name;
    }

    /** 实际金额 (万元). */
    public Money actualAmount() {
        return actualAmount;
    }

    public SubProjectLine toLine() {
        return new SubProjectLine(name, actualAmount);
    }
}
