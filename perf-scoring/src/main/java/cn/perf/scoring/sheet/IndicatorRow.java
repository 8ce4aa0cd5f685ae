package cn.perf.scoring.sheet;

import cn.perf.scoring.target.Direction;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One indicator row of a self-evaluation sheet, as filed. Texts are kept as written; numbers the form prints
 * (weight, 自评分) are BigDecimal. Optional fields are {@code null} when absent.
 *
 * @param category           类别 (投入/产出/结果/影响力) or national 一级指标 (产出/效益/满意度)
 * @param subCategory        national 二级指标 (数量指标 …); {@code null} for Suzhou
 * @param name               指标名称
 * @param target             目标值 / 年度指标值 text
 * @param direction          confirmed direction; {@code null} → default from the operator (and linted)
 * @param weight             权重 / 分值; {@code null} → computed (library weight, else equal split)
 * @param actual             实际完成值 text ({@code null}/blank/placeholder = not provided)
 * @param explanation        指标解释 (used by the direction lint)
 * @param deviationReason    偏差原因分析及改进措施 / 说明 (explains a missing, short or over-achieved value)
 * @param recordedScore      自评分 as filed, compared with the computed score
 * @param chosenScore        national qualitative: the score the filer picked inside the tier's band
 * @param reviewerAdjustment the reviewer's score with a reason
 */
public record IndicatorRow(String category, String subCategory, String name, String target, Direction direction,
                           BigDecimal weight, String actual, String explanation, String deviationReason,
                           BigDecimal recordedScore, BigDecimal chosenScore, ReviewerAdjustment reviewerAdjustment) {

    public IndicatorRow {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        target = target == null ? "" : target;
        actual = actual == null ? "" : actual;
        explanation = explanation == null ? "" : explanation;
        deviationReason = deviationReason == null ? "" : deviationReason;
        if (weight != null && weight.signum() < 0) {
            throw new IllegalArgumentException("权重不能为负：" + name + " " + weight);
        }
    }

    /** A builder for the usual case. */
    public static Builder builder(String category, String name) {
        return new Builder(category, name);
    }

    /** The row as printed on a Suzhou sheet: target, weight, actual, 自评分 (weight/recorded may be null). */
    public static IndicatorRow of(String category, String name, String target, String weight, String actual,
                                  String recordedScore) {
        return builder(category, name).target(target).weight(weight).actual(actual).recordedScore(recordedScore).build();
    }

    /** Fluent builder; every setter is optional except those of {@link #builder}. */
    public static final class Builder {
        private final String category;
        private final String name;
        private String subCategory;
        private String target;
        private Direction direction;
        private BigDecimal weight;
        private String actual;
        private String explanation;
        private String deviationReason;
        private BigDecimal recordedScore;
        private BigDecimal chosenScore;
        private ReviewerAdjustment reviewerAdjustment;

        private Builder(String category, String name) {
            this.category = category;
            this.name = name;
        }

        public Builder subCategory(String v) { this.subCategory = v; return this; }
        public Builder target(String v) { this.target = v; return this; }
        public Builder direction(Direction v) { this.direction = v; return this; }
        public Builder weight(BigDecimal v) { this.weight = v; return this; }
        public Builder weight(String v) { this.weight = dec(v); return this; }
        public Builder actual(String v) { this.actual = v; return this; }
        public Builder explanation(String v) { this.explanation = v; return this; }
        public Builder deviationReason(String v) { this.deviationReason = v; return this; }
        public Builder recordedScore(BigDecimal v) { this.recordedScore = v; return this; }
        public Builder recordedScore(String v) { this.recordedScore = dec(v); return this; }
        public Builder chosenScore(BigDecimal v) { this.chosenScore = v; return this; }
        public Builder chosenScore(String v) { this.chosenScore = dec(v); return this; }
        public Builder reviewerAdjustment(ReviewerAdjustment v) { this.reviewerAdjustment = v; return this; }

        public IndicatorRow build() {
            return new IndicatorRow(category, subCategory, name, target, direction, weight, actual, explanation,
                    deviationReason, recordedScore, chosenScore, reviewerAdjustment);
        }

        private static BigDecimal dec(String v) {
            return v == null || v.isBlank() ? null : new BigDecimal(v.trim());
        }
    }
}
