package cn.perf.scoring.trace;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formatting of numbers for traces and messages. Pure functions; HALF_UP everywhere. */
public final class Numbers {
    private Numbers() {
    }

    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A number as written, without trailing zeros: 6, 2.18, 2.2, 3773. */
    public static String plain(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() < 0) {
            stripped = stripped.setScale(0, RoundingMode.UNNECESSARY);
        }
        return stripped.toPlainString();
    }

    /** A score with exactly {@code scale} decimals: 3.90. */
    public static String fixed(BigDecimal value, int scale) {
        return value == null ? "—" : value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** A ratio (0.93) as a percentage with at least one and at most two decimals: 93.0%. */
    public static String percentOfRatio(BigDecimal ratio) {
        return percentPoints(ratio.multiply(HUNDRED)) + "%";
    }

    /** Percentage points (7 → "7.0"): at least one, at most two decimals. */
    public static String percentPoints(BigDecimal points) {
        BigDecimal p = points.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (p.scale() < 1) {
            p = p.setScale(1, RoundingMode.UNNECESSARY);
        }
        return p.toPlainString();
    }

    /** A percentage given in points without forced decimals: 35 → "35%", 32.5 → "32.5%". */
    public static String percent(BigDecimal points) {
        return plain(points.setScale(4, RoundingMode.HALF_UP)) + "%";
    }
}
