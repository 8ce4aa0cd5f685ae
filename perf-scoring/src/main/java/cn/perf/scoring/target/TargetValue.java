package cn.perf.scoring.target;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A parsed 目标值 or 实际完成值. It always keeps the {@link #original()} text as filed.
 */
public sealed interface TargetValue {

    /** The text exactly as filed. */
    String original();

    /**
     * 定量: operator + number (+ 万/亿 magnitude) + unit.
     *
     * @param original  the filed text
     * @param operator  the comparison ({@link Operator#UNSPECIFIED} when none is written)
     * @param number    the number as written, thousands separators removed (805, 2690000, 3.5)
     * @param magnitude "万", "亿" or "" — a multiplier written after the number
     * @param unit      the unit after the magnitude, "" when none (%, 个, 台, 元, 小时 …: an open list)
     * @param approximation the word that makes the number approximate (约, 左右, 近 …), "" when the number is exact;
     *                      an approximate value is never scored as exact (see {@link TargetValueParser})
     */
    record Quantitative(String original, Operator operator, BigDecimal number, String magnitude, String unit,
                        String approximation) implements TargetValue {
        public Quantitative {
            Objects.requireNonNull(original, "original");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(number, "number");
            magnitude = magnitude == null ? "" : magnitude;
            unit = unit == null ? "" : unit;
            approximation = approximation == null ? "" : approximation;
        }

        /** An exact value (no approximation word). */
        public Quantitative(String original, Operator operator, BigDecimal number, String magnitude, String unit) {
            this(original, operator, number, magnitude, unit, "");
        }

        /** Whether the text says the number is approximate (约35个, 35个左右, 近35个). */
        public boolean isApproximate() {
            return !approximation.isEmpty();
        }

        /** The number times its magnitude (3.5万 → 35000). */
        public BigDecimal value() {
            return switch (magnitude) {
                case "万" -> number.multiply(BigDecimal.valueOf(10_000));
                case "亿" -> number.multiply(BigDecimal.valueOf(100_000_000));
                default -> number;
            };
        }

        /** Magnitude and unit together, as a reader writes them after the number: "万元", "%", "个". */
        public String unitText() {
            return magnitude + unit;
        }

        public boolean isPercent() {
            return "%".equals(unit) || "‰".equals(unit);
        }

        /** Canonical display: "≥ 35 个", "≤ 15 %", "= 805 个", "100 %". */
        public String canonical() {
            String n = number.stripTrailingZeros().scale() < 0
                    ? number.setScale(0, java.math.RoundingMode.UNNECESSARY).toPlainString()
                    : number.stripTrailingZeros().toPlainString();
            String op = operator.symbol().isEmpty() ? "" : operator.symbol() + " ";
            String u = unitText().isEmpty() ? "" : " " + unitText();
            return op + n + u;
        }
    }

    /**
     * 定性: a word or sentence (健全, 合规, 提升, 每月一次 …), kept as written.
     *
     * @param original       the filed text
     * @param text           the trimmed text
     * @param mentionsNumber true when the prose contains digits (e.g. 提供78个就业机会): still qualitative, but a
     *                       check suggests rewriting it as a quantitative target
     */
    record Qualitative(String original, String text, boolean mentionsNumber) implements TargetValue {
        public Qualitative {
            Objects.requireNonNull(original, "original");
            Objects.requireNonNull(text, "text");
        }
    }
}
