package cn.perf.scoring.funds;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Suzhou 市级财政资金使用情况 (万元). Identities: 资金结余、结转数 = 财政拨款数 − 实际支付数 = 结转数 + 财政收回数.
 *
 * @param appropriated 财政拨款数
 * @param actualPaid   实际支付数
 * @param balance      资金结余、结转数 (as filed)
 * @param carryover    其中：结转数
 * @param recovered    其中：财政收回数
 */
public record CityFundsUse(BigDecimal appropriated, BigDecimal actualPaid, BigDecimal balance, BigDecimal carryover,
                           BigDecimal recovered) {
    public CityFundsUse {
        Objects.requireNonNull(appropriated, "appropriated");
        Objects.requireNonNull(actualPaid, "actualPaid");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(carryover, "carryover");
        Objects.requireNonNull(recovered, "recovered");
    }
}
