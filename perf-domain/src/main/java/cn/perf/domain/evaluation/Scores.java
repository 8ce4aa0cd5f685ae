package cn.perf.domain.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Weights and scores: {@code BigDecimal} with scale 2 ({@code numeric(7,2)}), HALF_UP, never negative. */
final class Scores {

    static final int SCALE = 2;
    private static final BigDecimal LIMIT = new BigDecimal("100000");

    private Scores() {
    }

    /** A required non-negative number of points, scaled to 2 decimals; the message names {@code what}. */
    static BigDecimal points(BigDecimal value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + "不能为空");
        }
        return optionalPoints(value, what);
    }

    /** As {@link #points} but {@code null} stays {@code null}. */
    static BigDecimal optionalPoints(BigDecimal value, String what) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(what + "不能为负数：" + value.toPlainString());
        }
        if (value.compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException(what + "超出范围：" + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException(what + "最多两位小数：" + value.toPlainString());
        }
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal sum(Iterable<BigDecimal> values) {
        BigDecimal total = BigDecimal.ZERO.setScale(SCALE);
        for (BigDecimal v : values) {
            if (v != null) {
                total = total.add(v);
            }
        }
        return total;
    }
}
