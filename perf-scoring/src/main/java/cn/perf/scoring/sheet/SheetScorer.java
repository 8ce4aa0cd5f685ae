package cn.perf.scoring.sheet;

import static cn.perf.scoring.trace.Numbers.HUNDRED;
import static cn.perf.scoring.trace.Numbers.fixed;
import static cn.perf.scoring.trace.Numbers.percent;
import static cn.perf.scoring.trace.Numbers.percentOfRatio;
import static cn.perf.scoring.trace.Numbers.plain;

import cn.perf.scoring.check.Finding;
import cn.perf.scoring.check.FindingCode;
import cn.perf.scoring.check.Severity;
import cn.perf.scoring.funds.BudgetExecution;
import cn.perf.scoring.funds.FundsChecks;
import cn.perf.scoring.regime.CategoryRule;
import cn.perf.scoring.regime.QualitativeScheme;
import cn.perf.scoring.regime.ScoringMethod;
import cn.perf.scoring.regime.ScoringRegime;
import cn.perf.scoring.rule.BudgetExecutionRule;
import cn.perf.scoring.rule.GradeRule;
import cn.perf.scoring.rule.QualitativeRules;
import cn.perf.scoring.rule.QualitativeWordings;
import cn.perf.scoring.rule.QuantitativeInput;
import cn.perf.scoring.rule.QuantitativeRules;
import cn.perf.scoring.rule.RuleOutcome;
import cn.perf.scoring.target.Direction;
import cn.perf.scoring.target.DirectionAdvisor;
import cn.perf.scoring.target.DirectionHint;
import cn.perf.scoring.target.ParseResult;
import cn.perf.scoring.target.TargetValue;
import cn.perf.scoring.target.TargetValueParser;
import cn.perf.scoring.trace.RuleIds;
import cn.perf.scoring.trace.Trace;
import cn.perf.scoring.weight.EqualSplit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Scores a {@link Sheet} under a {@link ScoringRegime}: weights, per-row scores with traces, subtotals, budget
 * execution, total, grade, and every consistency finding (DESIGN.md §3.3). Pure: the same sheet and regime always
 * give the same result; nothing is stored; instances are immutable and thread-safe.
 *
 * <h2>Decisions where the rule texts are silent</h2>
 * <ul>
 *   <li>Fractional percentage points: see {@link cn.perf.scoring.regime.BandParameters.PointCounting}.</li>
 *   <li>A qualitative target whose actual equals the target word (规范 / 规范) is the best grade (好 / 达成); an actual
 *       written as a percentage ≥ 100% (政府采购规范性: 规范 / =100%) is also the best grade, and the trace says so.
 *       Any other qualitative actual that is not a grade word is left to the reviewer (待审核人评分).</li>
 *   <li>Units: equal units, or a unit on one side only (taken for both, INFO finding) are comparable; a percentage
 *       on the target's side only, or two different units, are not (left to the reviewer, finding). An actual
 *       written with neither unit nor 万/亿 takes the target's unit <em>and magnitude</em> (95 against ≤90万元 is
 *       95 万元; 95 against ≥90% is 95%); the trace says "实际值未写单位，按目标值单位“万元”计".</li>
 *   <li>A quantitative target with no unit is always reported ({@code TARGET_UNIT_MISSING}): WARNING, or INFO when
 *       the indicator is a rate (name contains 率 or ends in a rate word); the row is still scored.</li>
 *   <li>Approximate values (约35个, 35个左右, 近35个): an approximate actual is never scored (待审核人评分,
 *       {@code ACTUAL_APPROXIMATE}); an approximate target is scored on its number with a WARNING
 *       {@code TARGET_APPROXIMATE} and a trace note "目标值“约35个”为约数（“约”），暂按 35个 计".</li>
 *   <li>A filed 预算执行率 自评分 ({@link BudgetExecution#recordedScore()}) is checked like a row's 自评分: any
 *       difference from the rounded computed score is {@code RECORDED_SCORE_MISMATCH}.</li>
 *   <li>No actual value: 0 without explanation (填表说明); with an explanation in {@link IndicatorRow#deviationReason()}
 *       the row is left to the reviewer and flagged.</li>
 *   <li>影响力 (Suzhou) is not named in the rules: quantitative rows are scored as 结果, qualitative rows by grade; the
 *       regime's category note says so in every such trace.</li>
 *   <li>The grade is taken on the score rate (total ÷ maximum × 100) when the maximum is not 100.</li>
 * </ul>
 */
public final class SheetScorer {

    private final ScoringRegime regime;
    private final DirectionAdvisor advisor;
    private final TargetValueParser parser;

    public SheetScorer(ScoringRegime regime) {
        this(regime, DirectionAdvisor.defaults(), new TargetValueParser());
    }

    public SheetScorer(ScoringRegime regime, DirectionAdvisor advisor, TargetValueParser parser) {
        this.regime = Objects.requireNonNull(regime, "regime");
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    public ScoringRegime regime() {
        return regime;
    }

    /** Scores the sheet. */
    public SheetResult score(Sheet sheet) {
        int scale = regime.scale();
        List<Finding> rowFindings = new ArrayList<>();
        List<Finding> sheetFindings = new ArrayList<>();

        List<Category> categories = sheet.categories().isEmpty()
                ? regime.categories().stream().map(c -> new Category(c.name(), c.points())).toList()
                : sheet.categories();
        for (Category c : categories) {
            regime.category(c.name()).filter(rc -> rc.points().compareTo(c.points()) != 0).ifPresent(rc ->
                    sheetFindings.add(Finding.sheet(Severity.INFO, FindingCode.CATEGORY_POINTS_DIFFER, c.name() + "类",
                            "表中分值 " + plain(c.points()) + " 与评分规则默认分值 " + plain(rc.points()) + " 不同，按表中分值计")));
        }

        Map<Integer, Trace> weightTraces = new LinkedHashMap<>();
        Map<Integer, BigDecimal> weights = resolveWeights(sheet, categories, weightTraces, sheetFindings);

        List<RowResult> results = new ArrayList<>();
        for (int i = 0; i < sheet.rows().size(); i++) {
            IndicatorRow row = sheet.rows().get(i);
            results.add(scoreRow(i + 1, row, categories, weights.get(i), weightTraces.get(i), rowFindings));
        }

        List<CategoryResult> categoryResults = new ArrayList<>();
        BigDecimal maxPoints = BigDecimal.ZERO;
        for (Category c : categories) {
            List<RowResult> rs = results.stream().filter(r -> r.category().equals(c.name())).toList();
            BigDecimal wsum = rs.stream().map(RowResult::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal ssum = rs.stream().map(RowResult::finalScore).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add);
            categoryResults.add(new CategoryResult(c.name(), c.points(), wsum, ssum, rs.size()));
            maxPoints = maxPoints.add(c.points());
        }

        BigDecimal total = results.stream().map(RowResult::finalScore).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add);

        Optional<BigDecimal> budgetScore = Optional.empty();
        Optional<Trace> budgetTrace = Optional.empty();
        if (regime.scoresBudgetExecution()) {
            maxPoints = maxPoints.add(regime.budgetExecutionPoints());
            Optional<RuleOutcome> be = budgetExecution(sheet, sheetFindings);
            if (be.isPresent()) {
                budgetScore = Optional.of(be.get().score());
                budgetTrace = Optional.of(be.get().trace());
                total = total.add(be.get().score());
            }
        }
        if (maxPoints.compareTo(regime.totalPoints()) != 0) {
            sheetFindings.add(Finding.sheet(Severity.WARNING, FindingCode.TOTAL_POINTS_MISMATCH, "分值结构",
                    "各类别分值" + (regime.scoresBudgetExecution() ? "与预算执行率分值" : "") + "合计 " + plain(maxPoints)
                            + "，与评分规则的总分 " + plain(regime.totalPoints()) + " 不一致"));
        }

        if (sheet.recordedTotal() != null && sheet.recordedTotal().compareTo(total) != 0) {
            sheetFindings.add(Finding.sheet(Severity.ERROR, FindingCode.RECORDED_TOTAL_MISMATCH, "合计",
                    "填报合计 " + plain(sheet.recordedTotal()) + "，按规则计算为 " + total.toPlainString() + "，相差 "
                            + sheet.recordedTotal().subtract(total).setScale(scale, RoundingMode.HALF_UP).toPlainString()));
        }

        if (sheet.cityBudget() != null) {
            sheetFindings.addAll(FundsChecks.check(sheet.cityBudget()));
        }
        if (sheet.cityFundsUse() != null) {
            sheetFindings.addAll(FundsChecks.check(sheet.cityFundsUse()));
        }
        if (sheet.cityBudget() != null && sheet.cityFundsUse() != null) {
            sheetFindings.addAll(FundsChecks.check(sheet.cityBudget(), sheet.cityFundsUse()));
        }
        if (sheet.nationalFunds() != null) {
            sheetFindings.addAll(FundsChecks.check(sheet.nationalFunds()));
        }
        if (sheet.subProjects() != null) {
            sheetFindings.addAll(FundsChecks.check(sheet.subProjects()));
        }

        GradeRule.GradeOutcome grade = GradeRule.grade(total, maxPoints, regime.grades(), scale);
        Trace gradeTrace = grade.trace();
        boolean complete = results.stream().allMatch(r -> r.status().hasScore())
                && (!regime.scoresBudgetExecution() || budgetScore.isPresent());
        if (!complete) {
            gradeTrace = gradeTrace.withNote("存在待审核或无法评分的项目，总分与等级为暂定");
        }

        List<Finding> all = new ArrayList<>(rowFindings);
        all.addAll(sheetFindings);
        return new SheetResult(regime.id(), regime.name(), sheet, results, categoryResults, budgetScore, budgetTrace,
                total, maxPoints, grade.grade(), gradeTrace, all);
    }

    // ---------------------------------------------------------------- weights

    private Map<Integer, BigDecimal> resolveWeights(Sheet sheet, List<Category> categories,
                                                    Map<Integer, Trace> traces, List<Finding> findings) {
        int scale = regime.scale();
        Map<Integer, BigDecimal> out = new LinkedHashMap<>();
        for (Category c : categories) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < sheet.rows().size(); i++) {
                if (sheet.rows().get(i).category().equals(c.name())) {
                    idx.add(i);
                }
            }
            if (idx.isEmpty()) {
                if (c.points().signum() > 0) {
                    findings.add(Finding.sheet(Severity.WARNING, FindingCode.CATEGORY_WITHOUT_ROWS, c.name() + "类",
                            "该类别有 " + plain(c.points()) + " 分但没有指标"));
                }
                continue;
            }
            BigDecimal fixedSum = BigDecimal.ZERO;
            List<Integer> toSplit = new ArrayList<>();
            int library = 0;
            for (int i : idx) {
                IndicatorRow r = sheet.rows().get(i);
                if (r.weight() != null) {
                    out.put(i, r.weight());
                    fixedSum = fixedSum.add(r.weight());
                    traces.put(i, Trace.of(RuleIds.WEIGHT_GIVEN, Map.of("权重", plain(r.weight())), "", r.weight(),
                            "填报权重 " + plain(r.weight())));
                } else if (sheet.libraryWeights().containsKey(r.name())) {
                    BigDecimal w = sheet.libraryWeights().get(r.name());
                    out.put(i, w);
                    fixedSum = fixedSum.add(w);
                    library++;
                    traces.put(i, Trace.of(RuleIds.WEIGHT_LIBRARY, Map.of("权重", plain(w)), "", w,
                            "共性指标库权重 " + plain(w)));
                } else {
                    toSplit.add(i);
                }
            }
            if (!toSplit.isEmpty()) {
                BigDecimal remaining = c.points().subtract(fixedSum);
                if (remaining.signum() < 0) {
                    findings.add(Finding.sheet(Severity.ERROR, FindingCode.WEIGHT_SUM_MISMATCH, c.name() + "类",
                            "已定权重合计 " + plain(fixedSum) + " 超过类别分值 " + plain(c.points()) + "，其余 "
                                    + toSplit.size() + " 项无分可分，按 0 计"));
                    remaining = BigDecimal.ZERO;
                }
                EqualSplit split = EqualSplit.of(remaining, toSplit.size(), scale);
                boolean whole = toSplit.size() == idx.size();
                String basis = whole ? c.name() + "类 " + plain(c.points()) + " 分平均分摊到 " + toSplit.size() + " 项："
                        : c.name() + "类 " + plain(c.points()) + " 分减去已定权重 " + plain(fixedSum) + " 后平均分摊到 "
                        + toSplit.size() + " 项：";
                for (int k = 0; k < toSplit.size(); k++) {
                    BigDecimal w = split.weights().get(k);
                    out.put(toSplit.get(k), w);
                    Map<String, String> in = new LinkedHashMap<>();
                    in.put("类别分值", plain(c.points()));
                    in.put("分摊分值", plain(remaining));
                    in.put("指标个数", Integer.toString(toSplit.size()));
                    in.put("权重", w.toPlainString());
                    traces.put(toSplit.get(k), Trace.of(RuleIds.WEIGHT_EQUAL_SPLIT, in, split.explain(), w,
                            basis + split.explain() + (k == toSplit.size() - 1 && toSplit.size() > 1 ? "（本项为末项）" : "")));
                }
                findings.add(Finding.sheet(Severity.INFO, FindingCode.WEIGHT_COMPUTED, c.name() + "类",
                        toSplit.size() + " 项未填权重，" + basis + split.explain()
                                + (library > 0 ? "；" + library + " 项取共性指标库权重" : "")));
            } else if (library > 0) {
                findings.add(Finding.sheet(Severity.INFO, FindingCode.WEIGHT_COMPUTED, c.name() + "类",
                        library + " 项未填权重，取共性指标库权重"));
            }
            BigDecimal sum = idx.stream().map(out::get).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(c.points()) != 0) {
                findings.add(Finding.sheet(Severity.ERROR, FindingCode.WEIGHT_SUM_MISMATCH, c.name() + "类",
                        idx.size() + " 项指标权重合计 " + plain(sum) + "，与类别分值 " + plain(c.points()) + " 不一致，相差 "
                                + plain(sum.subtract(c.points()))));
            }
        }
        for (int i = 0; i < sheet.rows().size(); i++) {
            if (!out.containsKey(i)) {
                IndicatorRow r = sheet.rows().get(i);
                BigDecimal w = r.weight() == null ? BigDecimal.ZERO : r.weight();
                out.put(i, w);
                traces.put(i, Trace.of(RuleIds.WEIGHT_GIVEN, Map.of("权重", plain(w)), "", w,
                        r.weight() == null ? "类别“" + r.category() + "”不在表的类别中，无法分配权重，按 0 计" : "填报权重 " + plain(w)));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- rows

    private RowResult scoreRow(int n, IndicatorRow row, List<Category> categories, BigDecimal weight, Trace weightTrace,
                               List<Finding> findings) {
        int scale = regime.scale();
        RowOutcome o;
        boolean known = categories.stream().anyMatch(c -> c.name().equals(row.category()));
        Optional<CategoryRule> rule = regime.category(row.category());
        Optional<ScoringMethod> method = rule.map(CategoryRule::method).or(regime::defaultMethod);
        ParseResult target = parser.parse(row.target());
        if (!known || method.isEmpty()) {
            String why = !known ? "类别“" + row.category() + "”不在表的类别中" : "评分规则“" + regime.name() + "”未定义类别“"
                    + row.category() + "”的评分方法";
            findings.add(Finding.row(Severity.ERROR, FindingCode.CATEGORY_UNKNOWN, n, row.name(), why));
            o = RowOutcome.rejected(Trace.of(RuleIds.REJECTED, Map.of("类别", row.category()), "", null, why + "，无法评分"));
        } else if (target instanceof ParseResult.Rejected rej) {
            String why = "目标值“" + row.target() + "”无法解析：" + rej.reason();
            findings.add(Finding.row(Severity.ERROR, FindingCode.TARGET_UNPARSEABLE, n, row.name(), why));
            o = RowOutcome.rejected(Trace.of(RuleIds.REJECTED, Map.of("目标值", row.target()), "", null, why + "，无法评分"));
        } else {
            TargetValue tv = target.value().orElseThrow();
            ParseResult actual = parser.parse(row.actual());
            if (actual instanceof ParseResult.Rejected ar && ar.placeholder()) {
                o = missingActual(n, row, weight, findings);
            } else if (tv instanceof TargetValue.Qualitative q) {
                if (q.mentionsNumber()) {
                    findings.add(Finding.row(Severity.INFO, FindingCode.NUMBER_IN_QUALITATIVE_TARGET, n, row.name(),
                            "目标值“" + q.text() + "”含有数字但不是“运算符+数值+单位”的形式，按定性指标处理；如为定量目标请改写（如“≥78个”）"));
                }
                o = qualitative(n, row, q, actual, weight, findings);
            } else {
                o = quantitative(n, row, (TargetValue.Quantitative) tv, actual, weight, method.get(), findings);
            }
            if (rule.isPresent() && !rule.get().note().isEmpty()) {
                o = o.withTrace(o.trace.withNote(rule.get().note()));
            } else if (rule.isEmpty()) {
                o = o.withTrace(o.trace.withNote("评分规则未单列类别“" + row.category() + "”，按默认方法评分"));
            }
        }

        BigDecimal computed = o.score;
        if (row.recordedScore() != null) {
            if (computed != null && row.recordedScore().compareTo(computed) != 0) {
                findings.add(Finding.row(Severity.ERROR, FindingCode.RECORDED_SCORE_MISMATCH, n, row.name(),
                        "填报自评分 " + plain(row.recordedScore()) + "，按规则计算为 " + fixed(computed, scale) + "，相差 "
                                + fixed(row.recordedScore().subtract(computed), scale) + "（" + o.trace.text() + "）"));
            } else if (computed == null) {
                findings.add(Finding.row(Severity.INFO, FindingCode.RECORDED_SCORE_MISMATCH, n, row.name(),
                        "填报自评分 " + plain(row.recordedScore()) + "，系统未能按规则计算（" + o.status.label() + "），需审核人确认"));
            }
        }

        RowStatus status = o.status;
        BigDecimal finalScore = status.hasScore() ? computed : null;
        Trace trace = o.trace;
        ReviewerAdjustment adj = row.reviewerAdjustment();
        if (adj != null) {
            if (adj.score().signum() < 0 || adj.score().compareTo(weight) > 0) {
                findings.add(Finding.row(Severity.ERROR, FindingCode.REVIEWER_ADJUSTMENT_INVALID, n, row.name(),
                        "审核人调整得分 " + plain(adj.score()) + " 超出 [0, " + plain(weight) + "]，调整未采用"));
                trace = trace.withNote("审核人调整得分 " + plain(adj.score()) + " 超出权重范围，未采用");
            } else {
                BigDecimal s = adj.score().setScale(scale, RoundingMode.HALF_UP);
                String from = computed == null ? "（未计算）" : fixed(computed, scale);
                String who = adj.reviewer().isEmpty() ? "审核人" : "审核人" + adj.reviewer();
                findings.add(Finding.row(Severity.INFO, FindingCode.REVIEWER_ADJUSTMENT, n, row.name(),
                        who + "将得分由 " + from + " 调整为 " + fixed(s, scale) + "，理由：" + adj.reason()));
                trace = trace.withNote(who + "调整得分：" + from + " → " + fixed(s, scale) + "，理由：" + adj.reason());
                finalScore = s;
                status = RowStatus.ADJUSTED_BY_REVIEWER;
            }
        }
        return new RowResult(n, row, weight, weightTrace, o.direction, status, computed, finalScore, trace);
    }

    private RowOutcome missingActual(int n, IndicatorRow row, BigDecimal weight, List<Finding> findings) {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("权重", plain(weight));
        in.put("实际完成值", row.actual());
        in.put("说明", row.deviationReason());
        if (row.deviationReason().isBlank()) {
            findings.add(Finding.row(Severity.WARNING, FindingCode.ACTUAL_MISSING, n, row.name(),
                    "未填实际完成值且无说明，按填表说明得 0 分"));
            BigDecimal zero = BigDecimal.ZERO.setScale(regime.scale());
            return new RowOutcome(RowStatus.SCORED, zero, null, Trace.of(RuleIds.MISSING_ACTUAL_ZERO, in, "0", zero,
                    "无法提供实际完成值且无说明，得 0 分（填表说明：某项指标无法提供具体数值，且无说明，得0分）"));
        }
        findings.add(Finding.row(Severity.WARNING, FindingCode.PENDING_REVIEW, n, row.name(),
                "未填实际完成值，但有说明“" + row.deviationReason() + "”，待审核人评分"));
        return RowOutcome.pending(null, Trace.of(RuleIds.PENDING_REVIEW, in, "", null,
                "未填实际完成值，已说明原因（" + row.deviationReason() + "），待审核人评分"));
    }

    private RowOutcome qualitative(int n, IndicatorRow row, TargetValue.Qualitative target, ParseResult actual,
                                   BigDecimal weight, List<Finding> findings) {
        int scale = regime.scale();
        QualitativeScheme q = regime.qualitative();
        String at = actual.value().map(v -> v instanceof TargetValue.Qualitative aq ? aq.text() : "").orElse("");
        boolean equalsTarget = !at.isEmpty() && at.equals(target.text());
        boolean fullPercent = actual.value().filter(v -> v instanceof TargetValue.Quantitative aq && aq.isPercent()
                && "%".equals(aq.unit()) && aq.value().compareTo(HUNDRED) >= 0 && !aq.operator().equals(
                cn.perf.scoring.target.Operator.LT) && !aq.operator().equals(cn.perf.scoring.target.Operator.LE)).isPresent();
        if (q.mode() == QualitativeScheme.Mode.GRADES) {
            Optional<QualitativeScheme.Grade> g = q.grades().stream().filter(x -> x.name().equals(at)).findFirst();
            String how;
            if (g.isPresent()) {
                how = "实际完成值评为“" + at + "”";
            } else if (equalsTarget) {
                g = Optional.of(q.grades().get(0));
                how = "实际完成值“" + at + "”与目标一致，视为完全达成（按最高等级）";
            } else if (fullPercent) {
                g = Optional.of(q.grades().get(0));
                how = "实际完成值以百分比填报为“" + row.actual().trim() + "”（≥100%），视为完全达成（按最高等级）";
            } else {
                return unmapped(n, row, weight, findings, "等级（" + q.grades().stream()
                        .map(QualitativeScheme.Grade::name).reduce((a, b) -> a + "/" + b).orElse("") + "）");
            }
            RuleOutcome r = QualitativeRules.grade(row.category(), weight, g.get(), how, row.target(), row.actual(), scale);
            return new RowOutcome(RowStatus.SCORED, r.score(), null, r.trace());
        }
        // tiers
        Optional<QualitativeScheme.Tier> tier = q.tiers().stream().filter(t -> t.name().equals(at)).findFirst();
        String how = tier.map(t -> "实际完成情况为“" + at + "”").orElse("");
        if (tier.isEmpty() && (equalsTarget || fullPercent)) {
            tier = Optional.of(q.tiers().get(0));
            how = equalsTarget ? "实际完成值“" + at + "”与目标一致，属“" + tier.get().name() + "”档"
                    : "实际完成值“" + row.actual().trim() + "”（≥100%），属“" + tier.get().name() + "”档";
        }
        if (tier.isEmpty() && q.tiers().size() == 3) {
            OptionalInt idx = QualitativeWordings.tierIndex(at);
            if (idx.isPresent()) {
                tier = Optional.of(q.tiers().get(idx.getAsInt()));
                how = "实际完成值“" + at + "”按定性表述对照表属“" + tier.get().name() + "”档";
            }
        }
        BigDecimal chosen = row.chosenScore();
        String chosenNote = null;
        if (chosen == null && row.recordedScore() != null) {
            if (tier.isEmpty()) {
                return unmapped(n, row, weight, findings, "档次（" + q.tiers().stream()
                        .map(QualitativeScheme.Tier::name).reduce((a, b) -> a + "/" + b).orElse("")
                        + "）或对照表中的表述");
            }
            // a national form files the chosen score of a qualitative row as its 自评分
            chosen = row.recordedScore();
            chosenNote = "以填报自评分 " + plain(chosen) + " 作为填报人在档次内所选得分";
        }
        if (chosen != null) {
            if (chosen.signum() < 0 || chosen.compareTo(weight) > 0) {
                String why = "所选得分 " + plain(chosen) + " 超出 [0, " + plain(weight) + "]，评分无效";
                findings.add(Finding.row(Severity.ERROR, FindingCode.QUALITATIVE_SCORE_OUT_OF_BAND, n, row.name(), why));
                return RowOutcome.rejected(Trace.of(RuleIds.QUALITATIVE_TIER, Map.of("所选得分", plain(chosen)), "", null, why));
            }
            if (tier.isPresent() && !QualitativeRules.inBand(chosen, tier.get(), q.tiers(), weight)) {
                String why = "“" + tier.get().name() + "”档得分应在 " + QualitativeRules.bandText(tier.get(), q.tiers(), weight, scale)
                        + " 内，所选得分 " + plain(chosen) + " 不在区间内，评分无效";
                findings.add(Finding.row(Severity.ERROR, FindingCode.QUALITATIVE_SCORE_OUT_OF_BAND, n, row.name(),
                        how + "；" + why + (chosenNote == null ? "" : "（" + chosenNote + "）")));
                Trace tr = Trace.of(RuleIds.QUALITATIVE_TIER, Map.of("所选得分", plain(chosen),
                        "档次", tier.get().name()), "", null, how + "；" + why);
                return RowOutcome.rejected(chosenNote == null ? tr : tr.withNote(chosenNote));
            }
            if (tier.isEmpty()) {
                tier = QualitativeRules.tierOf(chosen, q.tiers(), weight);
                how = "实际完成值“" + row.actual().trim() + "”未写明档次，按所选得分所在档次“" + tier.orElseThrow().name() + "”";
            }
            RuleOutcome r = QualitativeRules.tier(row.category(), weight, tier.get(), q.tiers(), chosen, how,
                    row.target(), row.actual(), scale);
            return new RowOutcome(RowStatus.SCORED, r.score(), null,
                    chosenNote == null ? r.trace() : r.trace().withNote(chosenNote));
        }
        if (tier.isEmpty()) {
            return unmapped(n, row, weight, findings, "档次（" + q.tiers().stream()
                    .map(QualitativeScheme.Tier::name).reduce((a, b) -> a + "/" + b).orElse("") + "）");
        }
        if (q.tierDefault() == QualitativeScheme.TierDefault.NONE) {
            String why = "“" + tier.get().name() + "”档得分区间为 " + QualitativeRules.bandText(tier.get(), q.tiers(), weight, scale)
                    + "，填报人未在区间内选择得分，待审核人评分";
            findings.add(Finding.row(Severity.WARNING, FindingCode.QUALITATIVE_SCORE_NOT_CHOSEN, n, row.name(), why));
            return RowOutcome.pending(null, Trace.of(RuleIds.PENDING_REVIEW, Map.of("档次", tier.get().name()), "", null, why));
        }
        BigDecimal[] band = QualitativeRules.band(tier.get(), weight);
        boolean best = q.tiers().get(0).equals(tier.get());
        BigDecimal pick;
        if (q.tierDefault() == QualitativeScheme.TierDefault.LOWER) {
            pick = band[0].setScale(scale, RoundingMode.UP);
        } else {
            pick = best ? band[1].setScale(scale, RoundingMode.DOWN)
                    : band[1].subtract(BigDecimal.ONE.movePointLeft(scale)).setScale(scale, RoundingMode.DOWN);
        }
        RuleOutcome r = QualitativeRules.tier(row.category(), weight, tier.get(), q.tiers(), pick,
                how + "，未选择得分，按规则取档次" + (q.tierDefault() == QualitativeScheme.TierDefault.LOWER ? "下限" : "上限"),
                row.target(), row.actual(), scale);
        return new RowOutcome(RowStatus.SCORED, r.score(), null, r.trace());
    }

    private RowOutcome unmapped(int n, IndicatorRow row, BigDecimal weight, List<Finding> findings, String expected) {
        String why = "定性指标的实际完成值“" + row.actual().trim() + "”不是" + expected + "，也不同于目标值“"
                + row.target().trim() + "”，无法自动评分，待审核人评分";
        findings.add(Finding.row(Severity.WARNING, FindingCode.QUALITATIVE_ACTUAL_UNMAPPED, n, row.name(), why));
        return RowOutcome.pending(null, Trace.of(RuleIds.PENDING_REVIEW, Map.of("权重", plain(weight),
                "目标值", row.target(), "实际完成值", row.actual()), "", null, why));
    }

    private RowOutcome quantitative(int n, IndicatorRow row, TargetValue.Quantitative t, ParseResult actual,
                                    BigDecimal weight, ScoringMethod method, List<Finding> findings) {
        Direction direction = direction(n, row, t, findings);
        targetUnitMissing(n, row, t, findings);
        if (actual instanceof ParseResult.Rejected rej) {
            String why = "实际完成值“" + row.actual() + "”无法解析：" + rej.reason() + "，待审核人评分";
            findings.add(Finding.row(Severity.ERROR, FindingCode.ACTUAL_UNPARSEABLE, n, row.name(), why));
            return RowOutcome.pending(direction, Trace.of(RuleIds.PENDING_REVIEW, Map.of("实际完成值", row.actual()), "", null, why));
        }
        TargetValue av = actual.value().orElseThrow();
        if (av instanceof TargetValue.Qualitative aq) {
            String why = "目标值“" + row.target().trim() + "”为定量，实际完成值“" + aq.text() + "”不是数值，无法按定量规则计算，待审核人评分";
            findings.add(Finding.row(Severity.WARNING, FindingCode.QUALITATIVE_ACTUAL_UNMAPPED, n, row.name(), why));
            return RowOutcome.pending(direction, Trace.of(RuleIds.PENDING_REVIEW, Map.of("实际完成值", row.actual()), "", null, why));
        }
        TargetValue.Quantitative a = (TargetValue.Quantitative) av;
        List<String> notes = new ArrayList<>();
        if (t.isApproximate()) {
            String why = "目标值“" + row.target().trim() + "”是约数（“" + t.approximation() + "”），不是确切目标，暂按 "
                    + plain(t.number()) + t.unitText() + " 计，请改写为确切目标值（如“≥" + plain(t.number()) + t.unitText() + "”）";
            findings.add(Finding.row(Severity.WARNING, FindingCode.TARGET_APPROXIMATE, n, row.name(), why));
            notes.add("目标值“" + row.target().trim() + "”为约数（“" + t.approximation() + "”），暂按 " + plain(t.number())
                    + t.unitText() + " 计");
        }
        if (a.isApproximate()) {
            String why = "实际完成值“" + row.actual().trim() + "”是约数（“" + a.approximation()
                    + "”），不能按确切值评分，请填写确切的实际完成值；待审核人评分";
            findings.add(Finding.row(Severity.WARNING, FindingCode.ACTUAL_APPROXIMATE, n, row.name(), why));
            Trace tr = Trace.of(RuleIds.PENDING_REVIEW, Map.of("目标值", row.target(), "实际完成值", row.actual()), "", null, why);
            for (String x : notes) {
                tr = tr.withNote(x);
            }
            return RowOutcome.pending(direction, tr);
        }
        BigDecimal actualValue = a.value();
        if (a.unitText().isEmpty() && !t.unitText().isEmpty()) {
            // Real forms write the actual as a bare number in the target's unit: 95 against ≤90万元 is 95 万元.
            actualValue = new TargetValue.Quantitative(a.original(), a.operator(), a.number(), t.magnitude(), t.unit())
                    .value();
            String note = "实际值未写单位，按目标值单位“" + t.unitText() + "”计";
            notes.add(note + "（" + plain(a.number()) + t.unitText() + "）");
            findings.add(Finding.row(Severity.INFO, FindingCode.UNIT_ASSUMED, n, row.name(),
                    note + "：“" + row.actual().trim() + "”读作 " + plain(a.number()) + t.unitText()));
        } else if (!t.unit().equals(a.unit())) {
            boolean oneEmpty = t.unit().isEmpty() || a.unit().isEmpty();
            boolean percentInvolved = t.isPercent() || a.isPercent();
            if (oneEmpty && !percentInvolved) {
                String unit = t.unit().isEmpty() ? a.unit() : t.unit();
                String note = (t.unit().isEmpty() ? "目标值" : "实际完成值") + "未写单位，按“" + unit + "”理解";
                notes.add(note);
                findings.add(Finding.row(Severity.INFO, FindingCode.UNIT_ASSUMED, n, row.name(), note));
            } else {
                String why = "目标值单位“" + t.unit() + "”与实际完成值单位“" + a.unit() + "”不一致，无法比较，待审核人评分";
                findings.add(Finding.row(Severity.ERROR, FindingCode.UNIT_MISMATCH, n, row.name(), why));
                return RowOutcome.pending(direction, Trace.of(RuleIds.PENDING_REVIEW, Map.of("目标值", row.target(),
                        "实际完成值", row.actual()), "", null, why));
            }
        }
        QuantitativeInput in = new QuantitativeInput(row.category(), weight, t.value(), actualValue, direction,
                t.operator(), row.target(), row.actual());
        RuleOutcome r = QuantitativeRules.score(in, method, regime);
        Trace trace = r.trace();
        for (String x : notes) {
            trace = trace.withNote(x);
        }
        if (row.direction() == null && t.operator().isEquality()) {
            trace = trace.withNote("目标值未写比较方向，按" + direction.label() + "评分");
        }

        boolean deviationNoted = false;
        if (direction == Direction.HIGHER_IS_BETTER && r.ratio() != null && regime.overAchievementFlagPercent().isPresent()) {
            BigDecimal flag = regime.overAchievementFlagPercent().get();
            BigDecimal p = r.ratio().multiply(HUNDRED);
            if (p.compareTo(flag) >= 0) {
                deviationNoted = true;
                if (row.deviationReason().isBlank()) {
                    findings.add(Finding.row(Severity.WARNING, FindingCode.OVER_ACHIEVEMENT_UNEXPLAINED, n, row.name(),
                            "完成率 " + percentOfRatio(r.ratio()) + " ≥ " + percent(flag)
                                    + "，目标可能定得偏低，须在偏差原因分析中说明；审核人可适度调整得分（须写明理由）"));
                    trace = trace.withNote("超额完成（≥" + percent(flag) + "）且未说明原因");
                } else {
                    findings.add(Finding.row(Severity.INFO, FindingCode.OVER_ACHIEVEMENT_EXPLAINED, n, row.name(),
                            "完成率 " + percentOfRatio(r.ratio()) + " ≥ " + percent(flag) + "，已说明：" + row.deviationReason()));
                    trace = trace.withNote("超额完成（≥" + percent(flag) + "），原因：" + row.deviationReason());
                }
            }
        }
        if (!deviationNoted && r.score().compareTo(weight) < 0) {
            if (row.deviationReason().isBlank()) {
                findings.add(Finding.row(Severity.WARNING, FindingCode.DEVIATION_REASON_MISSING, n, row.name(),
                        "未达目标（得分 " + fixed(r.score(), regime.scale()) + " < 权重 " + plain(weight) + "），未填偏差原因分析及改进措施"));
            } else {
                trace = trace.withNote("偏差原因：" + row.deviationReason());
            }
        }
        return new RowOutcome(RowStatus.SCORED, r.score(), direction, trace);
    }

    /**
     * A quantitative target written as a bare number (43.2, 100) is always a finding: WARNING for an ordinary
     * indicator (the unit cannot be known), INFO for a rate (name contains 率 or ends in 满意度/指数-like rate words),
     * where the number is almost certainly a percentage but the form should say “%”. Nothing is exempt.
     */
    private void targetUnitMissing(int n, IndicatorRow row, TargetValue.Quantitative t, List<Finding> findings) {
        if (!t.unitText().isEmpty()) {
            return;
        }
        boolean rate = row.name().contains("率") || DirectionAdvisor.endsInHigherIsBetterRate(row.name());
        String why = rate
                ? "目标值“" + row.target().trim() + "”未写单位；指标为比率，应写明“%”（如“" + plain(t.number()) + "%”）"
                : "目标值“" + row.target().trim() + "”未写单位，无法确定计量口径，请写明单位（个、万元、%…）";
        findings.add(Finding.row(rate ? Severity.INFO : Severity.WARNING, FindingCode.TARGET_UNIT_MISSING, n,
                row.name(), why));
    }

    private Direction direction(int n, IndicatorRow row, TargetValue.Quantitative t, List<Finding> findings) {
        Direction byOperator = t.operator().defaultDirection();
        if (row.direction() != null) {
            if (!t.operator().isEquality() && row.direction() != byOperator) {
                findings.add(Finding.row(Severity.WARNING, FindingCode.DIRECTION_CONTRADICTS_OPERATOR, n, row.name(),
                        "目标值“" + row.target().trim() + "”的运算符表示" + byOperator.label() + "，但确认的方向为"
                                + row.direction().label() + "；按确认的方向评分"));
            }
            return row.direction();
        }
        if (t.operator().isEquality()) {
            Optional<DirectionHint> hint = advisor.suggest(row.name(), row.explanation());
            if (hint.isPresent()) {
                DirectionHint h = hint.get();
                String suggested = (h.direction() == Direction.LOWER_IS_BETTER ? "≤" : "≥") + plain(t.number()) + t.unitText();
                findings.add(Finding.row(Severity.WARNING, FindingCode.EQUALITY_DIRECTION_LINT, n, row.name(),
                        "目标值“" + row.target().trim() + "”写作等于，按" + byOperator.label() + "评分；但" + h.reason()
                                + "，应为" + h.direction().label() + "，建议改写为“" + suggested + "”并确认方向"));
            }
        }
        return byOperator;
    }

    private BigDecimal pointsOrZero(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }

    private Optional<RuleOutcome> budgetExecution(Sheet sheet, List<Finding> findings) {
        BudgetExecution be = sheet.budgetExecution();
        String note = null;
        if (be == null && sheet.cityBudget() != null && sheet.cityFundsUse() != null) {
            be = new BudgetExecution(sheet.cityBudget().initialBudget().add(pointsOrZero(sheet.cityBudget().adjustment())),
                    sheet.cityFundsUse().actualPaid());
            note = "表中无全年预算数/全年执行数，取 年初预算数 + 调整数 = " + fixed(be.annualBudget(), 2) + " 为全年预算数，实际支付数 "
                    + fixed(be.executed(), 2) + " 为全年执行数";
        }
        if (be == null || be.annualBudget().signum() <= 0) {
            findings.add(Finding.sheet(Severity.ERROR, FindingCode.BUDGET_EXECUTION_MISSING, "预算执行率",
                    be == null ? "缺少全年预算数和全年执行数，无法计算预算执行率得分" : "全年预算数为 0，无法计算预算执行率得分"));
            return Optional.empty();
        }
        RuleOutcome r = BudgetExecutionRule.score(regime.budgetExecutionPoints(), be, regime.scale());
        if (be.recordedScore() != null && be.recordedScore().compareTo(r.score()) != 0) {
            // the same rule as a row's 自评分: any difference from the rounded computed score is reported
            int scale = regime.scale();
            findings.add(Finding.sheet(Severity.ERROR, FindingCode.RECORDED_SCORE_MISMATCH, "预算执行率",
                    "填报自评分 " + plain(be.recordedScore()) + "，按规则计算为 " + fixed(r.score(), scale) + "，相差 "
                            + fixed(be.recordedScore().subtract(r.score()), scale) + "（" + r.trace().text() + "）"));
            r = new RuleOutcome(r.score(), r.ratio(), r.trace().withNote("填报自评分 " + plain(be.recordedScore())
                    + " 与计算得分 " + fixed(r.score(), scale) + " 不一致"));
        }
        return Optional.of(note == null ? r : new RuleOutcome(r.score(), r.ratio(), r.trace().withNote(note)));
    }

    /** Intermediate result of a row before checks and adjustments. */
    private record RowOutcome(RowStatus status, BigDecimal score, Direction direction, Trace trace) {
        static RowOutcome rejected(Trace t) {
            return new RowOutcome(RowStatus.REJECTED, null, null, t);
        }

        static RowOutcome pending(Direction d, Trace t) {
            return new RowOutcome(RowStatus.PENDING_REVIEW, null, d, t);
        }

        RowOutcome withTrace(Trace t) {
            return new RowOutcome(status, score, direction, t);
        }
    }
}
