package cn.perf.web.api.scoring;

import static cn.perf.web.api.ApiDecimals.decimal;

import cn.perf.domain.evaluation.NationalFundKind;
import cn.perf.domain.evaluation.ScoringOutcome;
import cn.perf.domain.evaluation.ScoringPreview;
import cn.perf.domain.shared.Violation;
import cn.perf.scoring.funds.CityBudgetExecution;
import cn.perf.scoring.funds.CityFundsUse;
import cn.perf.scoring.funds.NationalFunds;
import cn.perf.scoring.funds.SubProject;
import cn.perf.scoring.regime.CategoryRule;
import cn.perf.scoring.regime.ScoringRegime;
import cn.perf.scoring.regime.ScoringRegimes;
import cn.perf.scoring.sheet.CategoryResult;
import cn.perf.scoring.sheet.RowResult;
import cn.perf.scoring.sheet.SheetResult;
import cn.perf.scoring.target.Direction;
import cn.perf.web.api.evaluation.EvaluationJson;
import cn.perf.web.shell.FormValues;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;

/**
 * The scoring preview's request (a sheet) and answer (its scoring), and the regimes as the API lists them. The
 * sheet's names follow the self-evaluation's JSON ({@code GET /api/v1/evaluations/{id}}): a program can score a
 * spreadsheet row by row, or a stored form with other values, and compare. Decimals are strings, read with the pages'
 * shape rules ({@link FormValues}: weights and scores with at most two decimals, amounts in 万元 with at most six).
 */
final class ScoringJson {

    private ScoringJson() {
    }

    // ------------------------------------------------------------------ request

    @Schema(name = "ScoringSheet", description = "要评分的表：评分规则（regimeId，或 regimeParameters 给出参数），"
            + "类别及分值，指标行，资金部分，填报的合计。什么也不保存。")
    record SheetBody(@Schema(description = "评分规则编号（见 GET /api/v1/scoring/regimes）", example = "SUZHOU_2017")
                     String regimeId,
                     @Schema(description = "评分规则参数（与 regimeId 二选一），键见 regimes 的 parameters；"
                             + "regime.base 为在其上修改的规则", example = "{\"regime.base\": \"NATIONAL_2020\", "
                             + "\"grades\": \"优:80,良:70,中:60,差:0\"}")
                     Map<String, String> regimeParameters,
                     @Schema(description = "项目名称（只用于显示）", example = "电子政务项目建设资金") String title,
                     @Schema(description = "类别及分值，按表上顺序；省略为规则的默认类别") List<CategoryBody> categories,
                     List<RowBody> rows,
                     @Schema(description = "资金部分（可省略）") FundsBody funds,
                     @Schema(description = "填报的合计 / 总分", example = "80") String recordedTotal) {
    }

    @Schema(name = "ScoringCategory")
    record CategoryBody(@Schema(example = "投入") String name, @Schema(example = "26") String points) {
    }

    @Schema(name = "ScoringRow", description = "一行指标：目标值、实际完成值为原文；权重省略则按规则计算；"
            + "adjustedScore 与 adjustmentReason 为审核人调整")
    record RowBody(@Schema(example = "投入") String category, @Schema(description = "二级指标（全国）") String subCategory,
                   @Schema(example = "预算执行率") String name, @Schema(example = "=100%") String target,
                   @Schema(description = "填报人确认的方向；省略为按运算符") Direction direction,
                   @Schema(example = "6") String weight, @Schema(example = "=93%") String actual,
                   String explanation, String deviationReason,
                   @Schema(description = "填报的自评分 / 得分", example = "6") String recordedScore,
                   @Schema(description = "审核人调整后的得分") String adjustedScore,
                   @Schema(description = "审核人调整的理由") String adjustmentReason,
                   @Schema(description = "调整的审核人（写入计算过程）") String adjustedBy) {
    }

    @Schema(name = "ScoringFunds", description = "苏州：cityBudgetExecution、cityFundsUse、subProjects；"
            + "全国：nationalFunds（四行）与 budgetExecutionRecordedScore")
    record FundsBody(CityBudgetBody cityBudgetExecution, CityUseBody cityFundsUse, List<SubProjectBody> subProjects,
                     @Schema(description = "项目资金构成 合计（填报）；省略为各行之和") String subProjectTotal,
                     List<NationalFundBody> nationalFunds,
                     @Schema(description = "预算执行率 得分（填报，全国）") String budgetExecutionRecordedScore) {
    }

    @Schema(name = "ScoringCityBudget")
    record CityBudgetBody(String initialBudget, String adjustment, String appropriated, String indicatorBalance) {
    }

