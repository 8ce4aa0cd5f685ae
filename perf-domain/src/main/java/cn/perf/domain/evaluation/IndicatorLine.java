package cn.perf.domain.evaluation;

import cn.perf.domain.shared.IndicatorValue;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The carried-over definition of one indicator row: what the approved declaration fixed (类别, 二级指标, 指标名称,
 * 目标值, 权重, 指标解释). The self-evaluation adds 实际完成值 and scores to it.
 *
 * @param category    类别 / 一级指标 (must name one of the evaluation's categories)
 * @param subCategory 二级指标, {@code null} on the Suzhou form
 * @param name        指标名称 / 三级指标
 * @param target      目标值 / 年度指标值
 * @param weight      权重 / 分值 (scale 2)
 * @param explanation 指标解释, may be {@code null}
 */
public record IndicatorLine(String category, String subCategory, String name, IndicatorValue target,
                            BigDecimal weight, String explanation) {

    public IndicatorLine {
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("指标类别不能为空");
        }
        category = category.strip();
        subCategory = subCategory == null || subCategory.isBlank() ? null : subCategory.strip();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("指标名称不能为空（类别：" + category + "）");
        }
        name = name.strip();
        Objects.requireNonNull(target, "指标“" + name + "”的目标值不能为空");
        weight = Scores.points(weight, "指标“" + name + "”的权重");
        explanation = explanation == null || explanation.isBlank() ? null : explanation.strip();
    }

    /** A Suzhou row (no 二级指标, no explanation). */
    public static IndicatorLine suzhou(String category, String name, String target, String weight) {
        return new IndicatorLine(category, null, name, IndicatorValue.of(target), new BigDecimal(weight), null);
    }
}
