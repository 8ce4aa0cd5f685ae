package cn.perf.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in 万元, as the forms show it. Stored with six decimals ({@code numeric(18,6)}: filling guides allow
 * six), displayed with two. One rounding mode, {@link RoundingMode#HALF_UP}. Never {@code double}.
 */
public final class Money implements Comparable<Money> {

    public static final int STORED_SCALE = 6;
    public static final int DISPLAY_SCALE = 2;
    /** numeric(18,6): at most 12 digits before the point. */
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    private final BigDecimal wan;

    private Money(BigDecimal wan) {
        BigDecimal scaled = wan.setScale(STORED_SCALE, RoundingMode.HALF_UP);
        if (scaled.abs().compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("金额超出范围（万元）：" + wan.toPlainString());
        }
        this.wan = scaled;
    }

    /** An amount in 万元. */
    public static Money ofWan(BigDecimal wan) {
        return new Money(Objects.requireNonNull(wan, "金额"));
    }

    /** An amount in 万元 written as text, e.g. {@code "41.86"}; thousands separators are allowed. */
    public static Money ofWan(String wan) {
        if (wan == null || wan.isBlank()) {
            throw new IllegalArgumentException("金额不能为空");
        }
        try {
            return new Money(new BigDecimal(wan.strip().replace(",", "").replace("，", "")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("金额格式不正确（应为数字，单位万元）：" + wan, e);
        }
    }

    /** The amount in 万元 with six decimals. */
    public BigDecimal wan() {
        return wan;
    }

    public Money plus(Money other) {
        return new Money(wan.add(other.wan));
    }

    public Money minus(Money other) {
        return new Money(wan.subtract(other.wan));
    }

    public boolean isNegative() {
        return wan.signum() < 0;
    }

    public boolean isZero() {
        return wan.signum() == 0;
    }

    /** {@code this / base} as a percentage with {@code scale} decimals, or {@code null} when base is zero. */
    public BigDecimal percentOf(Money base, int scale) {
        if (base.isZero()) {
            return null;
        }
        return wan.multiply(BigDecimal.valueOf(100)).divide(base.wan, scale, RoundingMode.HALF_UP);
    }

    /** The amount as printed on a form: two decimals. */
    public String display() {
        return wan.setScale(DISPLAY_SCALE, RoundingMode.HALF_UP).toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        return wan.compareTo(other.wan);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && wan.compareTo(m.wan) == 0;
    }

    @Override
    public int hashCode() {
        return wan.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return display() + " 万元";
    }
}
