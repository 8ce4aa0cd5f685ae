package cn.perf.scoring.funds;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Suzhou 市级预算执行情况 (万元). Identity: 指标结余数 = 年初预算数 + 调整数 − 财政拨款数.
 *
 * @param initialBudget    年初预算数
 * @param adjustment       当年使用上年结余、结转及当年调整预算数
 * @param appropriated     财政拨款数
 * @param indicatorBalance 指标结余数 (as filed)
 */
public record CityBudgetExecution(BigDecimal initialBudget, BigDecimal adjustment, BigDecimal appropriated,
                                  BigDecimal indicatorBalance) {
    public CityBudgetExecution {
        Objects.requireNonNull(initialBudget, "initialBudget");
        Objects.requireNonNull(adjustment, "adjustment");
        Objects.requireNonNull(appropriated, "appropriated");
        Objects.requireNonNull(indicatorBalance, "indicatorBalance");
    }
}
