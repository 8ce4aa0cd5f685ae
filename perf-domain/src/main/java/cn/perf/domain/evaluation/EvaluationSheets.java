package cn.perf.domain.evaluation;

import cn.perf.domain.shared.IndicatorValue;
import cn.perf.domain.shared.Money;
import cn.perf.scoring.funds.BudgetExecution;
import cn.perf.scoring.funds.CityBudgetExecution;
import cn.perf.scoring.funds.CityFundsUse;
import cn.perf.scoring.funds.NationalFunds;
import cn.perf.scoring.funds.SubProject;
import cn.perf.scoring.funds.SubProjects;
import cn.perf.scoring.regime.ScoringRegime;
import cn.perf.scoring.sheet.Category;
import cn.perf.scoring.sheet.IndicatorRow;
import cn.perf.scoring.sheet.ReviewerAdjustment;
import cn.perf.scoring.sheet.Sheet;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps a {@link SelfEvaluation} (either layout) to the perf-scoring {@link Sheet} a regime scores. Pure: reads the
 * aggregate, changes nothing.
 * <ul>
 *   <li>Categories with their points, in form order. A category is given the regime's name for it when the form
 *       calls it with a suffix the regime does not use (national 产出指标/效益指标/满意度指标 → 产出/效益/满意度;
 *       投入目标 → 投入), so the regime's rule for it applies; an unknown category keeps its name (the scorer then
 *       uses the regime's default method or reports it).</li>
 *   <li>One row per indicator, in position order (sheet row {@code n} = form row {@code n}): category, 二级指标, name,
 *       目标值 and 实际完成值 as their original texts, the direction only when the filer confirmed it on the
 *       {@link IndicatorValue} (otherwise the scorer defaults it from the operator and lints {@code =} targets), the
 *       weight, 指标解释, 偏差原因分析, the recorded 自评分, and the reviewer's adjustment with its latest reason.</li>
 *   <li>A qualitative row's recorded 得分 is also the filer's chosen score inside a tier (national 10号: the filer
 *       picks a score inside 达成/部分达成/未达成 and an out-of-band pick is rejected); regimes that grade by word
 *       (Suzhou) ignore it.</li>
 *   <li>Funds: Suzhou 市级预算执行情况 and 市级财政资金使用情况 as filed; national 全年预算数 (A) and 全年执行数 (B) of the
 *       年度资金总额 row with the filed 预算执行率 得分 (so a filed 9 against a computed 8.62 is the engine's
 *       RECORDED_SCORE_MISMATCH); all four national 项目资金 rows, so the engine checks 年度资金总额 = 本年财政拨款 +
 *       上年结转资金 + 其他资金 in every column; 项目资金构成 with the printed 合计; the recorded 合计/总分. The engine's
 *       funds findings thereby cover every identity {@link SelfEvaluation#fundsFindings()} checks, once each.</li>
 * </ul>
 */
public final class EvaluationSheets {

    private static final List<String> CATEGORY_SUFFIXES = List.of("指标", "目标");

    private EvaluationSheets() {
    }

    /** The sheet of {@code evaluation} as {@code regime} reads it. */
    public static Sheet toSheet(SelfEvaluation evaluation, ScoringRegime regime) {
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(regime, "regime");
        Sheet.Builder b = Sheet.builder(evaluation.projectName(), regime.id());
        for (EvaluationCategory c : evaluation.categories()) {
            b.category(new Category(categoryName(c.name(), regime), c.points()));
        }
        for (EvaluationIndicator i : evaluation.indicators()) {
            b.row(row(evaluation, i, regime));
        }
        evaluation.cityBudgetExecution().ifPresent(x -> b.cityBudget(new CityBudgetExecution(
                x.initialBudget().wan(), x.adjustment().wan(), x.appropriated().wan(), x.indicatorBalance().wan())));
        evaluation.cityFundsUse().ifPresent(x -> b.cityFundsUse(new CityFundsUse(x.appropriated().wan(),
                x.actualPaid().wan(), x.balance().wan(), x.carryover().wan(), x.recovered().wan())));
        evaluation.nationalFunds().stream().filter(r -> r.kind() == NationalFundKind.TOTAL).findFirst()
                .ifPresent(t -> b.budgetExecution(new BudgetExecution(t.annualBudget().wan(), t.executed().wan(),
                        evaluation.budgetExecutionRecordedScore())));
        nationalFunds(evaluation).ifPresent(b::nationalFunds);
        Money subTotal = evaluation.subProjectTotal();
        if (subTotal != null) {
            b.subProjects(new SubProjects(evaluation.subProjects().stream()
                    .map(s -> new SubProject(s.name(), s.actualAmount().wan())).toList(), subTotal.wan()));
        }
        return b.recordedTotal(evaluation.recordedTotal()).build();
    }

    /** The national 项目资金 rows, when the form has all four. */
    private static Optional<NationalFunds> nationalFunds(SelfEvaluation evaluation) {
        Map<NationalFundKind, NationalFunds.Row> rows = new EnumMap<>(NationalFundKind.class);
        for (NationalFundRow r : evaluation.nationalFunds()) {
            rows.put(r.kind(), new NationalFunds.Row(r.initialBudget().wan(), r.annualBudget().wan(),
                    r.executed().wan()));
        }
        if (rows.size() != NationalFundKind.values().length) {
            return Optional.empty();
        }
        return Optional.of(new NationalFunds(rows.get(NationalFundKind.TOTAL),
                rows.get(NationalFundKind.CURRENT_APPROPRIATION), rows.get(NationalFundKind.PRIOR_CARRYOVER),
                rows.get(NationalFundKind.OTHER)));
    }

    /**
     * The regime's name for a category of the form: the name itself when the regime knows it, else the name without
     * a trailing 指标/目标 when the regime knows that, else the name unchanged.
     */
    static String categoryName(String formName, ScoringRegime regime) {
        if (regime.category(formName).isPresent()) {
            return formName;
        }
        for (String suffix : CATEGORY_SUFFIXES) {
            if (formName.endsWith(suffix) && formName.length() > suffix.length()) {
                String bare = formName.substring(0, formName.length() - suffix.length());
                if (regime.category(bare).isPresent()) {
                    return bare;
                }
            }
        }
        return formName;
    }

    private static IndicatorRow row(SelfEvaluation evaluation, EvaluationIndicator i, ScoringRegime regime) {
        return row(regime, i.category(), i.subCategory(), i.name(), i.target(), i.weight(), i.actual().originalText(),
                i.explanation(), i.deviationReason(), i.recordedScore(),
                i.adjustedScore() == null ? null : adjustment(evaluation, i));
    }

    /**
     * One row of a sheet as {@code regime} reads it, by the rules above (the category's name in the regime, the
     * direction only where the filer confirmed it, a qualitative row's 得分 as the score chosen inside its tier): the
     * stored form's rows and the rows of a scoring preview ({@link ScoringPreview}) are read by this one method.
     */
    public static IndicatorRow row(ScoringRegime regime, String category, String subCategory, String name,
                                   IndicatorValue target, BigDecimal weight, String actual, String explanation,
                                   String deviationReason, BigDecimal recordedScore, ReviewerAdjustment adjustment) {
        IndicatorRow.Builder r = IndicatorRow.builder(categoryName(category, regime), name)
                .subCategory(subCategory)
                .target(target.originalText())
                .direction(target.isQuantitative() && target.directionConfirmed() ? target.direction() : null)
                .weight(weight)
                .actual(actual)
                .explanation(explanation)
                .deviationReason(deviationReason)
                .recordedScore(recordedScore);
        if (target.isQualitative()) {
            r.chosenScore(recordedScore);
        }
        if (adjustment != null) {
            r.reviewerAdjustment(adjustment);
        }
        return r.build();
    }

    /** The reviewer's score of a row with the reason of the latest adjustment of that row. */
    private static ReviewerAdjustment adjustment(SelfEvaluation evaluation, EvaluationIndicator i) {
        ScoreAdjustment latest = null;
        for (ScoreAdjustment a : evaluation.adjustments()) {
            if (a.indicatorPosition() == i.position()) {
                latest = a;
            }
        }
        BigDecimal score = i.adjustedScore();
        return latest == null
                ? new ReviewerAdjustment(score, "审核人调整（未找到调整记录）")
                : new ReviewerAdjustment(score, latest.reason(), latest.reviewer());
    }
}
