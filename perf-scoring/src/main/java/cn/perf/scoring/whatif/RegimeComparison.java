package cn.perf.scoring.whatif;

import cn.perf.scoring.regime.ScoringRegime;
import cn.perf.scoring.sheet.RowResult;
import cn.perf.scoring.sheet.Sheet;
import cn.perf.scoring.sheet.SheetResult;
import cn.perf.scoring.sheet.SheetScorer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What-if: the same sheet scored under two regimes side by side (e.g. SUZHOU_2017 vs NATIONAL_2020, or a
 * province's variant with 80/70/60 grade bands).
 *
 * <pre>{@code
 * RegimeComparison c = RegimeComparison.compare(sheet, ScoringRegimes.SUZHOU_2017, ScoringRegimes.NATIONAL_2020);
 * String sideBySide = c.toText(); // or c.rows(): each row's name with left().finalScore() and right().finalScore()
 * }</pre>
 *
 * @param left            result under the first regime
 * @param right           result under the second regime
 * @param rows            per-row pairs, in sheet order
 * @param totalDifference right total − left total
 */
public record RegimeComparison(SheetResult left, SheetResult right, List<RowComparison> rows,
                               BigDecimal totalDifference) {

    public RegimeComparison {
        rows = List.copyOf(rows);
    }

    /** Scores {@code sheet} under both regimes and pairs the results. */
    public static RegimeComparison compare(Sheet sheet, ScoringRegime first, ScoringRegime second) {
        return of(new SheetScorer(first).score(sheet), new SheetScorer(second).score(sheet));
    }

    /** Pairs two results of the same sheet. */
    public static RegimeComparison of(SheetResult left, SheetResult right) {
        if (left.rows().size() != right.rows().size()) {
            throw new IllegalArgumentException("两个结果的指标行数不同，不是同一张表");
        }
        List<RowComparison> rows = new ArrayList<>();
        for (int i = 0; i < left.rows().size(); i++) {
            RowResult l = left.rows().get(i);
            RowResult r = right.rows().get(i);
            BigDecimal diff = l.finalScore() == null || r.finalScore() == null ? null : r.finalScore().subtract(l.finalScore());
            rows.add(new RowComparison(l.rowNumber(), l.category(), l.name(), l, r, diff));
        }
        return new RegimeComparison(left, right, rows, right.total().subtract(left.total()));
    }

    /** A plain-text table in Chinese. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("行\t类别\t指标\t").append(left.regimeId()).append("\t").append(right.regimeId()).append("\t差额\n");
        for (RowComparison r : rows) {
            b.append(r.rowNumber()).append('\t').append(r.category()).append('\t').append(r.name()).append('\t')
                    .append(cell(r.left())).append('\t').append(cell(r.right())).append('\t')
                    .append(r.difference() == null ? "—" : r.difference().toPlainString()).append('\n');
        }
        right.budgetExecutionScore().ifPresent(s -> b.append("\t\t预算执行率\t—\t").append(s.toPlainString()).append("\t\n"));
        left.budgetExecutionScore().ifPresent(s -> b.append("\t\t预算执行率\t").append(s.toPlainString()).append("\t—\t\n"));
        b.append("\t\t合计\t").append(left.total().toPlainString()).append(" / ").append(left.maxPoints().toPlainString())
                .append('\t').append(right.total().toPlainString()).append(" / ").append(right.maxPoints().toPlainString())
                .append('\t').append(totalDifference.toPlainString()).append('\n');
        b.append("\t\t等级\t").append(left.grade().name()).append('\t').append(right.grade().name()).append("\t\n");
        return b.toString();
    }

    private static String cell(RowResult r) {
        return r.finalScore() == null ? r.status().label() : r.finalScore().toPlainString();
    }
}
