package cn.perf.domain.evaluation;

import cn.perf.scoring.check.Finding;
import cn.perf.scoring.check.Severity;
import cn.perf.scoring.sheet.RowResult;
import cn.perf.scoring.sheet.RowStatus;
import cn.perf.scoring.sheet.SheetResult;
import cn.perf.scoring.trace.Trace;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one scoring of a self-evaluation produced, in the terms the aggregate stores
 * ({@link SelfEvaluation#storeScoring}): per row the rules' score, its status and the trace (rule id + the Chinese
 * sentence), the national 预算执行率 score and trace, the grade, and every finding. Built from a perf-scoring
 * {@link SheetResult} of the sheet {@link EvaluationSheets#toSheet} made, whose rows are the form's rows in order.
 *
 * @param regimeId             the regime that scored, e.g. {@code SUZHOU_2017}
 * @param regimeReason         why that regime (Chinese), see {@link RegimeChoice}
 * @param scoredAt             when
 * @param rows                 one per indicator row, in form order
 * @param budgetExecutionScore national 预算执行率 score, {@code null} when not scored (Suzhou, or no 全年预算数)
 * @param budgetExecutionTrace its trace sentence, {@code null} when the regime does not score it
 * @param grade                等级 (优/良/中/差) on the computed total (暂定 while rows are pending)
 * @param findings             the sheet's findings, rows first, in order, then those the domain adds
 *                             ({@link #withFindings}: the differences from the approved declaration), so the stored
 *                             findings are the whole list a findings panel shows
 */
public record ScoringOutcome(String regimeId, String regimeReason, Instant scoredAt, List<RowScore> rows,
                             BigDecimal budgetExecutionScore, String budgetExecutionTrace, String grade,
                             List<FindingLine> findings) {

    public ScoringOutcome {
        Objects.requireNonNull(regimeId, "regimeId");
        Objects.requireNonNull(scoredAt, "scoredAt");
        rows = List.copyOf(rows);
        findings = List.copyOf(findings);
    }

    /**
     * One row's result.
     *
     * @param position      the indicator row (1-based, as on the form)
     * @param computedScore the rules' score (scale 2), {@code null} when the rules gave none (待审核人评分 / 评分无效)
     * @param status        已评分 / 审核人评分 / 待审核人评分 / 评分无效
     * @param traceRule     perf-scoring rule id, e.g. {@code SUZHOU_BAND_SHORT}
     * @param traceText     the Chinese sentence with its notes, e.g. "…完成率 93.0%，低于目标 7.0 个百分点，扣减权重 35%：6 × 65% = 3.90"
     */
    public record RowScore(int position, BigDecimal computedScore, RowStatus status, String traceRule,
                           String traceText) {
        public RowScore {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(traceRule, "traceRule");
            Objects.requireNonNull(traceText, "traceText");
        }
    }

    /**
     * One finding.
     *
     * @param severity    错误 / 警告 / 提示
     * @param code        perf-scoring {@code FindingCode} name
     * @param message     Chinese message
     * @param rowPosition the indicator row, {@code null} for the whole form
     * @param location    where, in words ("第5行 预算执行率", "市级财政资金使用情况")
     */
    public record FindingLine(Severity severity, String code, String message, Integer rowPosition,
                              String location) {
        public FindingLine {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            location = location == null ? "" : location;
        }

        public static FindingLine of(Finding f) {
            return new FindingLine(f.severity(), f.code().name(), f.message(), f.rowNumber(), f.location());
        }

        /** As the scorer prints it: "[错误][RECORDED_SCORE_MISMATCH] 第5行 预算执行率：填报自评分 6，…". */
        @Override
        public String toString() {
            return "[" + severity.label() + "][" + code + "] " + (location.isEmpty() ? "" : location + "：") + message;
        }
    }

    /** This outcome with {@code more} findings after the sheet's (checks the engine cannot make, e.g. {@link CarryOverCheck}). */
    public ScoringOutcome withFindings(List<FindingLine> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<FindingLine> all = new ArrayList<>(findings);
        all.addAll(more);
        return new ScoringOutcome(regimeId, regimeReason, scoredAt, rows, budgetExecutionScore, budgetExecutionTrace,
                grade, all);
    }

    /** The outcome of a scored sheet whose row {@code n} is the form's indicator row at position {@code n}. */
    public static ScoringOutcome of(SheetResult result, RegimeChoice choice, Instant at) {
        List<RowScore> rows = result.rows().stream().map(ScoringOutcome::row).toList();
        return new ScoringOutcome(result.regimeId(), choice.reason(), at, rows,
                result.budgetExecutionScore().orElse(null),
                result.budgetExecutionTrace().map(Trace::fullText).orElse(null), result.grade().name(),
                result.findings().stream().map(FindingLine::of).toList());
    }

    private static RowScore row(RowResult r) {
        return new RowScore(r.rowNumber(), r.computedScore(), r.status(), r.trace().ruleId(), r.trace().fullText());
    }
}