    @Schema(name = "ScoringCityFundsUse")
    record CityUseBody(String appropriated, String actualPaid, String balance, String carryover, String recovered) {
    }

    @Schema(name = "ScoringSubProject")
    record SubProjectBody(String name, String actualAmount) {
    }

    @Schema(name = "ScoringNationalFund")
    record NationalFundBody(NationalFundKind kind, String initialBudget, String annualBudget, String executed) {
    }

    /**
     * The sheet as the use case takes it, and every shape problem at its path in the body.
     */
    static Read toInput(SheetBody body, String inlineId, String inlineName,
                                             MessageSource messages) {
        MapBindingResult errors = new MapBindingResult(new HashMap<>(), "sheet");
        FormValues v = new FormValues(errors);
        List<Violation> refused = new ArrayList<>();
        List<ScoringPreview.CategoryInput> categories = new ArrayList<>();
        List<CategoryBody> cs = orEmpty(body.categories());
        for (int k = 0; k < cs.size() && k <= ScoringPreview.MAX_CATEGORIES; k++) {
            CategoryBody c = cs.get(k) == null ? new CategoryBody(null, null) : cs.get(k);
            categories.add(new ScoringPreview.CategoryInput(c.name(), v.weight("categories[" + k + "].points",
                    c.points())));
        }
        List<ScoringPreview.RowInput> rows = new ArrayList<>();
        List<RowBody> rs = orEmpty(body.rows());
        for (int k = 0; k < rs.size() && k <= ScoringPreview.MAX_ROWS; k++) {
            RowBody r = rs.get(k) == null ? new RowBody(null, null, null, null, null, null, null, null, null, null,
                    null, null, null) : rs.get(k);
            String p = "rows[" + k + "].";
            rows.add(new ScoringPreview.RowInput(r.category(), r.subCategory(), r.name(), r.target(), r.direction(),
                    v.weight(p + "weight", r.weight()), r.actual(), r.explanation(), r.deviationReason(),
                    v.score(p + "recordedScore", r.recordedScore()), v.score(p + "adjustedScore", r.adjustedScore()),
                    r.adjustmentReason(), r.adjustedBy()));
        }
        FundsBody f = body.funds() == null ? new FundsBody(null, null, null, null, null, null) : body.funds();
        CityBudgetExecution cityBudget = null;
        if (f.cityBudgetExecution() != null) {
            CityBudgetBody b = f.cityBudgetExecution();
            String p = "funds.cityBudgetExecution.";
            BigDecimal[] x = {amount(v, refused, p + "initialBudget", b.initialBudget()),
                    amount(v, refused, p + "adjustment", b.adjustment()),
                    amount(v, refused, p + "appropriated", b.appropriated()),
                    amount(v, refused, p + "indicatorBalance", b.indicatorBalance())};
            cityBudget = allPresent(x) ? new CityBudgetExecution(x[0], x[1], x[2], x[3]) : null;
        }
        CityFundsUse cityUse = null;
        if (f.cityFundsUse() != null) {
            CityUseBody u = f.cityFundsUse();
            String p = "funds.cityFundsUse.";
            BigDecimal[] x = {amount(v, refused, p + "appropriated", u.appropriated()),
                    amount(v, refused, p + "actualPaid", u.actualPaid()),
                    amount(v, refused, p + "balance", u.balance()),
                    amount(v, refused, p + "carryover", u.carryover()),
                    amount(v, refused, p + "recovered", u.recovered())};
            cityUse = allPresent(x) ? new CityFundsUse(x[0], x[1], x[2], x[3], x[4]) : null;
        }
        List<SubProject> subProjects = new ArrayList<>();
        List<SubProjectBody> ss = orEmpty(f.subProjects());
        for (int k = 0; k < ss.size() && k <= ScoringPreview.MAX_ROWS; k++) {
            SubProjectBody s = ss.get(k) == null ? new SubProjectBody(null, null) : ss.get(k);
            String p = "funds.subProjects[" + k + "].";
            if (s.name() == null || s.name().isBlank()) {
                refused.add(Violation.of(p + "name", "required", "子项目名称不能为空", "子项目名称"));
            }
            BigDecimal a = amount(v, refused, p + "actualAmount", s.actualAmount());
            if (a != null && s.name() != null && !s.name().isBlank()) {
                subProjects.add(new SubProject(s.name().strip(), a));
            }
        }
        Map<NationalFundKind, NationalFunds.Row> national = new EnumMap<>(NationalFundKind.class);
        List<NationalFundBody> ns = orEmpty(f.nationalFunds());
        for (int k = 0; k < ns.size() && k < 10; k++) {
            NationalFundBody n = ns.get(k) == null ? new NationalFundBody(null, null, null, null) : ns.get(k);
            String p = "funds.nationalFunds[" + k + "].";
            if (n.kind() == null || national.containsKey(n.kind())) {
                refused.add(Violation.of(p + "kind", "fundKind", "每一行须有不同的 kind（TOTAL、CURRENT_APPROPRIATION、"
                        + "PRIOR_CARRYOVER、OTHER）"));
                continue;
            }
            BigDecimal[] x = {amount(v, refused, p + "initialBudget", n.initialBudget()),
                    amount(v, refused, p + "annualBudget", n.annualBudget()),
                    amount(v, refused, p + "executed", n.executed())};
            if (allPresent(x)) {
                national.put(n.kind(), new NationalFunds.Row(x[0], x[1], x[2]));
            }
        }
        BigDecimal budgetScore = v.score("funds.budgetExecutionRecordedScore", f.budgetExecutionRecordedScore());
        BigDecimal subTotal = v.wan("funds.subProjectTotal", f.subProjectTotal());
        BigDecimal recordedTotal = v.score("recordedTotal", body.recordedTotal());
        errors.getFieldErrors().forEach(e -> refused.add(Violation.of(e.getField(), "api.shape",
                messages.getMessage((FieldError) e, LocaleContextHolder.getLocale()))));
        return new Read(new ScoringPreview.SheetInput(body.regimeId(), body.regimeParameters(), inlineId, inlineName,
                body.title(), categories, rows, cityBudget, cityUse, subProjects, subTotal, national, budgetScore,
                recordedTotal), refused);
    }

