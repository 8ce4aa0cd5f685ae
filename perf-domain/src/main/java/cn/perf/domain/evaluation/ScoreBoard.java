package cn.perf.domain.evaluation;

import cn.perf.domain.shared.Violation;
import cn.perf.scoring.check.FindingCode;
import cn.perf.scoring.regime.QualitativeScheme;
import cn.perf.scoring.regime.ScoringRegime;
import cn.perf.scoring.sheet.CategoryResult;
import cn.perf.scoring.sheet.RowResult;
import cn.perf.scoring.sheet.SheetResult;
import cn.perf.scoring.trace.Trace;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the self-evaluation pages show of one scoring (DESIGN.md §3): each row with its weight, filed and computed
 * score, status, trace and the band a qualitative row must choose in; each category's subtotal; the 预算执行率 score;
 * total, grade and filed total; and <b>one list of findings</b> — the engine's and the differences from the approved
 * declaration, nothing from a second source — each naming its row. Built from a {@link SheetResult} of the same
 * engine a save stores, so the live score and the stored one never disagree.
 *
 * @param regimeId       the regime that scored
 * @param regimeName     its Chinese name
 * @param regimeReason   why this regime (its own), or that it is a what-if under another one
 * @param ownRegime      whether this is the form's own regime
 * @param violations     input the verbs refused (live preview only; empty on a stored form)
 * @param qualitativeWords the words a 定性 row's 实际完成值 may take (Suzhou grades 好…差; national tiers 达成…)
 */
