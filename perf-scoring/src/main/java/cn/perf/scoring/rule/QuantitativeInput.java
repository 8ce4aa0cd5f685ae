package cn.perf.scoring.rule;

import cn.perf.scoring.target.Direction;
import cn.perf.scoring.target.Operator;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Inputs of a quantitative rule.
 *
 * @param category   category name (for the trace)
 * @param weight     w
 * @param target     t (magnitude applied, e.g. 700万 → 7000000)
 * @param actual     a
 * @param direction  confirmed or default direction
 * @param operator   the target's operator
 * @param targetText target as filed
 * @param actualText actual as filed
 */
public record QuantitativeInput(String category, BigDecimal weight, BigDecimal target, BigDecimal actual,
                                Direction direction, Operator operator, String targetText, String actualText) {
    public QuantitativeInput {
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(operator, "operator");
        category = category == null ? "" : category;
        targetText = targetText == null ? "" : targetText;
        actualText = actualText == null ? "" : actualText;
        if (weight.signum() < 0 || target.signum() < 0 || actual.signum() < 0) {
            throw new IllegalArgumentException("权重、目标值、实际值不能为负");
        }
    }
}
