package cn.perf.domain.evaluation;

import cn.perf.domain.shared.IndicatorValue;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Violation;
import cn.perf.scoring.funds.BudgetExecution;
import cn.perf.scoring.funds.CityBudgetExecution;
import cn.perf.scoring.funds.CityFundsUse;
import cn.perf.scoring.funds.NationalFunds;
import cn.perf.scoring.funds.SubProject;
import cn.perf.scoring.funds.SubProjects;
import cn.perf.scoring.regime.ScoringRegime;
import cn.perf.scoring.regime.ScoringRegimes;
import cn.perf.scoring.sheet.Category;
import cn.perf.scoring.sheet.ReviewerAdjustment;
import cn.perf.scoring.sheet.Sheet;
import cn.perf.scoring.sheet.SheetResult;
import cn.perf.scoring.sheet.SheetScorer;
import cn.perf.scoring.target.Direction;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Use case: score a sheet that is not stored (issue 11, {@code POST /api/v1/scoring/preview}) — a province's or a
 * bureau's spreadsheet row by row — with the regimes in force ({@link ScoringRegimeCatalog}: the built-ins and the
 * deployment's) or with regime parameters given in the request ({@link ScoringRegimes#fromMap} keys), by the same
 * engine ({@link SheetScorer}) and the same reading of a row ({@link EvaluationSheets#row}) as the stored
 * self-evaluations: the same sheet gives the same rows, subtotals, total, grade and findings. Stateless: nothing is
 * read from or written to the database. What cannot be scored comes back as {@link Violation}s, all at once.
 */
@Named
public class ScoringPreview {

    /** Most rows a preview scores (as a form may hold). */
    public static final int MAX_ROWS = 300;
    /** Most categories. */
    public static final int MAX_CATEGORIES = 20;

    private final ScoringRegimeCatalog regimes;

    public ScoringPreview(ScoringRegimeCatalog regimes) {
        this.regimes = regimes;
    }

    /**
     * A sheet to score.
     *
     * @param regimeId         a regime of the catalog, or {@code null} when {@code regimeParameters} are given
     * @param regimeParameters regime parameters ({@code regime.base} names a regime of the catalog whose other
     *                         parameters are kept), or {@code null}
     * @param inlineId         the id and name an inline regime gets when its parameters name none
     * @param categories       categories with points, in order; empty: the regime's
     * @param subProjectTotal  the printed 合计 of 项目资金构成, or {@code null} (then the sum)
     * @param nationalFunds    national 项目资金 rows by kind (all four, or none)
     * @param budgetScore      the filed 预算执行率 得分 (national), or {@code null}
     */
    public record SheetInput(String regimeId, Map<String, String> regimeParameters, String inlineId, String inlineName,
                             String title, List<CategoryInput> categories, List<RowInput> rows,
                             CityBudgetExecution cityBudget, CityFundsUse cityFundsUse,
                             List<SubProject> subProjects, BigDecimal subProjectTotal,
                             Map<NationalFundKind, NationalFunds.Row> nationalFunds, BigDecimal budgetScore,
                             BigDecimal recordedTotal) {
        public SheetInput {
            categories = categories == null ? List.of() : List.copyOf(categories);
            rows = rows == null ? List.of() : List.copyOf(rows);
            subProjects = subProjects == null ? List.of() : List.copyOf(subProjects);
            nationalFunds = nationalFunds == null ? Map.of() : Map.copyOf(nationalFunds);
        }
    }

    /** A category with its points. */
    public record CategoryInput(String name, BigDecimal points) {
    }

    /**
     * One row as filed: 目标值 and 实际完成值 as written, a direction the filer confirmed (or {@code null}), the weight
     * ({@code null}: computed), the filed 自评分, and a reviewer's score with its reason and (optionally) the
     * reviewer's name, which the trace names.
     */
    public record RowInput(String category, String subCategory, String name, String target, Direction direction,
                           BigDecimal weight, String actual, String explanation, String deviationReason,
                           BigDecimal recordedScore, BigDecimal adjustedScore, String adjustmentReason,
                           String adjustedBy) {
    }

    /** The regimes in force, in catalog order. */
    public Collection<ScoringRegime> regimes() {
        return regimes.all();
    }

    /**
     * Scores {@code input}.
     *
     * @return the engine's result with the regime used
     * @throws InvalidCommandException every problem of the input (an unknown regime, bad parameters, a row without
     *                                 name or category, a reviewer's score without reason), with the path in the body
     */
    public SheetResult score(SheetInput input) {
        List<Violation> out = new ArrayList<>();
        ScoringRegime regime = regime(input, out);
        if (input.rows().isEmpty()) {
            out.add(Violation.of("rows", "required", "至少需要一行指标"));
        }
        if (input.rows().size() > MAX_ROWS) {
            out.add(Violation.of("rows", "tooManyRows", "最多 " + MAX_ROWS + " 行", MAX_ROWS));
        }
        if (input.categories().size() > MAX_CATEGORIES) {
            out.add(Violation.of("categories", "tooManyRows", "最多 " + MAX_CATEGORIES + " 行", MAX_CATEGORIES));
        }
        for (int k = 0; k < input.categories().size() && k < MAX_CATEGORIES; k++) {
            CategoryInput c = input.categories().get(k);
            required(out, "categories[" + k + "].name", c.name(), "类别名称");
            if (c.points() == null) {
                out.add(Violation.of("categories[" + k + "].points", "required", "分值不能为空", "分值"));
            }
        }
        List<RowInput> rows = input.rows().subList(0, Math.min(input.rows().size(), MAX_ROWS));
        for (int k = 0; k < rows.size(); k++) {
            RowInput r = rows.get(k);
            String p = "rows[" + k + "].";
            required(out, p + "category", r.category(), "类别");
            required(out, p + "name", r.name(), "指标名称");
            text(out, p + "target", r.target(), "目标值", EvaluationFiling.MAX_ACTUAL);
            text(out, p + "actual", r.actual(), "实际完成值", EvaluationFiling.MAX_ACTUAL);
            text(out, p + "deviationReason", r.deviationReason(), "偏差原因分析及改进措施", EvaluationFiling.MAX_REASON);
            text(out, p + "explanation", r.explanation(), "指标解释", EvaluationFiling.MAX_REASON);
            if (r.direction() != null && !IndicatorValue.of(orEmpty(r.target())).isQuantitative()) {
                out.add(Violation.of(p + "direction", "directionQualitative", "只有定量目标值才有方向（越高越好/越低越好）"));
            }
            if (r.adjustedScore() != null && (r.adjustmentReason() == null || r.adjustmentReason().isBlank())) {
                out.add(Violation.of(p + "adjustmentReason", "adjustmentReasonRequired", "调整评分须填写理由"));
            }
            if (r.adjustedScore() == null && r.adjustmentReason() != null && !r.adjustmentReason().isBlank()) {
                out.add(Violation.of(p + "adjustedScore", "required", "调整后的得分不能为空", "调整后的得分"));
            }
        }
        if (!input.nationalFunds().isEmpty() && input.nationalFunds().size() != NationalFundKind.values().length) {
            out.add(Violation.of("nationalFunds", "rows", "项目资金应有 " + NationalFundKind.values().length + " 行"));
        }
        if (!out.isEmpty()) {
            throw new InvalidCommandException(out);
        }
        Sheet sheet = sheet(input, rows, regime);
        try {
            return new SheetScorer(regime).score(sheet);
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException(List.of(Violation.of("", "scoring", e.getMessage())));
        }
    }

    private ScoringRegime regime(SheetInput input, List<Violation> out) {
        boolean byId = input.regimeId() != null && !input.regimeId().isBlank();
        boolean inline = input.regimeParameters() != null && !input.regimeParameters().isEmpty();
        if (byId == inline) {
            out.add(Violation.of("regimeId", "regimeChoice", "请给出 regimeId（评分规则编号）或 regimeParameters（评分规则参数）之一"));
            return null;
        }
        if (byId) {
            ScoringRegime r = regimes.find(input.regimeId().strip()).orElse(null);
            if (r == null) {
                out.add(Violation.of("regimeId", "regimeUnknown", "评分规则“" + input.regimeId().strip()
                        + "”不存在，可用的见 GET /api/v1/scoring/regimes", input.regimeId().strip()));
            }
            return r;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        String base = input.regimeParameters().get("regime.base");
        if (base != null && !base.isBlank()) {
            ScoringRegime b = regimes.find(base.strip()).orElse(null);
            if (b == null) {
                out.add(Violation.of("regimeParameters.regime.base", "regimeUnknown", "评分规则“" + base.strip()
                        + "”不存在，可用的见 GET /api/v1/scoring/regimes", base.strip()));
                return null;
            }
            parameters.putAll(ScoringRegimes.toMap(b));
            parameters.put("regime.id", input.inlineId());
            parameters.put("regime.name", input.inlineName() == null ? b.name() : input.inlineName() + "：" + b.name());
        }
        input.regimeParameters().forEach((k, v) -> {
            if (!k.equals("regime.base")) {
                parameters.put(k, v);
            }
        });
        try {
            return ScoringRegimes.fromMap(parameters);
        } catch (IllegalArgumentException e) {
            out.add(Violation.of("regimeParameters", "regimeParameters", e.getMessage()));
            return null;
        }
    }

    /** The sheet as the stored forms' sheets are built ({@link EvaluationSheets#toSheet}). */
    private static Sheet sheet(SheetInput input, List<RowInput> rows, ScoringRegime regime) {
        Sheet.Builder b = Sheet.builder(input.title(), regime.id());
        for (CategoryInput c : input.categories()) {
            b.category(new Category(EvaluationSheets.categoryName(c.name().strip(), regime), c.points()));
        }
        for (RowInput r : rows) {
            IndicatorValue target = IndicatorValue.of(orEmpty(r.target()));
            if (r.direction() != null) {
                target = target.withDirection(r.direction());
            }
            b.row(EvaluationSheets.row(regime, r.category().strip(), blankToNull(r.subCategory()), r.name().strip(),
                    target, r.weight(), orEmpty(r.actual()), r.explanation(), r.deviationReason(), r.recordedScore(),
                    r.adjustedScore() == null ? null : new ReviewerAdjustment(r.adjustedScore(), r.adjustmentReason(),
                            r.adjustedBy())));
        }
        if (input.cityBudget() != null) {
            b.cityBudget(input.cityBudget());
        }
        if (input.cityFundsUse() != null) {
            b.cityFundsUse(input.cityFundsUse());
        }
        Map<NationalFundKind, NationalFunds.Row> funds = new EnumMap<>(NationalFundKind.class);
        funds.putAll(input.nationalFunds());
        NationalFunds.Row total = funds.get(NationalFundKind.TOTAL);
        if (total != null) {
            b.budgetExecution(new BudgetExecution(total.annualBudget(), total.executed(), input.budgetScore()));
            b.nationalFunds(new NationalFunds(total, funds.get(NationalFundKind.CURRENT_APPROPRIATION),
                    funds.get(NationalFundKind.PRIOR_CARRYOVER), funds.get(NationalFundKind.OTHER)));
        }
        if (!input.subProjects().isEmpty()) {
            BigDecimal sum = input.subProjects().stream().map(SubProject::amount).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            b.subProjects(new SubProjects(input.subProjects(), input.subProjectTotal() == null ? sum
                    : input.subProjectTotal()));
        }
        return b.recordedTotal(input.recordedTotal()).build();
    }

    private static void required(List<Violation> out, String path, String value, String label) {
        if (value == null || value.isBlank()) {
            out.add(Violation.of(path, "required", label + "不能为空", label));
        }
    }

    private static void text(List<Violation> out, String path, String value, String label, int max) {
        if (value != null && value.length() > max) {
            out.add(Violation.of(path, "tooLong", label + "不能超过" + max + "个字", label, max, value.length()));
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