public record ScoreBoard(String regimeId, String regimeName, String regimeReason, boolean ownRegime,
                         List<Row> rows, List<CategoryScore> categories, BigDecimal budgetExecutionPoints,
                         BigDecimal budgetExecutionScore, BigDecimal budgetExecutionRecordedScore,
                         String budgetExecutionTrace, BigDecimal total, BigDecimal maxPoints, boolean complete,
                         String grade, String gradeTrace, BigDecimal recordedTotal,
                         List<ScoringOutcome.FindingLine> findings, List<Violation> violations,
                         List<String> qualitativeWords) {

    private static final Set<String> REASON_CODES = Set.of(FindingCode.DEVIATION_REASON_MISSING.name(),
            FindingCode.OVER_ACHIEVEMENT_UNEXPLAINED.name());

    public ScoreBoard {
        rows = List.copyOf(rows);
        categories = List.copyOf(categories);
        findings = List.copyOf(findings);
        violations = List.copyOf(violations);
        qualitativeWords = List.copyOf(qualitativeWords);
    }

    /**
     * One indicator row.
     *
     * @param band           for a 定性 row, the choices in words (national: each tier's score range for this weight;
     *                       Suzhou: the grade words and their shares); {@code null} for a 定量 row
     * @param reasonRequired the engine asks for 偏差原因分析及改进措施 (short of target or over-achieved, unexplained)
     * @param reasonAsked    the row is short of target or over-achieved, explained or not (the page shows the field)
     */
    public record Row(int position, String category, String subCategory, String name, String target,
                      BigDecimal weight, String actual, BigDecimal recordedScore, BigDecimal computedScore,
                      BigDecimal finalScore, String status, String statusLabel, String traceRule, String trace,
                      boolean qualitative, String band, String deviationReason, boolean reasonRequired,
                      boolean reasonAsked, List<ScoringOutcome.FindingLine> findings) {

        /** Whether the filed 自评分 differs from the score that counts. */
        public boolean recordedDiffers() {
            return recordedScore != null && finalScore != null && recordedScore.compareTo(finalScore) != 0;
        }
    }

    /** One category (类别 / 一级指标) with its points and the sum of its rows' scores. */
    public record CategoryScore(String name, BigDecimal points, BigDecimal weightSum, BigDecimal score, int rows) {
    }

    /**
     * The board of {@code result}, the scoring of {@code form} (row {@code n} = form row {@code n}).
     *
     * @param extraFindings findings from outside the engine (differences from the approved declaration)
     * @param violations    input refused while building {@code form} (preview)
     */
    public static ScoreBoard of(SelfEvaluation form, SheetResult result, ScoringRegime regime, String reason,
                                boolean ownRegime, List<ScoringOutcome.FindingLine> extraFindings,
                                List<Violation> violations) {
        List<ScoringOutcome.FindingLine> findings = new ArrayList<>();
        result.findings().forEach(f -> findings.add(ScoringOutcome.FindingLine.of(f)));
        findings.addAll(extraFindings);
        List<Row> rows = new ArrayList<>();
        for (RowResult r : result.rows()) {
            EvaluationIndicator i = form.indicators().get(r.rowNumber() - 1);
            List<ScoringOutcome.FindingLine> mine = findings.stream()
                    .filter(f -> f.rowPosition() != null && f.rowPosition() == r.rowNumber()).toList();
            boolean required = mine.stream().anyMatch(f -> REASON_CODES.contains(f.code()));
            boolean asked = required || mine.stream().anyMatch(f -> f.code().startsWith("OVER_ACHIEVEMENT"))
                    || (r.computedScore() != null && r.computedScore().compareTo(r.weight()) < 0);
            rows.add(new Row(r.rowNumber(), i.category(), i.subCategory(), i.name(), i.target().originalText(),
                    r.weight(), i.actual().originalText(), i.recordedScore(), r.computedScore(), r.finalScore(),
                    r.status().name(), r.status().label(), r.trace().ruleId(), r.trace().fullText(),
                    i.target().isQualitative(), i.target().isQualitative() ? band(regime, r.weight()) : null,
                    i.deviationReason(), required, asked, mine));
        }
        List<CategoryScore> categories = new ArrayList<>();
        for (CategoryResult c : result.categories()) {
            categories.add(new CategoryScore(c.name(), c.points(), c.weightSum(), c.score(), c.rows()));
        }
        return new ScoreBoard(result.regimeId(), result.regimeName(), reason, ownRegime, rows, categories,
                regime.scoresBudgetExecution() ? regime.budgetExecutionPoints().setScale(2, RoundingMode.HALF_UP) : null,
                result.budgetExecutionScore().orElse(null), form.budgetExecutionRecordedScore(),
                result.budgetExecutionTrace().map(Trace::fullText).orElse(null), result.total(), result.maxPoints(),
                result.complete(), result.grade().name(), result.gradeTrace().fullText(), form.recordedTotal(),
                findings, violations, regime.qualitative().mode() == QualitativeScheme.Mode.TIERS
                        ? regime.qualitative().tiers().stream().map(QualitativeScheme.Tier::name).toList()
                        : regime.qualitative().grades().stream().map(QualitativeScheme.Grade::name).toList());
    }

    /** The findings about no row (funds, totals, the form as a whole). */
    public List<ScoringOutcome.FindingLine> formFindings() {
        return findings.stream().filter(f -> f.rowPosition() == null).toList();
    }

    /** Rows that still need 偏差原因分析及改进措施 before the form may be submitted. */
    public List<Row> rowsNeedingReason() {
        return rows.stream().filter(Row::reasonRequired).toList();
    }

    /**
     * The choices of a 定性 row in words: national tiers as score ranges of {@code weight}
     * ("达成 4.00–5.00；部分达成 3.00–4.00；未达成 0.00–3.00"), Suzhou grades as shares ("好 100%；较好 80%；…").
     */
    static String band(ScoringRegime regime, BigDecimal weight) {
        QualitativeScheme q = regime.qualitative();
        List<String> parts = new ArrayList<>();
        if (q.mode() == QualitativeScheme.Mode.TIERS) {
            for (QualitativeScheme.Tier t : q.tiers()) {
                parts.add(t.name() + " " + share(weight, t.minPercent()) + "–" + share(weight, t.maxPercent()));
            }
        } else {
            for (QualitativeScheme.Grade g : q.grades()) {
                parts.add(g.name() + " " + g.percent().stripTrailingZeros().toPlainString() + "%");
            }
        }
        return String.join("；", parts);
    }

    private static String share(BigDecimal weight, BigDecimal percent) {
        return weight.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP).toPlainString();
    }
}
