package cn.perf.scoring.funds;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * 项目资金构成: the sub-projects and the 合计 printed on the form.
 *
 * @param items        sub-projects in form order
 * @param printedTotal the 合计 as filed
 */
public record SubProjects(List<SubProject> items, BigDecimal printedTotal) {
    public SubProjects {
        items = List.copyOf(items);
        Objects.requireNonNull(printedTotal, "printedTotal");
    }

    /** Sum of the items. */
    public BigDecimal sum() {
        return items.stream().map(SubProject::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
