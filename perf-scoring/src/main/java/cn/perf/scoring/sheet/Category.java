package cn.perf.scoring.sheet;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A category of the sheet's template with its points: Suzhou 投入 26 / 产出 24 / 结果 22 / 影响力 8, national
 * 一级指标 产出 50 / 效益 30 / 满意度 10.
 */
public record Category(String name, BigDecimal points) {
    public Category {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(points, "points");
        if (points.signum() < 0) {
            throw new IllegalArgumentException("类别分值不能为负：" + name + " " + points);
        }
    }

    public static Category of(String name, String points) {
        return new Category(name, new BigDecimal(points));
    }
}
