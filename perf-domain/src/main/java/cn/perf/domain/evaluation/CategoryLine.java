package cn.perf.domain.evaluation;

import java.math.BigDecimal;

/**
 * Input/output value of one category: name as printed (without the points) and its points.
 *
 * @param name   e.g. 投入目标
 * @param points e.g. 26.00
 */
public record CategoryLine(String name, BigDecimal points) {

    public CategoryLine {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("指标类别名称不能为空");
        }
        name = name.strip();
        points = Scores.points(points, "指标类别“" + name + "”的分值");
    }
}
