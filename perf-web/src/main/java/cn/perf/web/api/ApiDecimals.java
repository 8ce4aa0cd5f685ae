package cn.perf.web.api;

import cn.perf.domain.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts, weights, scores and rates in the API's JSON: decimal <em>strings</em> ({@code "41.86"}), never binary
 * floating point — a program reads them with its decimal type, and no JSON parser rounds them on the way. At least
 * two decimals, as the forms print them; an amount keeps up to six where it was filed with them (万元, stored as
 * {@code numeric(18,6)}), so what a program reads it can send back unchanged.
 */
public final class ApiDecimals {

    private ApiDecimals() {
    }

    /** An amount in 万元, or null. */
    public static String money(Money m) {
        return m == null ? null : decimal(m.wan());
    }

    /** A weight, score or rate with at least two decimals, or null. */
    public static String decimal(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal stripped = d.stripTrailingZeros();
        return (stripped.scale() < 2 ? d.setScale(2, RoundingMode.UNNECESSARY) : stripped).toPlainString();
    }
}
