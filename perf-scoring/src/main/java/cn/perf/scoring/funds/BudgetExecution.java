package cn.perf.scoring.funds;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * National 项目资金 row 年度资金总额 (万元): 全年预算数 (A) and 全年执行数 (B); 执行率 = B / A.
 *
 * @param annualBudget 全年预算数 A
 * @param executed     全年执行数 B
 * @param recordedScore 预算执行率 自评分 as filed on the form, {@code null} when none; checked against the computed
 *                      score exactly as a row's 自评分 is (RECORDED_SCORE_MISMATCH when they differ)
 */
public record BudgetExecution(BigDecimal annualBudget, BigDecimal executed, BigDecimal recordedScore) {
    public BudgetExecution {
        Objects.requireNonNull(annualBudget, "annualBudget");
        Objects.requireNonNull(executed, "executed");
    }

    /** Figures without a filed score. */
    public BudgetExecution(BigDecimal annualBudget, BigDecimal executed) {
        this(annualBudget, executed, null);
    }
}
