package cn.perf.domain.evaluation;

import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.IndicatorValue;
import cn.perf.domain.shared.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * 绩效自评表: the year-end self-evaluation of one approved declaration, in the Suzhou layout (DESIGN.md §2.3) or
 * the national layout (§2.4). Refers to its declaration, unit and department by id. Child rows (categories,
 * indicators, sub-projects, national fund rows, reviewer adjustments) are owned: cascaded, orphan-removed, ordered
 * by an explicit {@code position}.
 *
 * <h2>Workflow (§4)</h2>
 * {@link #fromDeclaration created from the approved declaration} → {@link EvaluationStatus#DRAFT 草稿}
 * —{@link #submit}→ {@link EvaluationStatus#SUBMITTED 已提交} —{@link #startReview}→
 * {@link EvaluationStatus#UNDER_REVIEW 审核中} (the reviewer may {@link #adjustScore adjust a score with a reason})
 * —{@link #confirm}→ {@link EvaluationStatus#CONFIRMED 已确认}. {@link #returnForRevision 退回} (with a comment)
 * takes a submitted or reviewed form back to 草稿. There is no public status setter; every verb checks the state
 * and says in Chinese why it refuses.
 *
 * <h2>Funds identities: the rule chosen</h2>
 * The Suzhou identities (指标结余数 = 年初预算数 + 调整数 − 财政拨款数; 资金结余、结转数 = 财政拨款数 − 实际支付数 =
 * 结转数 + 财政收回数; both 财政拨款数 agree; 子项目 sum = 合计) and the national one (年度资金总额 = 本年财政拨款 +
 * 上年结转资金 + 其他资金, per column) are <b>enforced on everything a filer records in this system</b>:
 * {@link #recordCityBudgetExecution}, {@link #recordCityFundsUse}, {@link #recordNationalFunds} reject figures
 * that break an identity of their block with a {@link FundsIdentityException} naming the figures, and
 * {@link #submit} re-checks all of them (including the cross-block ones).
 * <p>
 * A form <b>filed elsewhere and imported</b> ({@link #importing}, origin {@link EvaluationOrigin#IMPORTED}) is a
 * historical record: it is stored exactly as printed, and its violations are <b>reported as findings</b> by
 * {@link #fundsFindings()}, never corrected and never a reason to refuse the record. Seed 002 is such a form: it
 * prints 资金结余、结转数 260.00 with 结转数 0.00 + 财政收回数 0.00. If an imported form is returned for revision, the
 * filer's corrections go through the strict verbs and {@link #submit} again, so it cannot be re-submitted broken.
 */
@Entity
@Table(name = "self_evaluation")
public class SelfEvaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "declaration_id", nullable = false)
    private Long declarationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "layout", nullable = false, length = 32)
    private EvaluationLayout layout;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin", nullable = false, length = 32)
    private EvaluationOrigin origin;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 32)
    private EvaluationStatus status;

    /** 项目主管部门(单位) (Suzhou) / 实施单位 (national). */
    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    /** 主管部门 (national); {@code null} on the Suzhou form. */
    @Column(name = "department_id")
    private Long departmentId;

    @Column(name = "project_name", nullable = false, length = 300)
    private String projectName;

    @Column(name = "fiscal_year", nullable = false)
    private FiscalYear year;

    @Embedded
    private CityBudgetExecution cityBudgetExecution;

    @Embedded
    private CityFundsUse cityFundsUse;

    /** 项目资金构成 合计 as filed (for a form filled here: the sum of the rows). */
    @Column(name = "sub_project_total")
    private Money subProjectTotal;

    /** National 项目资金 分值 (10); {@code null} on the Suzhou form. */
    @Column(name = "budget_execution_points", precision = 7, scale = 2)
    private BigDecimal budgetExecutionPoints;

    /** National 项目资金 得分 as filed. */
    @Column(name = "budget_execution_recorded_score", precision = 7, scale = 2)
    private BigDecimal budgetExecutionRecordedScore;

    /** National 项目资金 得分 as computed. */
    @Column(name = "budget_execution_computed_score", precision = 7, scale = 2)
    private BigDecimal budgetExecutionComputedScore;

    @Column(name = "overview", columnDefinition = "text")
    private String overview;

    @Column(name = "overall_goal", columnDefinition = "text")
    private String overallGoal;

    @Column(name = "annual_goal", columnDefinition = "text")
    private String annualGoal;

    @Column(name = "implementation", columnDefinition = "text")
    private String implementation;

    @Column(name = "management_results", columnDefinition = "text")
    private String managementResults;

    @Column(name = "problems", columnDefinition = "text")
    private String problems;

    @Column(name = "suggestions", columnDefinition = "text")
    private String suggestions;

    @Column(name = "goal_achievement", columnDefinition = "text")
    private String goalAchievement;

    /** 合计 / 总分 as filed. */
    @Column(name = "recorded_total", precision = 7, scale = 2)
    private BigDecimal recordedTotal;

    /** Sum of the effective scores once every row is scored; {@code null} before. */
    @Column(name = "computed_total", precision = 7, scale = 2)
    private BigDecimal computedTotal;

    /** Id of the regime that last scored this form (e.g. SUZHOU_2017); {@code null} until scored. */
    @Column(name = "scoring_regime", length = 32)
    private String scoringRegime;

    /** Why that regime was chosen (Chinese). */
    @Column(name = "scoring_regime_reason", length = 300)
    private String scoringRegimeReason;

    @Column(name = "scored_at")
    private Instant scoredAt;

    /** 等级 on the computed total at the last scoring (优/良/中/差). */
    @Column(name = "computed_grade", length = 16)
    private String computedGrade;

    /** National 预算执行率: the trace of its computed score. */
    @Column(name = "budget_execution_trace_text", columnDefinition = "text")
    private String budgetExecutionTraceText;

    @Embedded
    private SignOff signOff;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "reviewer", length = 100)
    private String reviewer;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "return_comment", columnDefinition = "text")
    private String returnComment;

    @OneToMany(mappedBy = "evaluation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<EvaluationCategory> categories = new ArrayList<>();

    @OneToMany(mappedBy = "evaluation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<EvaluationIndicator> indicators = new ArrayList<>();

    @OneToMany(mappedBy = "evaluation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<EvaluationSubProject> subProjects = new ArrayList<>();

    @OneToMany(mappedBy = "evaluation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<NationalFundRow> nationalFunds = new ArrayList<>();

    @OneToMany(mappedBy = "evaluation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ScoreAdjustment> adjustments = new ArrayList<>();

    @OneToMany(mappedBy = "evaluation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<EvaluationFinding> findings = new ArrayList<>();

    protected SelfEvaluation() {
        // for JPA
    }

    private SelfEvaluation(DeclarationCarryOver source, EvaluationOrigin origin) {
        this.declarationId = source.declarationId();
        this.layout = source.layout();
        this.origin = origin;
        this.status = EvaluationStatus.DRAFT;
        this.unitId = source.unitId();
        this.departmentId = source.departmentId();
        this.projectName = source.projectName();
        this.year = source.year();
        this.overview = blankToNull(source.overview());
        this.overallGoal = blankToNull(source.overallGoal());
        this.annualGoal = blankToNull(source.annualGoal());
        this.signOff = SignOff.empty();
        int p = 1;
        for (CategoryLine c : source.categories()) {
            categories.add(new EvaluationCategory(this, p++, c));
        }
        p = 1;
        for (IndicatorLine i : source.indicators()) {
            indicators.add(new EvaluationIndicator(this, p++, i));
        }
        setSubProjects(source.subProjects());
        this.subProjectTotal = source.subProjects().isEmpty() ? null : subProjectSum();
        if (layout == EvaluationLayout.NATIONAL_2020) {
            this.budgetExecutionPoints = new BigDecimal("10.00");
            for (NationalFundKind kind : NationalFundKind.values()) {
                nationalFunds.add(new NationalFundRow(this, NationalFundLine.zero(kind)));
            }
        }
    }

    /**
     * A new draft from an approved declaration: categories, indicators, targets, weights, sub-projects and the
     * three generated narratives are carried over.
     */
    public static SelfEvaluation fromDeclaration(DeclarationCarryOver source) {
        return new SelfEvaluation(Objects.requireNonNull(source, "source"), EvaluationOrigin.DECLARATION);
    }

    /**
     * Starts recording a form filed elsewhere (paper, an earlier system), exactly as printed; see the class comment
     * for how its funds identities are treated. {@link FiledForm#filed()} ends it in 已提交.
     */
    public static FiledForm importing(DeclarationCarryOver source) {
        return new FiledForm(new SelfEvaluation(Objects.requireNonNull(source, "source"), EvaluationOrigin.IMPORTED));
    }

    /** Records a filed form as printed. Every value is stored as given; nothing is checked against the identities. */
    public static final class FiledForm {

        private final SelfEvaluation form;

        private FiledForm(SelfEvaluation form) {
            this.form = form;
        }

        /** 市级预算执行情况 as printed (Suzhou). */
        public FiledForm cityBudgetExecution(CityBudgetExecution figures) {
            form.requireLayout(EvaluationLayout.SUZHOU_2017, "市级预算执行情况");
            form.cityBudgetExecution = Objects.requireNonNull(figures, "市级预算执行情况");
            return this;
        }

        /** 市级财政资金使用情况 as printed (Suzhou). */
        public FiledForm cityFundsUse(CityFundsUse figures) {
            form.requireLayout(EvaluationLayout.SUZHOU_2017, "市级财政资金使用情况");
            form.cityFundsUse = Objects.requireNonNull(figures, "市级财政资金使用情况");
            return this;
        }

        /** 项目资金构成 rows and the 合计 as printed. */
        public FiledForm subProjects(List<SubProjectLine> rows, Money printedTotal) {
            form.setSubProjects(rows);
            form.subProjectTotal = Objects.requireNonNull(printedTotal, "项目资金构成合计");
            return this;
        }

        /** 项目资金 rows as printed (national) and the 得分 of the block. */
        public FiledForm nationalFunds(List<NationalFundLine> rows, BigDecimal recordedScore) {
            form.requireLayout(EvaluationLayout.NATIONAL_2020, "项目资金");
            form.setNationalFunds(rows);
            form.budgetExecutionRecordedScore = Scores.optionalPoints(recordedScore, "预算执行率得分");
            return this;
        }

        /** One indicator row's 实际完成值, 自评分/得分 and 偏差原因 as printed. */
        public FiledForm result(int position, String actual, BigDecimal recordedScore, String deviationReason) {
            EvaluationIndicator row = form.indicator(position);
            row.recordResult(IndicatorValue.of(actual == null ? "" : actual),
                    Scores.optionalPoints(recordedScore, "指标“" + row.name() + "”的自评分"), deviationReason);
            return this;
        }

        public FiledForm report(ImplementationReport report) {
            form.applyReport(report);
            return this;
        }

        /** 合计 / 总分 as printed. */
        public FiledForm recordedTotal(BigDecimal total) {
            form.recordedTotal = Scores.optionalPoints(total, "合计");
            return this;
        }

        public FiledForm signOff(SignOff signOff) {
            form.signOff = Objects.requireNonNull(signOff, "signOff");
            return this;
        }

        /** The imported form, in 已提交 (it was filed), waiting for review. */
        public SelfEvaluation filed(Instant filedAt) {
            form.status = EvaluationStatus.SUBMITTED;
            form.submittedAt = Objects.requireNonNull(filedAt, "filedAt");
            return form;
        }
    }

    /**
     * A transient copy of this form for a live preview or a what-if: the same header, rows, results, funds,
     * narratives, status and reviewer adjustments, but no id and no tie to the stored form, so applying verbs to it
     * and scoring it changes nothing that is kept. Never pass it to {@link SelfEvaluations#save}: it would be a second
     * form. Used by {@link EvaluationFiling#preview} so the live score runs the very verbs and engine a save runs.
     */
    public SelfEvaluation previewCopy() {
        SelfEvaluation c = new SelfEvaluation(new DeclarationCarryOver(declarationId, layout, unitId, departmentId,
                projectName, year, overview, overallGoal, annualGoal,
                categories.stream().map(EvaluationCategory::toLine).toList(),
                indicators.stream().map(EvaluationIndicator::toLine).toList(),
                subProjects.stream().map(EvaluationSubProject::toLine).toList()), origin);
        c.status = status;
        c.cityBudgetExecution = cityBudgetExecution;
        c.cityFundsUse = cityFundsUse;
        c.subProjectTotal = subProjectTotal;
        c.budgetExecutionPoints = budgetExecutionPoints;
        c.budgetExecutionRecordedScore = budgetExecutionRecordedScore;
        if (!nationalFunds.isEmpty()) {
            c.setNationalFunds(nationalFunds.stream().map(NationalFundRow::toLine).toList());
        }
        c.implementation = implementation;
        c.managementResults = managementResults;
        c.problems = problems;
        c.suggestions = suggestions;
        c.goalAchievement = goalAchievement;
        c.signOff = signOff;
        c.recordedTotal = recordedTotal;
        for (EvaluationIndicator i : indicators) {
            EvaluationIndicator row = c.indicator(i.position());
            row.recordResult(i.actual(), i.recordedScore(), i.deviationReason());
            if (i.adjustedScore() != null) {
                row.adjust(i.adjustedScore());
            }
        }
        for (ScoreAdjustment a : adjustments) {
            c.adjustments.add(new ScoreAdjustment(c, a.position(), c.indicator(a.indicatorPosition()),
                    a.previousScore(), a.adjustedScore(), a.reason(), a.reviewer(), a.adjustedAt()));
        }
        return c;
    }

    // ---------------------------------------------------------------- filer verbs (草稿)

    /**
     * Records 市级预算执行情况 (Suzhou). Rejects figures whose 指标结余数 ≠ 年初预算数 + 调整数 − 财政拨款数.
     *
     * @throws FundsIdentityException naming the figures
     */
    public void recordCityBudgetExecution(CityBudgetExecution figures) {
        requireDraft("填报市级预算执行情况");
        requireLayout(EvaluationLayout.SUZHOU_2017, "市级预算执行情况");
        Objects.requireNonNull(figures, "市级预算执行情况不能为空");
        rejectIfAny(figures.violations());
        this.cityBudgetExecution = figures;
    }

    /**
     * Records 市级财政资金使用情况 (Suzhou). Rejects figures where 资金结余、结转数 ≠ 财政拨款数 − 实际支付数 or
     * ≠ 结转数 + 财政收回数.
     *
     * @throws FundsIdentityException naming the figures
     */
    public void recordCityFundsUse(CityFundsUse figures) {
        requireDraft("填报市级财政资金使用情况");
        requireLayout(EvaluationLayout.SUZHOU_2017, "市级财政资金使用情况");
        Objects.requireNonNull(figures, "市级财政资金使用情况不能为空");
        rejectIfAny(figures.violations());
        this.cityFundsUse = figures;
    }

    /** Replaces 项目资金构成; the 合计 is their sum. */
    public void replaceSubProjects(List<SubProjectLine> rows) {
        requireDraft("修改项目资金构成");
        setSubProjects(rows);
        this.subProjectTotal = subProjects.isEmpty() ? null : subProjectSum();
    }

    /**
     * Records the national 项目资金 block, one line per {@link NationalFundKind}. Rejects figures where, in any
     * column, 年度资金总额 ≠ 本年财政拨款 + 上年结转资金 + 其他资金.
     *
     * @throws FundsIdentityException naming the figures
     */
    public void recordNationalFunds(List<NationalFundLine> rows) {
        requireDraft("填报项目资金");
        requireLayout(EvaluationLayout.NATIONAL_2020, "项目资金");
        rejectIfAny(nationalFundViolations(byKind(rows)));
        setNationalFunds(rows);
    }

    /** National: the 得分 the filer gives the 项目资金 block (0 – 分值). */
    public void recordBudgetExecutionScore(BigDecimal score) {
        requireDraft("填报预算执行率得分");
        requireLayout(EvaluationLayout.NATIONAL_2020, "预算执行率得分");
        BigDecimal s = Scores.optionalPoints(score, "预算执行率得分");
        if (s != null && s.compareTo(budgetExecutionPoints) > 0) {
            throw new IllegalArgumentException("预算执行率得分 " + s.toPlainString() + " 不能超过分值 "
                    + budgetExecutionPoints.toPlainString());
        }
        this.budgetExecutionRecordedScore = s;
    }

    /**
     * Records one row's 实际完成值, 自评分 (0 – 权重) and 偏差原因分析. Targets and weights are fixed by the approved
     * declaration and cannot be changed here.
     */
    public void recordResult(int position, IndicatorValue actual, BigDecimal selfScore, String deviationReason) {
        requireDraft("填报实际完成值");
        EvaluationIndicator row = indicator(position);
        BigDecimal s = Scores.optionalPoints(selfScore, "指标“" + row.name() + "”的自评分");
        if (s != null && s.compareTo(row.weight()) > 0) {
            throw new IllegalArgumentException("指标“" + row.name() + "”的自评分 " + s.toPlainString() + " 不能超过权重 "
                    + row.weight().toPlainString());
        }
        row.recordResult(actual, s, deviationReason);
    }

    /** The year-end narratives. */
    public void describe(ImplementationReport report) {
        requireDraft("填写项目实施情况");
        applyReport(Objects.requireNonNull(report, "report"));
    }

    /** 填报人, 单位负责人, 填报日期. */
    public void signOff(SignOff newSignOff) {
        requireDraft("填写签署信息");
        this.signOff = Objects.requireNonNull(newSignOff, "signOff");
    }

    /**
     * Rows whose 自评分 the filer left blank take their computed score (the page says so beside the field); typed
     * 自评分 stay as typed. Only on a 草稿, just before {@link #submit}.
     */
    public void adoptComputedScores() {
        requireDraft("采用计算得分");
        for (EvaluationIndicator i : indicators) {
            if (i.recordedScore() == null && i.computedScore() != null) {
                i.recordResult(i.actual(), i.computedScore(), i.deviationReason());
            }
        }
        if (layout == EvaluationLayout.NATIONAL_2020 && budgetExecutionRecordedScore == null) {
            this.budgetExecutionRecordedScore = budgetExecutionComputedScore;
        }
    }

    /**
     * 提交: 草稿 → 已提交. Requires the funds blocks of the layout, every funds identity to hold, every indicator to
     * have a 实际完成值 or a 偏差原因/说明, and every row's 自评分 except a row with no 实际完成值 and an explanation (left
     * for the reviewer to score, DESIGN.md §3.1). The 合计 becomes the sum of the 自评分.
     */
    public void submit(Instant at) {
        requireStatus(EvaluationStatus.DRAFT, "提交");
        List<String> problems = new ArrayList<>();
        if (layout == EvaluationLayout.SUZHOU_2017) {
            if (cityBudgetExecution == null) {
                problems.add("未填报市级预算执行情况");
            }
            if (cityFundsUse == null) {
                problems.add("未填报市级财政资金使用情况");
            }
        }
        fundsFindings().forEach(v -> problems.add(v.toString()));
        List<String> unfilled = indicators.stream()
                .filter(i -> i.actual().isBlank() && i.deviationReason() == null)
                .map(i -> "第" + i.position() + "行“" + i.name() + "”")
                .toList();
        if (!unfilled.isEmpty()) {
            problems.add("以下指标既无实际完成值也无说明：" + String.join("、", unfilled));
        }
        // a row with no 实际完成值 but an explanation is left for the reviewer to score (DESIGN.md §3.1): no 自评分 needed
        List<String> unscored = indicators.stream()
                .filter(i -> i.recordedScore() == null && !(i.actual().isBlank() && i.deviationReason() != null))
                .map(i -> "第" + i.position() + "行“" + i.name() + "”").toList();
        if (!unscored.isEmpty()) {
            problems.add("以下指标未填自评分：" + String.join("、", unscored));
        }
        if (!problems.isEmpty()) {
            throw new WorkflowException("自评表不能提交：" + String.join("；", problems));
        }
        BigDecimal total = Scores.sum(indicators.stream().map(EvaluationIndicator::recordedScore).toList());
        if (budgetExecutionRecordedScore != null) {
            total = total.add(budgetExecutionRecordedScore);
        }
        this.recordedTotal = total;
        this.returnComment = null;
        this.submittedAt = Objects.requireNonNull(at, "at");
        this.status = EvaluationStatus.SUBMITTED;
    }

    // ---------------------------------------------------------------- reviewer verbs

    /** 开始审核: 已提交 → 审核中. */
    public void startReview(String reviewerName) {
        requireStatus(EvaluationStatus.SUBMITTED, "开始审核");
        this.reviewer = requireText(reviewerName, "审核人");
        this.status = EvaluationStatus.UNDER_REVIEW;
    }

    /**
     * The reviewer sets one row's score (0 – 权重), with a reason; recorded as a {@link ScoreAdjustment}. Only while
     * 审核中.
     */
    public ScoreAdjustment adjustScore(int position, BigDecimal score, String reason, String reviewerName,
                                       Instant at) {
        requireStatus(EvaluationStatus.UNDER_REVIEW, "调整评分");
        EvaluationIndicator row = indicator(position);
        String why = requireText(reason, "调整评分的理由");
        String who = requireText(reviewerName, "审核人");
        BigDecimal s = Scores.points(score, "调整后的得分");
        if (s.compareTo(row.weight()) > 0) {
            throw new IllegalArgumentException("指标“" + row.name() + "”调整后的得分 " + s.toPlainString()
                    + " 不能超过权重 " + row.weight().toPlainString());
        }
        ScoreAdjustment adjustment = new ScoreAdjustment(this, adjustments.size() + 1, row, row.effectiveScore(), s,
                why, who, Objects.requireNonNull(at, "at"));
        adjustments.add(adjustment);
        row.adjust(s);
        refreshComputedTotal();
        return adjustment;
    }

    /** 退回: 已提交 or 审核中 → 草稿, always with a comment. Reviewer adjustments stay on record. */
    public void returnForRevision(String comment) {
        if (status != EvaluationStatus.SUBMITTED && status != EvaluationStatus.UNDER_REVIEW) {
            throw new WorkflowException("只有已提交或审核中的自评表才能退回，当前状态：" + status.label());
        }
        this.returnComment = requireText(comment, "退回意见");
        this.status = EvaluationStatus.DRAFT;
    }

    /** 确认: 审核中 → 已确认. */
    public void confirm(String reviewerName, Instant at) {
        requireStatus(EvaluationStatus.UNDER_REVIEW, "确认");
        this.reviewer = requireText(reviewerName, "审核人");
        this.confirmedAt = Objects.requireNonNull(at, "at");
        this.status = EvaluationStatus.CONFIRMED;
    }

    // ---------------------------------------------------------------- scoring

    /**
     * Stores the scores a scoring regime computed, by row position (every position must be a row of this form),
     * and, for the national layout, the 项目资金 score. Not allowed once 已确认.
     */
    public void storeComputedScores(Map<Integer, BigDecimal> scoreByPosition, BigDecimal budgetExecutionScore) {
        if (status == EvaluationStatus.CONFIRMED) {
            throw new WorkflowException("已确认的自评表不能重新评分");
        }
        for (Map.Entry<Integer, BigDecimal> e : scoreByPosition.entrySet()) {
            EvaluationIndicator row = indicator(e.getKey());
            row.storeComputedScore(Scores.optionalPoints(e.getValue(), "指标“" + row.name() + "”的计算得分"));
        }
        if (layout == EvaluationLayout.NATIONAL_2020) {
            this.budgetExecutionComputedScore = Scores.optionalPoints(budgetExecutionScore, "预算执行率计算得分");
        }
        refreshComputedTotal();
    }

    /**
     * Stores one scoring: each row's computed score (through {@link #storeComputedScores}, so the same guard and the
     * same total apply), its status and trace, the 预算执行率 score and trace (national), the regime, the grade, and
     * the findings, which replace those of the previous scoring. Not allowed once 已确认.
     *
     * @throws WorkflowException once 已确认
     * @throws IllegalArgumentException when the outcome's rows are not this form's rows
     */
    public void storeScoring(ScoringOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        if (status == EvaluationStatus.CONFIRMED) {
            throw new WorkflowException("已确认的自评表不能重新评分");
        }
        if (outcome.rows().size() != indicators.size()) {
            throw new IllegalArgumentException("评分结果有 " + outcome.rows().size() + " 行，自评表有 "
                    + indicators.size() + " 行指标");
        }
        Map<Integer, BigDecimal> scores = new HashMap<>();
        for (ScoringOutcome.RowScore r : outcome.rows()) {
            if (scores.containsKey(r.position())) {
                throw new IllegalArgumentException("评分结果中第 " + r.position() + " 行重复");
            }
            indicator(r.position());
            scores.put(r.position(), r.computedScore());
        }
        storeComputedScores(scores, outcome.budgetExecutionScore());
        for (ScoringOutcome.RowScore r : outcome.rows()) {
            indicator(r.position()).storeTrace(r.status(), r.traceRule(), r.traceText());
        }
        this.scoringRegime = outcome.regimeId();
        this.scoringRegimeReason = outcome.regimeReason() == null || outcome.regimeReason().length() <= 300
                ? outcome.regimeReason() : outcome.regimeReason().substring(0, 300);
        this.scoredAt = outcome.scoredAt();
        this.computedGrade = outcome.grade();
        this.budgetExecutionTraceText = layout == EvaluationLayout.NATIONAL_2020 ? outcome.budgetExecutionTrace()
                : null;
        findings.clear();
        int p = 1;
        for (ScoringOutcome.FindingLine f : outcome.findings()) {
            findings.add(new EvaluationFinding(this, p++, f));
        }
    }

    private void refreshComputedTotal() {
        boolean allScored = indicators.stream().allMatch(i -> i.computedScore() != null || i.adjustedScore() != null);
        if (!allScored) {
            this.computedTotal = null;
            return;
        }
        BigDecimal total = Scores.sum(indicators.stream().map(EvaluationIndicator::effectiveScore).toList());
        if (layout == EvaluationLayout.NATIONAL_2020 && budgetExecutionComputedScore != null) {
            total = total.add(budgetExecutionComputedScore);
        }
        this.computedTotal = total;
    }

    // ---------------------------------------------------------------- checks

    /**
     * Every funds identity the figures on this form break, as findings (empty when all hold or nothing is filled):
     * the identities of each block, 财政拨款数 of the two Suzhou blocks agreeing, 子项目 sum = 合计, and the national
     * column sums.
     */
    public List<FundsIdentityViolation> fundsFindings() {
        List<FundsIdentityViolation> out = new ArrayList<>();
        if (cityBudgetExecution != null) {
            out.addAll(cityBudgetExecution.violations());
        }
        if (cityFundsUse != null) {
            out.addAll(cityFundsUse.violations());
        }
        if (cityBudgetExecution != null && cityFundsUse != null
                && !cityBudgetExecution.appropriated().equals(cityFundsUse.appropriated())) {
            out.add(new FundsIdentityViolation("资金情况", "两处财政拨款数一致",
                    "市级预算执行情况的财政拨款数 " + cityBudgetExecution.appropriated().display()
                            + " 与市级财政资金使用情况的财政拨款数 " + cityFundsUse.appropriated().display() + " 不一致"));
        }
        if (subProjectTotal != null && !subProjectTotal.equals(subProjectSum())) {
            out.add(new FundsIdentityViolation("项目资金构成", "合计 = 各子项目实际金额之和",
                    subProjects.size() + " 个子项目实际金额之和 " + subProjectSum().display() + " 与合计 "
                            + subProjectTotal.display() + " 不一致"));
        }
        if (!nationalFunds.isEmpty()) {
            out.addAll(nationalFundViolations(nationalFunds.stream()
                    .collect(Collectors.toMap(NationalFundRow::kind, NationalFundRow::toLine, (a, b) -> a,
                            () -> new EnumMap<>(NationalFundKind.class)))));
        }
        return out;
    }

    private static List<FundsIdentityViolation> nationalFundViolations(Map<NationalFundKind, NationalFundLine> rows) {
        List<FundsIdentityViolation> out = new ArrayList<>();
        NationalFundLine total = rows.get(NationalFundKind.TOTAL);
        NationalFundLine a = rows.get(NationalFundKind.CURRENT_APPROPRIATION);
        NationalFundLine b = rows.get(NationalFundKind.PRIOR_CARRYOVER);
        NationalFundLine c = rows.get(NationalFundKind.OTHER);
        check(out, "年初预算数", total.initialBudget(), a.initialBudget(), b.initialBudget(), c.initialBudget());
        check(out, "全年预算数", total.annualBudget(), a.annualBudget(), b.annualBudget(), c.annualBudget());
        check(out, "全年执行数", total.executed(), a.executed(), b.executed(), c.executed());
        return out;
    }

    private static void check(List<FundsIdentityViolation> out, String column, Money total, Money a, Money b,
                              Money c) {
        Money sum = a.plus(b).plus(c);
        if (!sum.equals(total)) {
            out.add(new FundsIdentityViolation("项目资金", "年度资金总额 = 本年财政拨款 + 上年结转资金 + 其他资金",
                    column + "：年度资金总额 " + total.display() + " 应等于 本年财政拨款 " + a.display() + " + 上年结转资金 "
                            + b.display() + " + 其他资金 " + c.display() + " = " + sum.display()));
        }
    }

    private static Map<NationalFundKind, NationalFundLine> byKind(List<NationalFundLine> rows) {
        Map<NationalFundKind, NationalFundLine> map = new EnumMap<>(NationalFundKind.class);
        for (NationalFundLine line : Objects.requireNonNull(rows, "项目资金不能为空")) {
            if (map.put(line.kind(), line) != null) {
                throw new IllegalArgumentException("项目资金行重复：" + line.kind().label());
            }
        }
        for (NationalFundKind kind : NationalFundKind.values()) {
            if (!map.containsKey(kind)) {
                throw new IllegalArgumentException("项目资金缺少“" + kind.label() + "”行");
            }
        }
        return map;
    }

    // ---------------------------------------------------------------- internals

    private void setSubProjects(List<SubProjectLine> rows) {
        List<SubProjectLine> copy = List.copyOf(Objects.requireNonNull(rows, "项目资金构成不能为空"));
        subProjects.clear();
        int p = 1;
        for (SubProjectLine line : copy) {
            subProjects.add(new EvaluationSubProject(this, p++, line));
        }
    }

    private void setNationalFunds(List<NationalFundLine> rows) {
        Map<NationalFundKind, NationalFundLine> map = byKind(rows);
        nationalFunds.clear();
        map.values().forEach(line -> nationalFunds.add(new NationalFundRow(this, line)));
    }

    private Money subProjectSum() {
        Money sum = Money.ZERO;
        for (EvaluationSubProject s : subProjects) {
            sum = sum.plus(s.actualAmount());
        }
        return sum;
    }

    private void applyReport(ImplementationReport report) {
        if (layout == EvaluationLayout.SUZHOU_2017 && report.goalAchievement() != null) {
            throw new IllegalArgumentException("苏州自评表没有“实际完成情况”栏");
        }
        if (layout == EvaluationLayout.NATIONAL_2020 && (report.implementation() != null
                || report.managementResults() != null || report.problems() != null || report.suggestions() != null)) {
            throw new IllegalArgumentException("财预〔2020〕10号自评表只有“年度总体目标·实际完成情况”一栏叙述");
        }
        this.implementation = report.implementation();
        this.managementResults = report.managementResults();
        this.problems = report.problems();
        this.suggestions = report.suggestions();
        this.goalAchievement = report.goalAchievement();
    }

    private EvaluationIndicator indicator(int position) {
        if (position < 1 || position > indicators.size()) {
            throw new IllegalArgumentException("没有第 " + position + " 行指标（共 " + indicators.size() + " 行）");
        }
        return indicators.get(position - 1);
    }

    private void rejectIfAny(List<FundsIdentityViolation> violations) {
        if (!violations.isEmpty()) {
            throw new FundsIdentityException(violations);
        }
    }

    private void requireDraft(String action) {
        requireStatus(EvaluationStatus.DRAFT, action);
    }

    private void requireStatus(EvaluationStatus wanted, String action) {
        if (status != wanted) {
            throw new WorkflowException("自评表当前状态为“" + status.label() + "”，不能" + action + "（需为“"
                    + wanted.label() + "”）");
        }
    }

    private void requireLayout(EvaluationLayout wanted, String block) {
        if (layout != wanted) {
            throw new IllegalArgumentException(layout.label() + "没有“" + block + "”一栏");
        }
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + "不能为空");
        }
        return value.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---------------------------------------------------------------- reads

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Long declarationId() {
        return declarationId;
    }

    public EvaluationLayout layout() {
        return layout;
    }

    public EvaluationOrigin origin() {
        return origin;
    }

    public EvaluationStatus status() {
        return status;
    }

    public Long unitId() {
        return unitId;
    }

    public Long departmentId() {
        return departmentId;
    }

    public String projectName() {
        return projectName;
    }

    public FiscalYear year() {
        return year;
    }

    public Optional<CityBudgetExecution> cityBudgetExecution() {
        return Optional.ofNullable(cityBudgetExecution);
    }

    public Optional<CityFundsUse> cityFundsUse() {
        return Optional.ofNullable(cityFundsUse);
    }

    /** 项目资金构成 合计 as filed ({@code null} when the form has no sub-projects). */
    public Money subProjectTotal() {
        return subProjectTotal;
    }

    public BigDecimal budgetExecutionPoints() {
        return budgetExecutionPoints;
    }

    public BigDecimal budgetExecutionRecordedScore() {
        return budgetExecutionRecordedScore;
    }

    public BigDecimal budgetExecutionComputedScore() {
        return budgetExecutionComputedScore;
    }

    /** 项目资金 执行率 (B/A, %) of the 年度资金总额 row; {@code null} on the Suzhou form or when A is zero. */
    public BigDecimal budgetExecutionRatePercent() {
        return nationalFunds.stream().filter(r -> r.kind() == NationalFundKind.TOTAL).findFirst()
                .map(NationalFundRow::executionRatePercent).orElse(null);
    }

    public String overview() {
        return overview;
    }

    public String overallGoal() {
        return overallGoal;
    }

    public String annualGoal() {
        return annualGoal;
    }

    public ImplementationReport report() {
        return new ImplementationReport(implementation, managementResults, problems, suggestions, goalAchievement);
    }

    public BigDecimal recordedTotal() {
        return recordedTotal;
    }

    public BigDecimal computedTotal() {
        return computedTotal;
    }

    /** Points of the whole form: the categories' points (+ 项目资金 分值 on the national form), e.g. 80 / 100. */
    public BigDecimal totalPoints() {
        BigDecimal t = Scores.sum(categories.stream().map(EvaluationCategory::points).toList());
        return budgetExecutionPoints == null ? t : t.add(budgetExecutionPoints);
    }

    /** 填报人, 单位负责人, 填报日期 (all empty until signed; JPA loads an all-null embeddable as null). */
    public SignOff signOff() {
        return signOff == null ? SignOff.empty() : signOff;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String reviewer() {
        return reviewer;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    public String returnComment() {
        return returnComment;
    }

    public List<EvaluationCategory> categories() {
        return Collections.unmodifiableList(categories);
    }

    public List<EvaluationIndicator> indicators() {
        return Collections.unmodifiableList(indicators);
    }

    public List<EvaluationSubProject> subProjects() {
        return Collections.unmodifiableList(subProjects);
    }

    public List<NationalFundRow> nationalFunds() {
        return Collections.unmodifiableList(nationalFunds);
    }

    public List<ScoreAdjustment> adjustments() {
        return Collections.unmodifiableList(adjustments);
    }

    /** The findings of the last scoring, in order (empty until scored). */
    public List<EvaluationFinding> findings() {
        return Collections.unmodifiableList(findings);
    }

    /** Id of the regime of the last scoring, {@code null} until scored. */
    public String scoringRegime() {
        return scoringRegime;
    }

    /** Why that regime, {@code null} until scored. */
    public String scoringRegimeReason() {
        return scoringRegimeReason;
    }

    public Instant scoredAt() {
        return scoredAt;
    }

    /** 等级 of the last scoring, {@code null} until scored. */
    public String computedGrade() {
        return computedGrade;
    }

    /** National 预算执行率 trace of the last scoring, {@code null} otherwise. */
    public String budgetExecutionTraceText() {
        return budgetExecutionTraceText;
    }
}
