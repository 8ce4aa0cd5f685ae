package cn.perf.scoring.regime;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A category (Suzhou 类别, national 一级指标) as a regime knows it.
 *
 * @param name   投入 / 产出 / 结果 / 影响力, or 产出 / 效益 / 满意度
 * @param points the default points of the category (26, 24 …)
 * @param method how quantitative rows are scored
 * @param note   Chinese remark added to every trace of the category ("" for none), e.g. that the regime text
 *               does not name this category's rule
 */
public record CategoryRule(String name, BigDecimal points, ScoringMethod method, String note) {
    public CategoryRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(method, "method");
        note = note == null ? "" : note;
    }
}
