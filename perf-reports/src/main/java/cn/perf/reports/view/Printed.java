package cn.perf.reports.view;

import cn.perf.domain.shared.Money;
import cn.perf.domain.shared.Paragraphs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the forms print values, shared by the view builders: amounts in 万元 and scores with two decimals (HALF_UP),
 * rates in % with two decimals, dates as 2019年12月2日, times in Beijing time, stored text blocks as their paragraphs
 * (one per line; stored {@code <p>} markup never passes through), empty for absent values.
 */
final class Printed {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);

    private Printed() {
    }

    /** An amount in 万元 with two decimals, or "" when absent. */
    static String money(Money m) {
        return m == null ? "" : m.display();
    }

    /** The number behind an amount (for Excel), or null. */
    static BigDecimal wan(Money m) {
        return m == null ? null : m.wan().setScale(Money.DISPLAY_SCALE, RoundingMode.HALF_UP);
    }

    /** A score, weight or rate with two decimals, or "". */
    static String two(BigDecimal v) {
        return v == null ? "" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Two decimals as a number (for Excel), or null. */
    static BigDecimal twoValue(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }

    /** Points as the form's category labels print them: 26, 2.5 (no trailing zeros). */
    static String points(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    /** 2019年12月2日, or "". */
    static String date(LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** 2026-11-30 14:05 in Beijing time, or "". */
    static String minute(Instant t) {
        return t == null ? "" : MINUTE.format(t);
    }

    /** 是 / 否, or "" when not answered. */
    static String yesNo(Boolean b) {
        return b == null ? "" : (b ? "是" : "否");
    }

    /** The paragraphs of a stored text block, one per line. */
    static String paragraphs(String stored) {
        return String.join("\n", Paragraphs.of(stored));
    }

    static String text(String s) {
        return s == null ? "" : s.strip();
    }

    /**
     * Row spans for merging equal neighbours of a column (类别, 一级指标): for each row, how many rows its cell spans,
     * or 0 where the cell above covers it.
     */
    static <T> int[] runs(List<T> rows, Function<T, String> key) {
        int[] spans = new int[rows.size()];
        int start = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size() || !Objects.equals(key.apply(rows.get(i)), key.apply(rows.get(start)))) {
                spans[start] = i - start;
                start = i;
            }
        }
        return spans;
    }

    /** Relative widths as the list FormView takes. */
    static List<Float> widths(float... w) {
        List<Float> out = new ArrayList<>(w.length);
        for (float f : w) {
            out.add(f);
        }
        return out;
    }
}
