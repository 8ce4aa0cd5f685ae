package cn.perf.domain.evaluation;

import java.util.Objects;

import cn.perf.domain.shared.Money;

/**
 * Input/output value of one national 项目资金 row.
 *
 * @param kind          which row
 * @param initialBudget 年初预算数
 * @param annualBudget  全年预算数 (A)
 * @param executed      全年执行数 (B)
 */
public record NationalFundLine(NationalFundKind kind, Money initialBudget, Money annualBudget, Money executed) {

    public NationalFundLine {
        Objects.requireNonNull(kind, "资金行不能为空");
        String row = kind.label();
        Objects.requireNonNull(initialBudget, row + "的年初预算数不能为空");
        Objects.requireNonNull(annualBudget, row + "的全年预算数不能为空");
        Objects.requireNonNull(executed, row + "的全年执行数不能为空");
    }

    /** A row with every figure zero. */
    public static NationalFundLine zero(NationalFundKind kind) {
        return new NationalFundLine(kind, Money.ZERO, Money.ZERO, Money.ZERO);
    }
}
