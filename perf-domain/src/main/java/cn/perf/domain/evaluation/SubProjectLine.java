package cn.perf.domain.evaluation;

import cn.perf.domain.shared.Money;
import java.util.Objects;

/**
 * Input/output value of one 项目资金构成 row.
 *
 * @param name         子项目名称
 * @param actualAmount 实际金额 (万元)
 */
public record SubProjectLine(String name, Money actualAmount) {

    public SubProjectLine {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("子项目名称不能为空");
        }
        name = name.strip();
        Objects.requireNonNull(actualAmount, "子项目实际金额不能为空");
        if (actualAmount.isNegative()) {
            throw new IllegalArgumentException("子项目“" + name + "”的实际金额不能为负数：" + actualAmount.display());
        }
    }
}
