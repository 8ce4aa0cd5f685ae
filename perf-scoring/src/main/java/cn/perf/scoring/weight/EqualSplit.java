package cn.perf.scoring.weight;

import cn.perf.scoring.trace.Numbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An equal split of a category's points over its rows (Suzhou 填表说明 §3: 各项指标分值 = 该类总分值 / 指标个数),
 * rounded HALF_UP to {@code scale} decimals with the last row taking the remainder so the category sums exactly
 * (seed 002: 产出 24 over 11 rows = 2.18 × 10 + 2.20; 结果 22 over 9 rows = 2.44 × 8 + 2.48).
 *
 * <p>Edge case: when HALF_UP rounding of the share would leave a negative remainder (only possible when
 * points &lt; n(n−1)/200, e.g. 1 point over 61 rows), the share is rounded down instead and {@link #roundedDown()}
 * says so. Every weight is then non-negative and the sum is still exact.
 *
 * @param points      category points
 * @param weights     one weight per row, in order; their sum equals {@code points} exactly
 * @param share       the common share of the first n − 1 rows
 * @param last        the last row's weight (the remainder)
 * @param roundedDown true when the share had to be rounded down (see above)
 */
public record EqualSplit(BigDecimal points, List<BigDecimal> weights, BigDecimal share, BigDecimal last,
                         boolean roundedDown) {

    public EqualSplit {
        weights = List.copyOf(weights);
    }

    /**
     * Splits {@code points} over {@code rows} rows.
     *
     * @throws IllegalArgumentException if rows &lt; 1 or points &lt; 0
     */
    public static EqualSplit of(BigDecimal points, int rows, int scale) {
        Objects.requireNonNull(points, "points");
        if (rows < 1) {
            throw new IllegalArgumentException("指标个数应至少为1：" + rows);
        }
        if (points.signum() < 0) {
            throw new IllegalArgumentException("分值不能为负：" + points);
        }
        BigDecimal n = BigDecimal.valueOf(rows);
        BigDecimal share = points.divide(n, scale, RoundingMode.HALF_UP);
        BigDecimal last = points.subtract(share.multiply(BigDecimal.valueOf(rows - 1L)));
        boolean down = false;
        if (last.signum() < 0) {
            share = points.divide(n, scale, RoundingMode.DOWN);
            last = points.subtract(share.multiply(BigDecimal.valueOf(rows - 1L)));
            down = true;
        }
        List<BigDecimal> ws = new ArrayList<>(Collections.nCopies(rows - 1, share));
        ws.add(last.setScale(Math.max(scale, last.scale()), RoundingMode.UNNECESSARY));
        return new EqualSplit(points, ws, share, ws.get(rows - 1), down);
    }

    /** "24 ÷ 11 = 2.18（保留2位小数），末项取余 24 − 2.18 × 10 = 2.20". */
    public String explain() {
        int n = weights.size();
        if (n == 1) {
            return "该类仅1项指标，权重 = " + Numbers.plain(points);
        }
        String s = Numbers.plain(points) + " ÷ " + n + " = " + share.toPlainString()
                + (roundedDown ? "（四舍五入会使末项为负，改为舍去）" : "（四舍五入保留" + share.scale() + "位小数）");
        return s + "，末项取余 " + Numbers.plain(points) + " − " + share.toPlainString() + " × " + (n - 1)
                + " = " + last.toPlainString();
    }
}
