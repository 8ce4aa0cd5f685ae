package cn.perf.scoring.funds;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * National 项目资金 (财预〔2020〕10号, 万元) as filed: the rows 年度资金总额, 其中本年财政拨款, 上年结转资金 and 其他资金, each
 * with the columns 年初预算数, 全年预算数 (A) and 全年执行数 (B). Identity, in every column: 年度资金总额 = 本年财政拨款 +
 * 上年结转资金 + 其他资金 ({@link FundsChecks#check(NationalFunds)}). The 预算执行率 score reads A and B of the
 * 年度资金总额 row ({@link BudgetExecution}).
 *
 * @param total                年度资金总额
 * @param currentAppropriation 其中：本年财政拨款
 * @param priorCarryover       上年结转资金
 * @param other                其他资金
 */
public record NationalFunds(Row total, Row currentAppropriation, Row priorCarryover, Row other) {

    public NationalFunds {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(currentAppropriation, "currentAppropriation");
        Objects.requireNonNull(priorCarryover, "priorCarryover");
        Objects.requireNonNull(other, "other");
    }

    /**
     * One row's three figures.
     *
     * @param initialBudget 年初预算数
     * @param annualBudget  全年预算数 (A)
     * @param executed      全年执行数 (B)
     */
    public record Row(BigDecimal initialBudget, BigDecimal annualBudget, BigDecimal executed) {
        public Row {
            Objects.requireNonNull(initialBudget, "initialBudget");
            Objects.requireNonNull(annualBudget, "annualBudget");
            Objects.requireNonNull(executed, "executed");
        }
    }
}
