package cn.perf.domain.declaration;

import cn.perf.domain.shared.IndicatorValue;
import cn.perf.domain.shared.Money;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.IndicatorFramework;
import cn.perf.scoring.target.Direction;
import cn.perf.scoring.target.DirectionAdvisor;
import cn.perf.scoring.target.DirectionHint;
import cn.perf.scoring.target.ParseResult;
import cn.perf.scoring.target.TargetValue;
import cn.perf.scoring.target.TargetValueParser;
import cn.perf.scoring.trace.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 检查: the named rules a 申报表 is checked by before it is submitted (and whenever a filer asks), as a pure policy
 * over its {@link DeclarationContent}. Each {@link Rule} yields {@link DeclarationFinding}s that name their row
 * ({@code indicators[3]}) so the page links them. {@linkplain Rule#blocking() Blocking} rules stop a submission;
 * the others are notices for the filer and the reviewer. No rule stops a draft from being saved.
 *
 * <p>Parameters come in as values ({@link Parameters}): the direction advisor, which units count things (for the
 * 年度 ≤ 长期 rule) and which first-level categories are 产出. {@link #standard()} gives the defaults.
 */
public final class DeclarationLint {

    /** The rules, each with whether it blocks a submission. */
    public enum Rule {
        /** Suzhou: 项目资金构成 has no 子项目. */
        NO_SUB_PROJECT(true),
        /** Suzhou: a 子项目 without 预算金额. */
        SUB_PROJECT_AMOUNT_MISSING(true),
        /** Suzhou: 本年度计划数合计 ≠ 项目资金构成合计. */
        PLAN_NOT_COMPOSITION(true),
        /** Suzhou: a 资金来源 row whose 上年度资金 + 本年度计划数 exceeds its 项目投资总额. */
        FUNDING_EXCEEDS_INVESTMENT(false),
        /** National: 资金总额 empty. */
        FUNDS_REQUEST_MISSING(true),
        /** National: 资金总额 ≠ 财政拨款 + 自有资金. */
        FUNDS_REQUEST_MISMATCH(true),
        /** No indicator at all (national: no 年度 indicator). */
        NO_INDICATOR(true),
        /** An indicator row without 指标名称. */
        INDICATOR_NAME_MISSING(true),
        /** An indicator's 类别 / 一级·二级指标 is not part of the template's framework. */
        CATEGORY_NOT_IN_FRAMEWORK(true),
        /** 目标值 not filled. */
        TARGET_MISSING(true),
        /** 目标值 cannot be read (and is not a placeholder). */
        TARGET_UNREADABLE(true),
        /** A 目标值 that is a placeholder ({@code * - / _}, 无, 略). */
        PLACEHOLDER_TARGET(true),
        /** A placeholder where another value belongs (指标解释, 目标值来源, a text block …). */
        PLACEHOLDER_VALUE(false),
        /** A 定量 目标值 with no unit ({@code 43.2}, {@code 100}). */
        QUANTITATIVE_WITHOUT_UNIT(false),
        /**
         * A 目标值 written as an approximate number ({@code 约35个}, {@code 35个左右}, {@code 近35个}): kept as 定性 text, and
         * the scorer can only take its number provisionally (TARGET_APPROXIMATE).
         */
        APPROXIMATE_TARGET(false),
        /** A rate target above 100% (完成率 ≥ 120%). */
        RATE_ABOVE_100(false),
        /** An {@code =} (or bare) target whose name or explanation says the other direction, not confirmed. */
        AMBIGUOUS_DIRECTION(false),
        /** More than half of the 产出 rows are 定性. */
        MOSTLY_QUALITATIVE_OUTPUT(false),
        /** A 满意度 indicator filed under 产出. */
        SATISFACTION_AS_OUTPUT(false),
        /** National: an annual value larger than the long-term value of the same cumulative count. */
        ANNUAL_EXCEEDS_LONG_TERM(false),
        /** Suzhou: a 子项目 that no indicator names as 对应子项目. */
        UNCOVERED_SUB_PROJECT(false),
        /** Two indicators of the same table with the same name. */
        DUPLICATE_INDICATOR_NAME(false);

        private final boolean blocking;

        Rule(boolean blocking) {
            this.blocking = blocking;
        }

        public boolean blocking() {
            return blocking;
        }
    }

    /**
     * The lint's parameters.
     *
     * @param advisor        suggests lower-is-better for names such as 投诉率, 成本, 用时
     * @param countUnits     units of things that accumulate (个, 台, 套 …): an annual count above the long-term count
     *                       of the same indicator is suspicious
     * @param outputPrefixes first-level categories that are 产出 (产出, 产出指标)
     * @param placeholders   texts that stand for "nothing" (after stripping)
     */
    public record Parameters(DirectionAdvisor advisor, Set<String> countUnits, List<String> outputPrefixes,
                             Set<String> placeholders) {
        public Parameters {
            Objects.requireNonNull(advisor, "advisor");
            countUnits = Set.copyOf(countUnits);
            outputPrefixes = List.copyOf(outputPrefixes);
            placeholders = Set.copyOf(placeholders);
        }

        public static Parameters defaults() {
            return new Parameters(DirectionAdvisor.defaults(),
                    Set.of("个", "台", "套", "份", "项", "种", "点", "次", "人", "人次", "家", "户", "件", "本", "场", "期",
                            "篇", "条", "名", "处", "座", "辆", "批", "所", "部", "册", "张", "块", "棵", "株", "公里", "千米",
                            "米", "平方米", "亩", "吨", "万", "个数"),
                    List.of("产出"), Set.of("*", "＊", "-", "－", "—", "——", "/", "／", "_", "＿", "无", "略", "暂无", "待定",
                            "xx", "XX", "××", "..."));
        }
    }

    private static final Pattern PLACEHOLDER_CHARS = Pattern.compile("[\\s*＊\\-－—/／_＿.。]+");
    private static final TargetValueParser PARSER = new TargetValueParser();

    private final Parameters p;

    public DeclarationLint(Parameters parameters) {
        this.p = Objects.requireNonNull(parameters, "parameters");
    }

    /** The lint with {@link Parameters#defaults()}. */
    public static DeclarationLint standard() {
        return new DeclarationLint(Parameters.defaults());
    }

    /**
     * Every finding of {@code c} in the given layout; with a framework (may be null) also the indicators' fit to
     * its categories. Findings come in form order: funds, then indicators row by row, then whole-table rules.
     */
    public List<DeclarationFinding> check(DeclarationContent c, FormLayout layout, IndicatorFramework framework) {
        List<DeclarationFinding> out = new ArrayList<>();
        if (layout == FormLayout.SUZHOU) {
            suzhouFunds(c, out);
        } else {
            nationalFunds(c, out);
        }
        headerPlaceholders(c, out);
        indicators(c, layout, framework, out);
        outputShare(c, out);
        duplicates(c, out);
        if (layout == FormLayout.SUZHOU) {
            uncoveredSubProjects(c, out);
        } else {
            annualAgainstLongTerm(c, out);
        }
        return out;
    }

    // ------------------------------------------------------------------ funds

    private void suzhouFunds(DeclarationContent c, List<DeclarationFinding> out) {
        if (c.subProjects().isEmpty()) {
            out.add(DeclarationFinding.error(Rule.NO_SUB_PROJECT, "subProjects", "项目资金构成至少要有一个子项目"));
        }
        for (int i = 0; i < c.subProjects().size(); i++) {
            DeclarationContent.SubProjectRow s = c.subProjects().get(i);
            if (s.amount() == null) {
                out.add(DeclarationFinding.error(Rule.SUB_PROJECT_AMOUNT_MISSING, "subProjects[" + i + "]",
                        "子项目第 " + (i + 1) + " 行“" + nz(s.name()) + "”的预算金额未填写"));
            }
        }
        DeclarationTotals t = DeclarationTotals.of(c);
        if (!t.planMatchesComposition()) {
            Money planned = t.fundingTotals().currentYear() == null ? Money.ZERO : t.fundingTotals().currentYear();
            out.add(DeclarationFinding.error(Rule.PLAN_NOT_COMPOSITION, "fundingSources",
                    "本年度计划数合计（" + planned.display() + " 万元）≠ 项目资金构成合计（" + t.subProjectTotal().display()
                            + " 万元）"));
        }
        for (int i = 0; i < c.fundingSources().size(); i++) {
            DeclarationContent.FundingRow f = c.fundingSources().get(i);
            if (f.totalInvestment() != null && f.priorYear() != null && f.currentYear() != null
                    && f.priorYear().plus(f.currentYear()).compareTo(f.totalInvestment()) > 0) {
                out.add(DeclarationFinding.notice(Rule.FUNDING_EXCEEDS_INVESTMENT, "fundingSources[" + i + "]",
                        f.kind().label() + "：上年度资金与本年度计划数之和（" + f.priorYear().plus(f.currentYear()).display()
                                + " 万元）超过项目投资总额（" + f.totalInvestment().display() + " 万元）"));
            }
        }
    }

    private void nationalFunds(DeclarationContent c, List<DeclarationFinding> out) {
        FundsRequest r = c.fundsRequest();
        if (r.total() == null) {
            out.add(DeclarationFinding.error(Rule.FUNDS_REQUEST_MISSING, "fundsRequest",
                    "项目资金申请的资金总额未填写"));
        } else if (!r.total().equals(r.sumOfParts())) {
            out.add(DeclarationFinding.error(Rule.FUNDS_REQUEST_MISMATCH, "fundsRequest",
                    "资金总额（" + r.total().display() + " 万元）≠ 财政拨款与自有资金之和（" + r.sumOfParts().display() + " 万元）"));
        }
    }

    // ------------------------------------------------------------------ header and texts

    private void headerPlaceholders(DeclarationContent c, List<DeclarationFinding> out) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("projectLeader", c.projectLeader());
        fields.put("contactPerson", c.contactPerson());
        fields.put("texts.overview", c.texts().overview());
        fields.put("texts.establishmentBasis", c.texts().establishmentBasis());
        fields.put("texts.necessity", c.texts().necessity());
        fields.put("texts.safeguards", c.texts().safeguards());
        fields.put("texts.implementationPlan", c.texts().implementationPlan());
        fields.put("texts.overallGoal", c.texts().overallGoal());
        fields.put("texts.annualGoal", c.texts().annualGoal());
        fields.put("texts.unitFunctions", c.texts().unitFunctions());
        fields.put("texts.feasibility", c.texts().feasibility());
        fields.forEach((path, value) -> {
            if (isPlaceholder(value)) {
                out.add(DeclarationFinding.notice(Rule.PLACEHOLDER_VALUE, path,
                        "“" + value.strip() + "”是占位符，请填写实际内容"));
            }
        });
    }

    // ------------------------------------------------------------------ indicators

    private void indicators(DeclarationContent c, FormLayout layout, IndicatorFramework framework,
                            List<DeclarationFinding> out) {
        if (c.indicators().isEmpty()) {
            out.add(DeclarationFinding.error(Rule.NO_INDICATOR, "indicators", "至少要有一个绩效指标"));
        } else if (layout == FormLayout.NATIONAL && c.indicators(IndicatorTerm.ANNUAL).isEmpty()) {
            out.add(DeclarationFinding.error(Rule.NO_INDICATOR, "indicators", "年度绩效指标至少要有一行"));
        }
        for (int i = 0; i < c.indicators().size(); i++) {
            DeclarationContent.IndicatorRow row = c.indicators().get(i);
            String path = "indicators[" + i + "]";
            String label = rowLabel(c, i);
            if (row.name() == null || row.name().isBlank()) {
                out.add(DeclarationFinding.error(Rule.INDICATOR_NAME_MISSING, path, label + "：指标名称未填写"));
            }
            if (framework != null) {
                framework.misfit(row.category(), row.subCategory()).ifPresent(m ->
                        out.add(DeclarationFinding.error(Rule.CATEGORY_NOT_IN_FRAMEWORK, path, label + "：" + m)));
            }
            for (String[] f : new String[][] {{"指标解释", row.explanation()}, {"目标值来源", row.targetBasis()},
                    {"计量单位", row.measureUnit()}}) {
                if (isPlaceholder(f[1])) {
                    out.add(DeclarationFinding.notice(Rule.PLACEHOLDER_VALUE, path,
                            label + "：" + f[0] + "“" + f[1].strip() + "”是占位符，请填写实际内容"));
                }
            }
            target(row, path, label, out);
        }
    }

    private void target(DeclarationContent.IndicatorRow row, String path, String label,
                        List<DeclarationFinding> out) {
        IndicatorValue t = IndicatorValue.of(row.targetText());
        if (t.isBlank()) {
            out.add(DeclarationFinding.error(Rule.TARGET_MISSING, path, label + "：目标值未填写"));
            return;
        }
        if (isPlaceholder(t.originalText())) {
            out.add(DeclarationFinding.error(Rule.PLACEHOLDER_TARGET, path,
                    label + "：目标值“" + t.originalText().strip() + "”是占位符，请填写实际目标"));
            return;
        }
        if (!t.isReadable()) {
            out.add(DeclarationFinding.error(Rule.TARGET_UNREADABLE, path, label + "：目标值“" + t.originalText()
                    + "”无法识别（" + t.parseError().orElse("") + "）"));
            return;
        }
        approximate(t.originalText()).ifPresent(q -> out.add(DeclarationFinding.notice(Rule.APPROXIMATE_TARGET, path,
                label + "：目标值“" + t.originalText().strip() + "”是约数（“" + q.approximation() + "”），不是确切目标，评分时只能暂按 "
                        + Numbers.plain(q.number()) + q.unitText() + " 计；请写成确切的目标值，如“≥" + Numbers.plain(q.number())
                        + q.unitText() + "”" + (q.unitText().isEmpty() ? "，并写明单位" : ""))));
        if (!t.isQuantitative()) {
            return;
        }
        if (t.unitText().isEmpty() && (row.measureUnit() == null || row.measureUnit().isBlank())) {
            out.add(DeclarationFinding.notice(Rule.QUANTITATIVE_WITHOUT_UNIT, path, label + "：定量目标值“"
                    + t.originalText() + "”没有单位，请写明单位（如 %、个、万元）"));
        }
        if ("%".equals(t.unit()) && t.scaledNumber().compareTo(BigDecimal.valueOf(100)) > 0
                && t.direction() == Direction.HIGHER_IS_BETTER) {
            out.add(DeclarationFinding.notice(Rule.RATE_ABOVE_100, path, label + "：比率目标“" + t.originalText()
                    + "”超过 100%，请确认（完成率、达标率等不会超过 100%）"));
        }
        Direction effective = row.direction() != null ? row.direction() : t.direction();
        if (row.direction() == null && t.operator().isEquality()) {
            // only an = (or bare) target is ambiguous (DESIGN §3.4); ≥/≤ say which way is better
            Optional<DirectionHint> hint = p.advisor().suggest(row.name(), row.explanation());
            if (hint.isPresent() && hint.get().direction() != effective) {
                out.add(DeclarationFinding.notice(Rule.AMBIGUOUS_DIRECTION, path, label + "：目标值“"
                        + t.originalText() + "”按“" + effective.label() + "”计分，但" + hint.get().reason()
                        + "，请确认方向"));
            }
        }
    }

    private void outputShare(DeclarationContent c, List<DeclarationFinding> out) {
        for (IndicatorTerm term : IndicatorTerm.values()) {
            int outputs = 0;
            int qualitative = 0;
            int first = -1;
            for (int i = 0; i < c.indicators().size(); i++) {
                DeclarationContent.IndicatorRow row = c.indicators().get(i);
                if (row.term() != term || !isOutput(row.category())) {
                    continue;
                }
                first = first < 0 ? i : first;
                outputs++;
                if (IndicatorValue.of(row.targetText()).isQualitative()) {
                    qualitative++;
                }
                if (row.name() != null && row.name().contains("满意度")) {
                    out.add(DeclarationFinding.notice(Rule.SATISFACTION_AS_OUTPUT, "indicators[" + i + "]",
                            rowLabel(c, i) + "：满意度是效益/满意度类指标，不应作为产出指标"));
                }
            }
            if (outputs > 0 && qualitative * 2 > outputs) {
                out.add(DeclarationFinding.notice(Rule.MOSTLY_QUALITATIVE_OUTPUT, "indicators[" + first + "]",
                        term.label() + "：产出指标 " + outputs + " 行中有 " + qualitative
                                + " 行是定性指标，超过一半；产出指标应尽量量化"));
            }
        }
    }

    private void duplicates(DeclarationContent c, List<DeclarationFinding> out) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < c.indicators().size(); i++) {
            DeclarationContent.IndicatorRow row = c.indicators().get(i);
            if (row.name() == null || row.name().isBlank()) {
                continue;
            }
            String key = row.term() + "|" + normalize(row.name()) + "|" + String.join(",", row.subProjectKeys());
            Integer earlier = seen.putIfAbsent(key, i);
            if (earlier != null) {
                out.add(DeclarationFinding.notice(Rule.DUPLICATE_INDICATOR_NAME, "indicators[" + i + "]",
                        rowLabel(c, i) + "：与" + rowLabel(c, earlier) + "的指标名称相同"));
            }
        }
    }

    private void uncoveredSubProjects(DeclarationContent c, List<DeclarationFinding> out) {
        Set<String> covered = new HashSet<>();
        c.indicators().forEach(i -> covered.addAll(i.subProjectKeys()));
        for (int i = 0; i < c.subProjects().size(); i++) {
            DeclarationContent.SubProjectRow s = c.subProjects().get(i);
            if (s.key() != null && !covered.contains(s.key())) {
                out.add(DeclarationFinding.notice(Rule.UNCOVERED_SUB_PROJECT, "subProjects[" + i + "]",
                        "子项目“" + nz(s.name()) + "”没有对应的绩效指标"));
            }
        }
    }

    private void annualAgainstLongTerm(DeclarationContent c, List<DeclarationFinding> out) {
        Map<String, IndicatorValue> longTerm = new HashMap<>();
        for (DeclarationContent.IndicatorRow row : c.indicators(IndicatorTerm.LONG_TERM)) {
            IndicatorValue v = IndicatorValue.of(row.targetText());
            if (row.name() != null && isCount(v)) {
                longTerm.putIfAbsent(normalize(row.name()), v);
            }
        }
        for (int i = 0; i < c.indicators().size(); i++) {
            DeclarationContent.IndicatorRow row = c.indicators().get(i);
            if (row.term() != IndicatorTerm.ANNUAL || row.name() == null) {
                continue;
            }
            IndicatorValue annual = IndicatorValue.of(row.targetText());
            IndicatorValue whole = longTerm.get(normalize(row.name()));
            if (whole != null && isCount(annual) && annual.unitText().equals(whole.unitText())
                    && annual.scaledNumber().compareTo(whole.scaledNumber()) > 0) {
                out.add(DeclarationFinding.notice(Rule.ANNUAL_EXCEEDS_LONG_TERM, "indicators[" + i + "]",
                        rowLabel(c, i) + "：年度指标值“" + annual.originalText() + "”大于长期指标值“"
                                + whole.originalText() + "”，累计数量的年度值不应超过长期值"));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The number an approximate target text stands for (约35个, 35个左右, 近35个), empty for any other text. */
    private static Optional<TargetValue.Quantitative> approximate(String text) {
        if (PARSER.parse(text) instanceof ParseResult.Parsed p && p.parsed() instanceof TargetValue.Quantitative q
                && q.isApproximate()) {
            return Optional.of(q);
        }
        return Optional.empty();
    }

    private boolean isCount(IndicatorValue v) {
        if (!v.isQuantitative() || v.direction() != Direction.HIGHER_IS_BETTER) {
            return false;
        }
        return p.countUnits().contains(v.unit().isEmpty() ? v.magnitude() : v.unit());
    }

    private boolean isOutput(String category) {
        return category != null && p.outputPrefixes().stream().anyMatch(category::startsWith);
    }

    boolean isPlaceholder(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String s = value.strip();
        return p.placeholders().contains(s) || PLACEHOLDER_CHARS.matcher(s).matches();
    }

    /** "年度绩效指标第 3 行“名称”" — numbered within its own table, as the page numbers it. */
    static String rowLabel(DeclarationContent c, int index) {
        DeclarationContent.IndicatorRow row = c.indicators().get(index);
        int n = 0;
        for (int i = 0; i <= index; i++) {
            if (c.indicators().get(i).term() == row.term()) {
                n++;
            }
        }
        return row.term().label() + "第 " + n + " 行“" + nz(row.name()) + "”";
    }

    private static String normalize(String name) {
        return name.strip().replaceAll("\\s+", "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