    /**
     * A sheet as read: the input (a value of the wrong shape read as blank) and the shape problems, which the
     * controller reports together with the use case's own, all at once.
     */
    record Read(ScoringPreview.SheetInput input, List<Violation> refused) {
    }

    /** A required amount of a funds block (万元): blank is refused as the pages refuse it. */
    private static BigDecimal amount(FormValues v, List<Violation> refused, String path, String text) {
        if (text == null || text.isBlank()) {
            refused.add(Violation.of(path, "required", "金额不能为空", "金额"));
            return null;
        }
        return v.wan(path, text);
    }

    private static boolean allPresent(BigDecimal[] values) {
        for (BigDecimal b : values) {
            if (b == null) {
                return false;
            }
        }
        return true;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    // ------------------------------------------------------------------ answer

    @Schema(name = "ScoringResult", description = "评分结果：每行的权重、得分、状态与计算过程，类别小计，预算执行率，总分，等级，问题")
    record Result(@Schema(example = "SUZHOU_2017") String regimeId, String regimeName, List<Row> rows,
                  List<Category> categories, BudgetExecution budgetExecution,
                  @Schema(description = "总分", example = "77.90") String total,
                  @Schema(example = "80.00") String maxPoints,
                  @Schema(description = "每行都已评分") boolean complete,
                  @Schema(example = "优") String grade, String gradeTrace,
                  @Schema(description = "填报的合计") String recordedTotal,
                  List<EvaluationJson.Finding> findings) {

        static Result of(SheetResult r) {
            List<EvaluationJson.Finding> findings = r.findings().stream()
                    .map(f -> EvaluationJson.Finding.of(ScoringOutcome.FindingLine.of(f))).toList();
            return new Result(r.regimeId(), r.regimeName(), r.rows().stream().map(x -> Row.of(x, findings)).toList(),
                    r.categories().stream().map(Category::of).toList(),
                    r.budgetExecutionTrace().isEmpty() ? null : new BudgetExecution(
                            decimal(r.budgetExecutionScore().orElse(null)),
                            decimal(r.sheet().budgetExecution() == null ? null
                                    : r.sheet().budgetExecution().recordedScore()),
                            r.budgetExecutionTrace().get().fullText()),
                    decimal(r.total()), decimal(r.maxPoints()), r.complete(), r.grade().name(),
                    r.gradeTrace().fullText(), decimal(r.sheet().recordedTotal()), findings);
        }
    }

    @Schema(name = "ScoringResultRow")
    record Row(int position, String category, String name, String target, String actual,
               @Schema(description = "所用权重（填报、指标库或按类别分值计算）", example = "6.00") String weight,
               @Schema(description = "权重的来源") String weightTrace,
               @Schema(description = "评分所用方向（定量）") Direction direction,
               String recordedScore, String computedScore, String adjustedScore,
               @Schema(description = "计入总分的得分") String finalScore,
               @Schema(example = "SCORED") String status, @Schema(example = "已评分") String statusLabel,
               String traceRule, String trace, List<EvaluationJson.Finding> findings) {

        static Row of(RowResult r, List<EvaluationJson.Finding> all) {
            return new Row(r.rowNumber(), r.category(), r.name(), r.row().target(), r.row().actual(),
                    decimal(r.weight()), r.weightTrace().text(), r.direction(), decimal(r.row().recordedScore()),
                    decimal(r.computedScore()), r.row().reviewerAdjustment() == null ? null
                    : decimal(r.row().reviewerAdjustment().score()), decimal(r.finalScore()), r.status().name(),
                    r.status().label(), r.trace().ruleId(), r.trace().fullText(),
                    all.stream().filter(f -> f.rowPosition() != null && f.rowPosition() == r.rowNumber()).toList());
        }
    }

    @Schema(name = "ScoringResultCategory")
    record Category(String name, String points, String weightSum, String score, int rows) {
        static Category of(CategoryResult c) {
            return new Category(c.name(), decimal(c.points()), decimal(c.weightSum()), decimal(c.score()), c.rows());
        }
    }

    @Schema(name = "ScoringBudgetExecution", description = "预算执行率（全国单列计分）")
    record BudgetExecution(String score, String recordedScore, String trace) {
    }

    // ------------------------------------------------------------------ regimes

    @Schema(name = "ScoringRegimeList")
    record Regimes(List<Regime> rows, int total) {
    }

    @Schema(name = "ScoringRegime", description = "评分规则及其全部参数；parameters 可原样（或修改后）作为预览的 regimeParameters")
    record Regime(@Schema(example = "SUZHOU_2017") String id, String name, List<RegimeCategory> categories,
                  @Schema(description = "未列出类别的评分方法；空为不评分") String defaultMethod,
                  @Schema(example = "80.00") String totalPoints, Band band, String lowerIsBetter,
                  String zeroEqualityTarget, Qualitative qualitative, List<GradeBand> grades,
                  @Schema(description = "预算执行率单列分值；0 为不单列") String budgetExecutionPoints,
                  @Schema(description = "超额完成标记的完成率 %；空为不标记") String overAchievementFlagPercent,
                  @Schema(description = "得分小数位（四舍五入）") int scale,
                  @Schema(description = "键值形式的全部参数") Map<String, String> parameters) {

        static Regime of(ScoringRegime r) {
            return new Regime(r.id(), r.name(), r.categories().stream().map(RegimeCategory::of).toList(),
                    r.defaultMethod().map(Enum::name).orElse(null), decimal(r.totalPoints()),
                    new Band(decimal(r.band().fullLowerPercent()), decimal(r.band().fullUpperPercent()),
                            decimal(r.band().shortDeductionPercentPerPoint()),
                            decimal(r.band().overDeductionPercentPerPoint()), r.band().pointCounting().name()),
                    r.lowerIsBetter().name(), r.zeroEqualityTarget().name(),
                    new Qualitative(r.qualitative().mode().name(), r.qualitative().grades().stream()
                            .map(g -> new QualitativeGrade(g.name(), decimal(g.percent()))).toList(),
                            r.qualitative().tiers().stream().map(t -> new QualitativeTier(t.name(),
                                    decimal(t.minPercent()), decimal(t.maxPercent()))).toList(),
                            r.qualitative().tierDefault().name()),
                    r.grades().stream().map(g -> new GradeBand(g.name(), decimal(g.minPercent()))).toList(),
                    decimal(r.budgetExecutionPoints()), r.overAchievementFlagPercent().map(
                            cn.perf.web.api.ApiDecimals::decimal).orElse(null), r.scale(), ScoringRegimes.toMap(r));
        }
    }

    @Schema(name = "ScoringRegimeCategory")
    record RegimeCategory(String name, String points, @Schema(example = "BAND") String method, String note) {
        static RegimeCategory of(CategoryRule c) {
            return new RegimeCategory(c.name(), decimal(c.points()), c.method().name(), c.note());
        }
    }

    @Schema(name = "ScoringBand", description = "完成率区间规则（苏州）")
    record Band(String fullLowerPercent, String fullUpperPercent, String shortDeductionPercentPerPoint,
                String overDeductionPercentPerPoint, String pointCounting) {
    }

    @Schema(name = "ScoringQualitative", description = "定性指标：GRADES 按等级比例，TIERS 按档次区间")
    record Qualitative(String mode, List<QualitativeGrade> grades, List<QualitativeTier> tiers, String tierDefault) {
    }

    @Schema(name = "ScoringQualitativeGrade")
    record QualitativeGrade(String name, String percent) {
    }

    @Schema(name = "ScoringQualitativeTier")
    record QualitativeTier(String name, String minPercent, String maxPercent) {
    }

    @Schema(name = "ScoringGradeBand")
    record GradeBand(String name, String minPercent) {
    }
}
