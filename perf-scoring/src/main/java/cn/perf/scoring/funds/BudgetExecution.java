package cn.perf.scoring.funds;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * National 项目资金 row 年度资金总额 (万元): 全年预算数 (A) and 全年执行数 (B); 执行率 = B / A.
 *
 * @param annualBudget 全年预算数 A
 * @param executed     全年执行数 B
 */
public record BudgetExecution(BigDecimal annualBudget, BigDecimal executed) {
    public BudgetExecution {
        Objects.requireNonNull(annualBudget, "annualBudget");
        Objects.requireNonNull(executed, "executed");
    }
}
