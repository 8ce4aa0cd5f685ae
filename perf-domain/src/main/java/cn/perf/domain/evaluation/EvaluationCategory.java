package cn.perf.domain.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * An indicator category (指标类别 / 一级指标) with its points as the form prints them: Suzhou 投入目标 26, 产出目标 24,
 * 结果目标 22, 影响力目标 8 (together 项目绩效实现情况 80); national 产出指标 50, 效益指标 30, 满意度指标 10. The categories
 * are data carried from the declaration's template, not code branches.
 */
@Entity
@Table(name = "self_evaluation_category")
public class EvaluationCategory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "self_evaluation_id", nullable = false)
    private SelfEvaluation evaluation;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "points", nullable = false, precision = 7, scale = 2)
    private BigDecimal points;

    protected EvaluationCategory() {
        // for JPA
    }

    EvaluationCategory(SelfEvaluation evaluation, int position, CategoryLine line) {
        this.evaluation = evaluation;
        this.position = position;
        this.name = line.name();
        this.points = line.points();
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    /** e.g. 投入目标, 产出指标. */
    public String name() {
        return name;
    }

    /** The category's points (分值), scale 2. */
    public BigDecimal points() {
        return points;
    }

    public CategoryLine toLine() {
        return new CategoryLine(name, points);
    }
}
