package cn.perf.scoring.rule;

import static cn.perf.scoring.trace.Numbers.fixed;
import static cn.perf.scoring.trace.Numbers.percentOfRatio;
import static cn.perf.scoring.trace.Numbers.plain;

import cn.perf.scoring.funds.BudgetExecution;
import cn.perf.scoring.trace.RuleIds;
import cn.perf.scoring.trace.Trace;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** National 预算执行率 score: min(P, P × 全年执行数 / 全年预算数), P = 10 by default. */
public final class BudgetExecutionRule {

    private BudgetExecutionRule() {
    }

    /**
     * @param points P
     * @param b      全年预算数 and 全年执行数; the budget must be positive
     * @throws IllegalArgumentException when the budget is not positive (the caller reports it as a finding)
     */
    public static RuleOutcome score(BigDecimal points, BudgetExecution b, int scale) {
        if (b.annualBudget().signum() <= 0) {
            throw new IllegalArgumentException("全年预算数应大于0");
        }
        BigDecimal rate = b.executed().divide(b.annualBudget(), 10, RoundingMode.HALF_UP);
        BigDecimal raw = points.multiply(b.executed()).divide(b.annualBudget(), 10, RoundingMode.HALF_UP);
        BigDecimal score = raw.min(points).setScale(scale, RoundingMode.HALF_UP);
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("分值", plain(points));
        inputs.put("全年预算数(A)", fixed(b.annualBudget(), 2));
        inputs.put("全年执行数(B)", fixed(b.executed(), 2));
        inputs.put("执行率(B/A)", percentOfRatio(rate));
        String formula = "min(" + plain(points) + ", " + plain(points) + " × " + fixed(b.executed(), 2) + " ÷ "
                + fixed(b.annualBudget(), 2) + ") = " + fixed(score, scale);
        return new RuleOutcome(score, rate, Trace.of(RuleIds.BUDGET_EXECUTION, inputs, formula, score,
                "预算执行率 = 全年执行数 " + fixed(b.executed(), 2) + " ÷ 全年预算数 " + fixed(b.annualBudget(), 2) + " = "
                        + percentOfRatio(rate) + "；得分 = " + formula));
    }
}
