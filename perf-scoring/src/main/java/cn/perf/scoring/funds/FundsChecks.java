package cn.perf.scoring.funds;

import cn.perf.scoring.check.Finding;
import cn.perf.scoring.check.FindingCode;
import cn.perf.scoring.check.Severity;
import cn.perf.scoring.trace.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The funds identities of DESIGN.md §2.3 (Suzhou), the national 项目资金 column sums (§2.4) and the sub-project sum. Pure functions returning findings; nothing is
 * corrected. Amounts are compared exactly (BigDecimal#compareTo), as the form prints them.
 */
public final class FundsChecks {

    private FundsChecks() {
    }

    /** 指标结余数 = 年初预算数 + 调整数 − 财政拨款数. */
    public static List<Finding> check(CityBudgetExecution b) {
        List<Finding> out = new ArrayList<>();
        BigDecimal expected = b.initialBudget().add(b.adjustment()).subtract(b.appropriated());
        if (expected.compareTo(b.indicatorBalance()) != 0) {
            out.add(Finding.sheet(Severity.ERROR, FindingCode.FUNDS_BUDGET_BALANCE, "市级预算执行情况",
                    "指标结余数填报 " + m(b.indicatorBalance()) + "，但 年初预算数 " + m(b.initialBudget()) + " + 调整数 "
                            + m(b.adjustment()) + " − 财政拨款数 " + m(b.appropriated()) + " = " + m(expected)));
        }
        return out;
    }

    /** 资金结余、结转数 = 财政拨款数 − 实际支付数 = 结转数 + 财政收回数. */
    public static List<Finding> check(CityFundsUse u) {
        List<Finding> out = new ArrayList<>();
        BigDecimal unpaid = u.appropriated().subtract(u.actualPaid());
        if (unpaid.compareTo(u.balance()) != 0) {
            out.add(Finding.sheet(Severity.ERROR, FindingCode.FUNDS_PAYMENT_BALANCE, "市级财政资金使用情况",
                    "资金结余、结转数填报 " + m(u.balance()) + "，但 财政拨款数 " + m(u.appropriated()) + " − 实际支付数 "
                            + m(u.actualPaid()) + " = " + m(unpaid)));
        }
        BigDecimal split = u.carryover().add(u.recovered());
        if (split.compareTo(u.balance()) != 0) {
            out.add(Finding.sheet(Severity.ERROR, FindingCode.FUNDS_CARRYOVER_SPLIT, "市级财政资金使用情况",
                    "资金结余、结转数 " + m(u.balance()) + " 应等于 结转数 " + m(u.carryover()) + " + 财政收回数 "
                            + m(u.recovered()) + " = " + m(split) + "，相差 " + m(u.balance().subtract(split))
                            + "：结余资金的去向（结转或收回）未填报"));
        }
        return out;
    }

    /** Both blocks carry 财政拨款数: they must agree. */
    public static List<Finding> check(CityBudgetExecution b, CityFundsUse u) {
        if (b.appropriated().compareTo(u.appropriated()) != 0) {
            return List.of(Finding.sheet(Severity.ERROR, FindingCode.FUNDS_APPROPRIATION_DIFFERS, "资金情况",
                    "市级预算执行情况的财政拨款数 " + m(b.appropriated()) + " 与市级财政资金使用情况的财政拨款数 "
                            + m(u.appropriated()) + " 不一致"));
        }
        return List.of();
    }

    /**
     * National 项目资金: in each column (年初预算数, 全年预算数, 全年执行数) 年度资金总额 = 本年财政拨款 + 上年结转资金 + 其他资金;
     * one finding per column that does not add up.
     */
    public static List<Finding> check(NationalFunds f) {
        List<Finding> out = new ArrayList<>();
        column(out, "年初预算数", f.total().initialBudget(), f.currentAppropriation().initialBudget(),
                f.priorCarryover().initialBudget(), f.other().initialBudget());
        column(out, "全年预算数", f.total().annualBudget(), f.currentAppropriation().annualBudget(),
                f.priorCarryover().annualBudget(), f.other().annualBudget());
        column(out, "全年执行数", f.total().executed(), f.currentAppropriation().executed(),
                f.priorCarryover().executed(), f.other().executed());
        return out;
    }

    private static void column(List<Finding> out, String column, BigDecimal total, BigDecimal appropriation,
                               BigDecimal carryover, BigDecimal other) {
        BigDecimal sum = appropriation.add(carryover).add(other);
        if (sum.compareTo(total) != 0) {
            out.add(Finding.sheet(Severity.ERROR, FindingCode.FUNDS_NATIONAL_TOTAL, "项目资金",
                    column + "：年度资金总额 " + m(total) + " 应等于 本年财政拨款 " + m(appropriation) + " + 上年结转资金 "
                            + m(carryover) + " + 其他资金 " + m(other) + " = " + m(sum) + "，相差 "
                            + m(total.subtract(sum))));
        }
    }

    /** 项目资金构成: the items sum to the printed 合计. */
    public static List<Finding> check(SubProjects s) {
        BigDecimal sum = s.sum();
        if (sum.compareTo(s.printedTotal()) != 0) {
            return List.of(Finding.sheet(Severity.ERROR, FindingCode.SUBPROJECT_SUM_MISMATCH, "项目资金构成",
                    s.items().size() + " 个子项目金额之和为 " + m(sum) + "，与合计 " + m(s.printedTotal()) + " 不一致，相差 "
                            + m(sum.subtract(s.printedTotal()))));
        }
        return List.of();
    }

    private static String m(BigDecimal v) {
        return Numbers.fixed(v, 2);
    }
}
