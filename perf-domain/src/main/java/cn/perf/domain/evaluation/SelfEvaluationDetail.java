package cn.perf.domain.evaluation;

import cn.perf.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Read model of one self-evaluation, everything the detail page and the PDF/Excel exports show, as plain values
 * (no entities, nothing lazy). Built by {@link #of}.
 */
public record SelfEvaluationDetail(Long id, long version, Long declarationId, EvaluationLayout layout,
                                   EvaluationOrigin origin, EvaluationStatus status, Long unitId, String unitName,
                                   Long departmentId, String departmentName, String projectName, int year,
                                   CityBudgetRow cityBudgetExecution, CityFundsUseRow cityFundsUse,
                                   List<SubProjectLine> subProjects, Money subProjectTotal,
                                   List<NationalFundView> nationalFunds, BigDecimal budgetExecutionPoints,
                                   BigDecimal budgetExecutionRecordedScore, BigDecimal budgetExecutionComputedScore,
                                   List<CategoryLine> categories, List<IndicatorView> indicators,
                                   BigDecimal totalPoints, BigDecimal recordedTotal, BigDecimal computedTotal,
                                   String overview, String overallGoal, String annualGoal,
                                   ImplementationReport report, String filer, String unitLeader,
                                   LocalDate filingDate, Instant submittedAt, String reviewer, Instant confirmedAt,
                                   String returnComment, List<AdjustmentView> adjustments,
                                   List<FundsIdentityViolation> fundsFindings, Scoring scoring) {

    /**
     * The last scoring as stored (no re-scoring): regime and why, when, grade, the national 预算执行率 trace, and the
     * findings; {@code null} fields until the form is scored (then {@link #scored()} is false).
     */
    public record Scoring(String regimeId, String regimeReason, Instant scoredAt, String grade,
                          String budgetExecutionTrace, List<ScoringOutcome.FindingLine> findings) {
        public boolean scored() {
            return scoredAt != null;
        }
    }

    /** 市级预算执行情况. */
    public record CityBudgetRow(Money initialBudget, Money adjustment, Money appropriated, Money indicatorBalance) {
    }

    /** 市级财政资金使用情况. */
    public record CityFundsUseRow(Money appropriated, Money actualPaid, Money balance, Money carryover,
                                  Money recovered) {
    }

    /** One national 项目资金 row with its 执行率 (B/A, %). */
    public record NationalFundView(NationalFundKind kind, Money initialBudget, Money annualBudget, Money executed,
                                   BigDecimal executionRatePercent) {
    }

    /**
     * One indicator row; target and actual as their original texts; the last scoring's status (Chinese label), rule
     * id and trace sentence ({@code null} until scored).
     */
    public record IndicatorView(int position, String category, String subCategory, String name, String explanation,
                                String target, BigDecimal weight, String actual, BigDecimal recordedScore,
                                BigDecimal computedScore, BigDecimal adjustedScore, BigDecimal effectiveScore,
                                String deviationReason, String scoreStatus, String traceRule, String traceText) {
    }

    /** One reviewer adjustment. */
    public record AdjustmentView(int indicatorPosition, String indicatorName, BigDecimal previousScore,
                                 BigDecimal adjustedScore, String reason, String reviewer, Instant adjustedAt) {
    }

    /** The read model of a loaded aggregate (its collections must be initialized). */
    public static SelfEvaluationDetail of(SelfEvaluation e, String unitName, String departmentName) {
        CityBudgetRow budget = e.cityBudgetExecution().map(b -> new CityBudgetRow(b.initialBudget(), b.adjustment(),
                b.appropriated(), b.indicatorBalance())).orElse(null);
        CityFundsUseRow use = e.cityFundsUse().map(u -> new CityFundsUseRow(u.appropriated(), u.actualPaid(),
                u.balance(), u.carryover(), u.recovered())).orElse(null);
        return new SelfEvaluationDetail(e.id(), e.version(), e.declarationId(), e.layout(), e.origin(), e.status(),
                e.unitId(), unitName, e.departmentId(), departmentName, e.projectName(), e.year().value(), budget, use,
                e.subProjects().stream().map(EvaluationSubProject::toLine).toList(), e.subProjectTotal(),
                e.nationalFunds().stream().map(r -> new NationalFundView(r.kind(), r.initialBudget(),
                        r.annualBudget(), r.executed(), r.executionRatePercent())).toList(),
                e.budgetExecutionPoints(), e.budgetExecutionRecordedScore(), e.budgetExecutionComputedScore(),
                e.categories().stream().map(EvaluationCategory::toLine).toList(),
                e.indicators().stream().map(i -> new IndicatorView(i.position(), i.category(), i.subCategory(),
                        i.name(), i.explanation(), i.target().originalText(), i.weight(), i.actual().originalText(),
                        i.recordedScore(), i.computedScore(), i.adjustedScore(), i.effectiveScore(),
                        i.deviationReason(), i.scoreStatus() == null ? null : i.scoreStatus().label(),
                        i.traceRule(), i.traceText())).toList(),
                e.totalPoints(), e.recordedTotal(), e.computedTotal(), e.overview(), e.overallGoal(), e.annualGoal(),
                e.report(), e.signOff().filer(), e.signOff().unitLeader(), e.signOff().filingDate(),
                e.submittedAt(), e.reviewer(), e.confirmedAt(), e.returnComment(),
                e.adjustments().stream().map(a -> new AdjustmentView(a.indicatorPosition(), a.indicatorName(),
                        a.previousScore(), a.adjustedScore(), a.reason(), a.reviewer(), a.adjustedAt())).toList(),
                e.fundsFindings(),
                new Scoring(e.scoringRegime(), e.scoringRegimeReason(), e.scoredAt(), e.computedGrade(),
                        e.budgetExecutionTraceText(),
                        e.findings().stream().map(EvaluationFinding::toLine).toList()));
    }
}
