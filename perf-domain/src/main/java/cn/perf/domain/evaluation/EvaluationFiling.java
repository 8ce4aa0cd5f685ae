package cn.perf.domain.evaluation;

import cn.perf.domain.audit.AuditLog;
import cn.perf.domain.audit.AuditRecord;
import cn.perf.domain.audit.AuditSearch;
import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.ReviewNotAllowedException;
import cn.perf.domain.declaration.Reviewer;
import cn.perf.domain.evaluation.EvaluationCommands.CityBudget;
import cn.perf.domain.evaluation.EvaluationCommands.CityUse;
import cn.perf.domain.evaluation.EvaluationCommands.RecordEvaluation;
import cn.perf.domain.evaluation.EvaluationCommands.RowEntry;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.IndicatorValue;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Money;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.shared.ReadOnly;
import cn.perf.domain.shared.ResultPage;
import cn.perf.domain.shared.StaleVersionException;
import cn.perf.domain.shared.Violation;
import cn.perf.scoring.regime.ScoringRegime;
import cn.perf.scoring.sheet.SheetResult;
import cn.perf.scoring.sheet.SheetScorer;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The 自评表 pages' use cases within the caller's {@link Scope} (DESIGN.md §7–§8): list, start from an approved
 * declaration, the page with its live scoring, the live preview of unsaved input, save, submit, and the what-if
 * under another regime. A form outside the scope is {@link NotFoundException}; input the verbs refuse comes back as
 * {@link Violation}s, all at once, with the field path of the page; a stale version is {@link StaleVersionException}.
 *
 * <p><b>One engine, one path.</b> {@link #preview} applies the typed values to a
 * {@linkplain SelfEvaluation#previewCopy() transient copy} with the same verbs {@link #save} applies to the stored
 * form, and scores it with the same regime and engine; {@link #save} then stores that scoring. So the live score the
 * filer watched is the score that is kept.
 *
 * <p><b>自评分 left blank.</b> A row whose 自评分 the filer leaves blank takes the computed score when the form is
 * submitted (the page says so beside the field); a typed 自评分 is the filer's and is compared with the computed one
 * (RECORDED_SCORE_MISMATCH). Rows short of target or over-achieved without 偏差原因分析及改进措施 block the submission.
 */
@Named
public class EvaluationFiling {

    /** Longest 实际完成值 (the page's maxlength says the same). */
    public static final int MAX_ACTUAL = 500;
    /** Longest 偏差原因分析及改进措施. */
    public static final int MAX_REASON = 2000;

    private final SelfEvaluations evaluations;
    private final SelfEvaluationQueries queries;
    private final EvaluationSnapshots snapshots;
    private final SelfEvaluationService service;
    private final SelfEvaluationScoring scoring;
    private final SelfEvaluationReview review;
    private final Declarations declarations;
    private final BudgetUnits units;
    private final ScoringRegimeCatalog regimes;
    private final AuditLog audit;

    public EvaluationFiling(SelfEvaluations evaluations, SelfEvaluationQueries queries, EvaluationSnapshots snapshots,
                            SelfEvaluationService service,
                            SelfEvaluationScoring scoring, SelfEvaluationReview review, Declarations declarations,
                            BudgetUnits units, ScoringRegimeCatalog regimes, AuditLog audit) {
        this.evaluations = evaluations;
        this.queries = queries;
        this.snapshots = snapshots;
        this.service = service;
        this.scoring = scoring;
        this.review = review;
        this.declarations = declarations;
        this.units = units;
        this.regimes = regimes;
        this.audit = audit;
    }

    // ------------------------------------------------------------------ list, start

    @Transactional
    @ReadOnly
    public ResultPage<EvaluationListRow> search(Scope scope, EvaluationSearch search) {
        return queries.search(scope, search);
    }

    /**
     * Every row of {@code search} within {@code scope}, in the list's order, in one pass inside one transaction (the
     * list exports): its page and size are ignored.
     */
    @Transactional
    @ReadOnly
    public void forEachRow(Scope scope, EvaluationSearch search, java.util.function.Consumer<EvaluationListRow> row) {
        queries.forEach(scope, search, row);
    }

    /**
     * The self-evaluation of an approved declaration: started (carried over and scored) when there is none yet, the
     * existing one otherwise. Only the unit's filers may start one.
     *
     * @return the self-evaluation's id
     * @throws NotFoundException        the declaration is not in scope
     * @throws ReviewNotAllowedException the caller does not file for the declaration's unit
     * @throws WorkflowException        the declaration is not approved
     */
    @Transactional
    public Long start(Scope scope, Long declarationId) {
        return begin(scope, declarationId).id();
    }

    /** What {@link #start} did: the self-evaluation's id, and whether this call created it. */
    public record Started(Long id, boolean created) {
    }

    /** As {@link #start}, telling whether the self-evaluation was created now or existed before. */
    @Transactional
    public Started begin(Scope scope, Long declarationId) {
        Declaration d = declarations.findById(declarationId)
                .filter(x -> scope.canSee(x.unitId(), region(x.unitId())))
                .orElseThrow(() -> new NotFoundException("申报表不存在：" + declarationId));
        var existing = evaluations.findByDeclarationId(declarationId);
        if (existing.isPresent()) {
            return new Started(existing.get().id(), false);
        }
        if (!scope.canFile(d.unitId())) {
            throw new ReviewNotAllowedException("只有本单位的填报人可以生成自评表");
        }
        SelfEvaluation e = service.startFromDeclaration(declarationId);
        scoring.score(e);
        return new Started(e.id(), true);
    }

    // ------------------------------------------------------------------ pages

    /** Which version the caller would see (scope checked), for pages kept per version. */
    @Transactional
    public long version(Scope scope, Long id) {
        return visible(scope, id).version();
    }

    /**
     * Which version of a self-evaluation the caller would see, and whether they could edit it now, from one indexed
     * row: what a page needs to serve an already rendered copy of exactly this version. Everything the read and edit
     * pages show changes only with that version (the scores are the engine's on the stored form and the regime is
     * frozen with the approved declaration) or with the viewer. Not visible in {@code scope}:
     * {@link NotFoundException}.
     */
    public PageStamp stamp(Scope scope, Long id) {
        EvaluationStamp s = snapshots.stamp(id).filter(x -> scope.canSee(x.unitId(), x.unitRegion()))
                .orElseThrow(() -> notFound(id));
        return new PageStamp(s.id(), s.version(), s.status(),
                scope.canFile(s.unitId()) && s.status() == EvaluationStatus.DRAFT);
    }

    /** See {@link #stamp}; {@code editable} as {@link EvaluationPage#editable()}. */
    public record PageStamp(Long id, long version, EvaluationStatus status, boolean editable) {
    }

    /** The read or edit page: the stored form, its scoring by the engine now, and the viewer's actions. */
    @Transactional
    @ReadOnly
    public EvaluationPage page(Viewer viewer, Long id) {
        SelfEvaluation e = visible(viewer.scope(), id);
        SelfEvaluationDetail detail = queries.detail(id).orElseThrow(() -> notFound(id));
        ScoreBoard board = board(e, e.previewCopy(), null, List.of());
        return new EvaluationPage(detail, board, editable(viewer.scope(), e), reviewOptions(viewer, e),
                regimeOptions(), history(id));
    }

    /**
     * The live score of unsaved input: the typed values applied to a transient copy of the stored form with the
     * verbs a save uses, then scored. Nothing is stored (the stored form is read detached, in a read-only
     * transaction).
     */
    public ScoreBoard preview(Scope scope, RecordEvaluation cmd) {
        // no transaction of its own: a detached copy, read in one read-only transaction, is all a preview needs,
        // so nothing is watched for changes and nothing can be written
        // (one statement: scope, version and regime; then the kept aggregate of that version)
        EvaluationStamp stamp = snapshots.stamp(cmd.id())
                .filter(x -> scope.canSee(x.unitId(), x.unitRegion()))
                .orElseThrow(() -> notFound(cmd.id()));
        SelfEvaluation stored = snapshots.detached(stamp).orElseThrow(() -> notFound(cmd.id()));
        SelfEvaluation copy = stored.previewCopy();
        List<Violation> violations = stored.status() == EvaluationStatus.DRAFT ? apply(copy, cmd) : List.of();
        return board(stored, copy, RegimeChoice.of(copy.layout(), stamp.frameworkCode(), regimes), null, violations);
    }

    /**
     * 保存草稿: applies every typed value, all violations at once, then scores and stores the scoring.
     *
     * @return the new version
     * @throws InvalidCommandException every value the verbs refused, with the page's field paths
     */
    @Transactional
    public long save(Scope scope, RecordEvaluation cmd) {
        SelfEvaluation e = current(scope, cmd.id(), cmd.expectedVersion());
        requireEditable(scope, e);
        List<Violation> violations = apply(e, cmd);
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        scoring.score(e);
        return evaluations.saveAndFlush(e).version();
    }

    /**
     * 提交: scores the stored form once more, refuses while a row short of target or over-achieved has no
     * 偏差原因分析及改进措施, fills blank 自评分 with the computed scores, and submits (the aggregate checks the funds
     * blocks and every row).
     *
     * @throws InvalidCommandException the rows that still need a reason, each with its field path
     */
    @Transactional
    public void submit(Scope scope, Long id, long expectedVersion) {
        SelfEvaluation e = current(scope, id, expectedVersion);
        requireEditable(scope, e);
        SheetResult result = scoring.score(e);
        ScoreBoard board = ScoreBoard.of(e, result, scoring.regimeOf(e).regime(), "", true, List.of(), List.of());
        // (only the engine's findings decide the gate: the differences from the declaration are the reviewer's call)
        List<Violation> missing = board.rowsNeedingReason().stream()
                .map(r -> Violation.of("rows[" + (r.position() - 1) + "].deviationReason", "deviationReasonRequired",
                        "第" + r.position() + "行“" + r.name() + "”" + (r.findings().stream()
                                .anyMatch(f -> f.code().startsWith("OVER_ACHIEVEMENT")) ? "超额完成" : "未达目标")
                                + "，提交前须填写偏差原因分析及改进措施"))
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidCommandException(missing);
        }
        e.adoptComputedScores();
        review.submit(scope, id, e.version());
    }

    /**
     * 调整评分 by a reviewer, with a reason; the form is scored again so the row's trace carries the adjustment.
     */
    @Transactional
    public void adjust(Viewer viewer, Long id, long expectedVersion, int position, BigDecimal score, String reason) {
        review.adjustScore(viewer, id, expectedVersion, position, score, reason);
        scoring.score(evaluations.findById(id).orElseThrow(() -> notFound(id)));
    }

    /** What-if: the form under {@code regimeId} beside its own regime, with the regimes' differences named. */
    @Transactional
    public EvaluationComparison compare(Viewer viewer, Long id, String regimeId) {
        SelfEvaluation e = visible(viewer.scope(), id);
        SelfEvaluationDetail detail = queries.detail(id).orElseThrow(() -> notFound(id));
        RegimeChoice own = scoring.regimeOf(e);
        ScoringRegime other = regimeId == null || regimeId.isBlank() ? otherThan(own.regime())
                : regimes.find(regimeId.strip()).orElseThrow(() -> new NotFoundException("评分规则不存在：" + regimeId));
        ScoreBoard left = board(e, e.previewCopy(), null, List.of());
        ScoreBoard right = board(e, e.previewCopy(), other, List.of());
        List<BigDecimal> rowDiffs = new ArrayList<>();
        for (int k = 0; k < left.rows().size(); k++) {
            BigDecimal l = left.rows().get(k).finalScore();
            BigDecimal r = right.rows().get(k).finalScore();
            rowDiffs.add(l == null || r == null ? null : r.subtract(l));
        }
        return new EvaluationComparison(detail, left, right, RegimeDifferences.between(own.regime(), other), rowDiffs,
                right.total().subtract(left.total()), regimeOptions());
    }

    // ------------------------------------------------------------------ internals

    /**
     * The board of {@code form} (the stored form or a preview copy of it) under its own regime or {@code whatIf}. The
     * findings are the engine's and the differences from the approved declaration stored with the last scoring of
     * {@code stored} (targets and rows cannot change on a draft, so they are current), so a preview does not load the
     * declaration again and the page lists exactly what the stored scoring lists.
     */
    private ScoreBoard board(SelfEvaluation stored, SelfEvaluation form, ScoringRegime whatIf,
                             List<Violation> violations) {
        return board(stored, form, scoring.regimeOf(form), whatIf, violations);
    }

    /** {@link #board(SelfEvaluation, SelfEvaluation, ScoringRegime, List)} with the form's own regime known. */
    private ScoreBoard board(SelfEvaluation stored, SelfEvaluation form, RegimeChoice own, ScoringRegime whatIf,
                             List<Violation> violations) {
        ScoringRegime regime = whatIf == null ? own.regime() : whatIf;
        SheetResult result = new SheetScorer(regime).score(EvaluationSheets.toSheet(form, regime));
        boolean ownRegime = regime.id().equals(own.regime().id());
        String reason = ownRegime ? own.reason()
                : "假设按“" + regime.name() + "”评分（本表按“" + own.regime().name() + "”评分）：仅供比较，不保存";
        return ScoreBoard.of(form, result, regime, reason, ownRegime, carryOverFindings(stored), violations);
    }

    private static List<ScoringOutcome.FindingLine> carryOverFindings(SelfEvaluation stored) {
        return stored.findings().stream().map(EvaluationFinding::toLine)
                .filter(f -> f.code().equals(CarryOverCheck.CODE) || f.code().equals(CarryOverCheck.NOT_COMPARED_CODE))
                .toList();
    }

    /** The form's workflow events from the audit log (its events are published there), oldest first. */
    private List<EvaluationPage.HistoryLine> history(Long id) {
        List<EvaluationPage.HistoryLine> out = new ArrayList<>();
        audit.search(new AuditSearch(null, null, null, null, "evaluation", String.valueOf(id), null, 0,
                AuditSearch.MAX_SIZE)).rows().forEach(entry -> {
                    AuditRecord r = entry.record();
                    var d = r.details();
                    String note = d.containsKey("reason")
                            ? "第" + d.get("position") + "行“" + d.get("indicator") + "”：" + d.get("before") + " → "
                            + d.get("after") + "，" + d.get("reason")
                            : d.get("comment");
                    out.add(new EvaluationPage.HistoryLine(r.occurredAt(), r.actor(), r.action(), note));
                });
        out.sort(java.util.Comparator.comparing(EvaluationPage.HistoryLine::at));
        return out;
    }

    private ScoringRegime otherThan(ScoringRegime own) {
        return regimes.all().stream().filter(r -> !r.id().equals(own.id())).findFirst().orElse(own);
    }

    private List<EvaluationPage.RegimeOption> regimeOptions() {
        return regimes.all().stream().map(r -> new EvaluationPage.RegimeOption(r.id(), r.name())).toList();
    }

    /**
     * Applies the typed values with the aggregate's verbs, block by block, and returns what they refused as
     * violations with the page's field paths (nothing is thrown, so every block is tried).
     */
    static List<Violation> apply(SelfEvaluation e, RecordEvaluation cmd) {
        List<Violation> out = new ArrayList<>();
        if (e.layout() == EvaluationLayout.SUZHOU_2017) {
            applyCityBudget(e, cmd.cityBudget(), out);
            applyCityUse(e, cmd.cityFundsUse(), out);
            applySubProjects(e, cmd.subProjects(), out);
        } else {
            if (cmd.nationalFunds() != null) {
                try {
                    e.recordNationalFunds(cmd.nationalFunds());
                } catch (FundsIdentityException x) {
                    x.violations().forEach(v -> out.add(Violation.of("nationalFunds", "fundsIdentity", v.message())));
                } catch (IllegalArgumentException x) {
                    out.add(Violation.of("nationalFunds", "invalid", x.getMessage()));
                }
            }
            try {
                e.recordBudgetExecutionScore(cmd.budgetScore());
            } catch (IllegalArgumentException x) {
                out.add(Violation.of("budgetScore", "invalid", x.getMessage()));
            }
        }
        for (RowEntry r : cmd.rows()) {
            String path = "rows[" + (r.position() - 1) + "]";
            if (r.actual() != null && r.actual().length() > MAX_ACTUAL) {
                out.add(Violation.of(path + ".actual", "tooLong", "实际完成值不能超过" + MAX_ACTUAL + "个字", "实际完成值",
                        MAX_ACTUAL, r.actual().length()));
                continue;
            }
            if (r.deviationReason() != null && r.deviationReason().length() > MAX_REASON) {
                out.add(Violation.of(path + ".deviationReason", "tooLong",
                        "偏差原因分析及改进措施不能超过" + MAX_REASON + "个字", "偏差原因分析及改进措施", MAX_REASON,
                        r.deviationReason().length()));
                continue;
            }
            try {
                e.recordResult(r.position(), IndicatorValue.of(r.actual() == null ? "" : r.actual()),
                        r.recordedScore(), r.deviationReason());
            } catch (IllegalArgumentException x) {
                out.add(Violation.of(path + ".recordedScore", "invalid", x.getMessage()));
            }
        }
        if (cmd.report() != null) {
            try {
                e.describe(cmd.report());
            } catch (IllegalArgumentException x) {
                out.add(Violation.of("report", "invalid", x.getMessage()));
            }
        }
        if (cmd.signature() != null) {
            e.signOff(SignOff.of(cmd.signature().filer(), cmd.signature().unitLeader(),
                    cmd.signature().filingDate()));
        }
        return out;
    }

    private static void applyCityBudget(SelfEvaluation e, CityBudget b, List<Violation> out) {
        if (b == null) {
            return;
        }
        List<Violation> blanks = new ArrayList<>();
        required(blanks, "cityBudget.initialBudget", b.initialBudget(), "年初预算数");
        required(blanks, "cityBudget.adjustment", b.adjustment(), "当年使用上年结余、结转及当年调整预算数");
        required(blanks, "cityBudget.appropriated", b.appropriated(), "财政拨款数");
        required(blanks, "cityBudget.indicatorBalance", b.indicatorBalance(), "指标结余数");
        if (!blanks.isEmpty()) {
            out.addAll(blanks);
            return;
        }
        try {
            e.recordCityBudgetExecution(CityBudgetExecution.of(Money.ofWan(b.initialBudget()),
                    Money.ofWan(b.adjustment()), Money.ofWan(b.appropriated()), Money.ofWan(b.indicatorBalance())));
        } catch (FundsIdentityException x) {
            x.violations().forEach(v -> out.add(Violation.of("cityBudget.indicatorBalance", "fundsIdentity",
                    v.message())));
        } catch (IllegalArgumentException x) {
            out.add(Violation.of("cityBudget", "invalid", x.getMessage()));
        }
    }

    private static void applyCityUse(SelfEvaluation e, CityUse u, List<Violation> out) {
        if (u == null) {
            return;
        }
        List<Violation> blanks = new ArrayList<>();
        required(blanks, "cityFundsUse.appropriated", u.appropriated(), "财政拨款数");
        required(blanks, "cityFundsUse.actualPaid", u.actualPaid(), "实际支付数");
        required(blanks, "cityFundsUse.balance", u.balance(), "资金结余、结转数");
        required(blanks, "cityFundsUse.carryover", u.carryover(), "结转数");
        required(blanks, "cityFundsUse.recovered", u.recovered(), "财政收回数");
        if (!blanks.isEmpty()) {
            out.addAll(blanks);
            return;
        }
        try {
            e.recordCityFundsUse(CityFundsUse.of(Money.ofWan(u.appropriated()), Money.ofWan(u.actualPaid()),
                    Money.ofWan(u.balance()), Money.ofWan(u.carryover()), Money.ofWan(u.recovered())));
        } catch (FundsIdentityException x) {
            x.violations().forEach(v -> out.add(Violation.of("cityFundsUse.balance", "fundsIdentity",
                    v.message())));
        } catch (IllegalArgumentException x) {
            out.add(Violation.of("cityFundsUse", "invalid", x.getMessage()));
        }
    }

    private static void applySubProjects(SelfEvaluation e, List<BigDecimal> amounts, List<Violation> out) {
        if (amounts.isEmpty() || e.subProjects().isEmpty()) {
            return;
        }
        if (amounts.size() != e.subProjects().size()) {
            out.add(Violation.of("subProjects", "rows", "项目资金构成应有 " + e.subProjects().size() + " 行"));
            return;
        }
        List<SubProjectLine> lines = new ArrayList<>();
        for (int k = 0; k < amounts.size(); k++) {
            BigDecimal a = amounts.get(k);
            if (a == null) {
                out.add(Violation.of("subProjects[" + k + "]", "required", "实际金额不能为空", "实际金额"));
                return;
            }
            try {
                lines.add(new SubProjectLine(e.subProjects().get(k).name(), Money.ofWan(a)));
            } catch (IllegalArgumentException x) {
                out.add(Violation.of("subProjects[" + k + "]", "invalid", x.getMessage()));
                return;
            }
        }
        e.replaceSubProjects(lines);
    }

    private static void required(List<Violation> out, String path, BigDecimal value, String label) {
        if (value == null) {
            out.add(Violation.of(path, "required", label + "不能为空", label));
        }
    }

    private boolean editable(Scope scope, SelfEvaluation e) {
        return scope.canFile(e.unitId()) && e.status() == EvaluationStatus.DRAFT;
    }

    private void requireEditable(Scope scope, SelfEvaluation e) {
        if (!scope.canFile(e.unitId())) {
            throw new ReviewNotAllowedException("只有本单位的填报人可以填报自评表");
        }
        if (e.status() != EvaluationStatus.DRAFT) {
            throw new WorkflowException("自评表当前状态为“" + e.status().label() + "”，不能修改");
        }
    }

    private EvaluationPage.Review reviewOptions(Viewer viewer, SelfEvaluation e) {
        Reviewer r = Reviewer.of(viewer);
        boolean reviews = r.reviewsDepartment(e.unitId()) || r.reviewsFinance(region(e.unitId()));
        if (!reviews) {
            return EvaluationPage.Review.NONE;
        }
        boolean submitted = e.status() == EvaluationStatus.SUBMITTED;
        boolean underReview = e.status() == EvaluationStatus.UNDER_REVIEW;
        return new EvaluationPage.Review(submitted, underReview, underReview, submitted || underReview);
    }

    private SelfEvaluation visible(Scope scope, Long id) {
        return evaluations.findById(id).filter(x -> scope.canSee(x.unitId(), region(x.unitId())))
                .orElseThrow(() -> notFound(id));
    }

    private SelfEvaluation current(Scope scope, Long id, long expectedVersion) {
        SelfEvaluation e = visible(scope, id);
        if (e.version() != expectedVersion) {
            throw new StaleVersionException("自评表", id, expectedVersion, e.version());
        }
        return e;
    }

    private String region(Long unitId) {
        return unitId == null ? null : units.findById(unitId).map(BudgetUnit::region).orElse(null);
    }

    private static NotFoundException notFound(Long id) {
        return new NotFoundException("自评表不存在：" + Objects.requireNonNull(id));
    }
}
