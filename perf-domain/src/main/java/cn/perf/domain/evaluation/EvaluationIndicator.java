package cn.perf.domain.evaluation;

import cn.perf.domain.shared.IndicatorValue;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import cn.perf.scoring.sheet.RowStatus;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/**
 * One indicator row of a self-evaluation. Suzhou: 类别, 指标名称, 目标值, 权重, 实际完成值, 自评分. National: 一级/二级/三级指标,
 * 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施. 类别/名称/目标值/权重 are carried over from the approved declaration
 * and fixed; the filer records 实际完成值, 自评分 and 偏差原因; the scorer stores {@link #computedScore()}; a reviewer may
 * set {@link #adjustedScore()} with a reason ({@link ScoreAdjustment}).
 */
@Entity
@Table(name = "self_evaluation_indicator")
public class EvaluationIndicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "self_evaluation_id", nullable = false)
    private SelfEvaluation evaluation;

    /** 1-based row number on the printed form (across categories). */
    @Column(name = "position", nullable = false)
    private int position;

    /** 类别 / 一级指标, the name of one of the evaluation's {@link EvaluationCategory categories}. */
    @Column(name = "category", nullable = false, length = 64)
    private String category;

    /** 二级指标 (national: 数量指标, 质量指标 …); {@code null} on the Suzhou form. */
    @Column(name = "sub_category", length = 64)
    private String subCategory;

    /** 指标名称 / 三级指标; as wide as the declaration's (500). */
    @Column(name = "name", nullable = false, length = 500)
    private String name;

    /** 指标解释 carried from the declaration (the scoring rules read it); {@code null} when none. */
    @Column(name = "explanation", columnDefinition = "text")
    private String explanation;

    /** 目标值 / 年度指标值, original text kept. */
    @Embedded
    @AttributeOverride(name = "originalText", column = @Column(name = "target_text"))
    @AttributeOverride(name = "kind", column = @Column(name = "target_kind"))
    @AttributeOverride(name = "operator", column = @Column(name = "target_operator"))
    @AttributeOverride(name = "number", column = @Column(name = "target_number"))
    @AttributeOverride(name = "magnitude", column = @Column(name = "target_magnitude"))
    @AttributeOverride(name = "unit", column = @Column(name = "target_unit"))
    @AttributeOverride(name = "direction", column = @Column(name = "target_direction"))
    @AttributeOverride(name = "directionConfirmed", column = @Column(name = "target_direction_confirmed"))
    @AttributeOverride(name = "parseError", column = @Column(name = "target_parse_error"))
    private IndicatorValue target;

    /** 权重 / 分值, scale 2. */
    @Column(name = "weight", nullable = false, precision = 7, scale = 2)
    private BigDecimal weight;

    /** 实际完成值, original text kept; blank text until the filer records it. */
    @Embedded
    @AttributeOverride(name = "originalText", column = @Column(name = "actual_text"))
    @AttributeOverride(name = "kind", column = @Column(name = "actual_kind"))
    @AttributeOverride(name = "operator", column = @Column(name = "actual_operator"))
    @AttributeOverride(name = "number", column = @Column(name = "actual_number"))
    @AttributeOverride(name = "magnitude", column = @Column(name = "actual_magnitude"))
    @AttributeOverride(name = "unit", column = @Column(name = "actual_unit"))
    @AttributeOverride(name = "direction", column = @Column(name = "actual_direction"))
    @AttributeOverride(name = "directionConfirmed", column = @Column(name = "actual_direction_confirmed"))
    @AttributeOverride(name = "parseError", column = @Column(name = "actual_parse_error"))
    private IndicatorValue actual;

    /** 自评分 / 得分 as the filer recorded it. */
    @Column(name = "recorded_score", precision = 7, scale = 2)
    private BigDecimal recordedScore;

    /** The score computed by the scoring regime; {@code null} until scored. */
    @Column(name = "computed_score", precision = 7, scale = 2)
    private BigDecimal computedScore;

    /** The reviewer's score, when a reviewer changed it (see {@link ScoreAdjustment} for who and why). */
    @Column(name = "adjusted_score", precision = 7, scale = 2)
    private BigDecimal adjustedScore;

    /** Where the last scoring left this row (已评分 / 审核人评分 / 待审核人评分 / 评分无效); {@code null} until scored. */
    @Enumerated(EnumType.STRING)
    @Column(name = "score_status", length = 32)
    private RowStatus scoreStatus;

    /** perf-scoring rule id of the last scoring, e.g. {@code SUZHOU_BAND_SHORT}; {@code null} until scored. */
    @Column(name = "trace_rule", length = 64)
    private String traceRule;

    /** Why the computed score is what it is, in Chinese (the trace sentence and its notes); {@code null} until scored. */
    @Column(name = "trace_text", columnDefinition = "text")
    private String traceText;

    /** 偏差原因分析及改进措施 (national; also the Suzhou explanation of a missing value). */
    @Column(name = "deviation_reason", columnDefinition = "text")
    private String deviationReason;

    protected EvaluationIndicator() {
        // for JPA
    }

    EvaluationIndicator(SelfEvaluation evaluation, int position, IndicatorLine line) {
        this.evaluation = evaluation;
        this.position = position;
        this.category = line.category();
        this.subCategory = line.subCategory();
        this.name = line.name();
        this.explanation = line.explanation();
        this.target = line.target();
        this.weight = line.weight();
        this.actual = IndicatorValue.of("");
    }

    void recordResult(IndicatorValue newActual, BigDecimal newRecordedScore, String newDeviationReason) {
        this.actual = newActual == null ? IndicatorValue.of("") : newActual;
        this.recordedScore = newRecordedScore;
        this.deviationReason = newDeviationReason == null || newDeviationReason.isBlank()
                ? null : newDeviationReason.strip();
    }

    void storeComputedScore(BigDecimal score) {
        this.computedScore = score;
    }

    void storeTrace(RowStatus status, String rule, String text) {
        this.scoreStatus = status;
        this.traceRule = rule;
        this.traceText = text;
    }

    void adjust(BigDecimal score) {
        this.adjustedScore = score;
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public String category() {
        return category;
    }

    public String subCategory() {
        return subCategory;
    }

    public String name() {
        return name;
    }

    public String explanation() {
        return explanation;
    }

    public IndicatorValue target() {
        return target;
    }

    public BigDecimal weight() {
        return weight;
    }

    public IndicatorValue actual() {
        return actual;
    }

    public BigDecimal recordedScore() {
        return recordedScore;
    }

    public BigDecimal computedScore() {
        return computedScore;
    }

    public BigDecimal adjustedScore() {
        return adjustedScore;
    }

    public String deviationReason() {
        return deviationReason;
    }

    /** Status of the last scoring, {@code null} until scored. */
    public RowStatus scoreStatus() {
        return scoreStatus;
    }

    /** Rule id of the last scoring, {@code null} until scored. */
    public String traceRule() {
        return traceRule;
    }

    /** The Chinese explanation of the last scoring, {@code null} until scored. */
    public String traceText() {
        return traceText;
    }

    /** The score that counts: the reviewer's, else the computed one, else the recorded 自评分 (may be null). */
    public BigDecimal effectiveScore() {
        if (adjustedScore != null) {
            return adjustedScore;
        }
        return computedScore != null ? computedScore : recordedScore;
    }

    /** The carried-over definition of this row. */
    public IndicatorLine toLine() {
        return new IndicatorLine(category, subCategory, name, target, weight, explanation);
    }
}
