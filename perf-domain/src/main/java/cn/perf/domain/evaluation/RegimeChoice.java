package cn.perf.domain.evaluation;

import cn.perf.scoring.regime.ScoringRegime;
import java.util.Objects;
import java.util.Optional;

/**
 * Which scoring regime scores a self-evaluation, and why (stored with the scores). The declaration's indicator
 * framework (template data, e.g. {@code SUZHOU_2017}, {@code NATIONAL_2020}) names the regime where a regime of
 * that id exists in the {@link ScoringRegimeCatalog} (built-ins, replaced or extended by the deployment); otherwise (no framework known, or a framework without a regime of its own such as
 * {@code NATIONAL_2021}) the form's layout decides: Suzhou → {@code SUZHOU_2017}, national → {@code NATIONAL_2020}.
 *
 * @param regime the regime
 * @param reason why, in Chinese, e.g. "按申报表指标体系 SUZHOU_2017 的评分规则"
 */
public record RegimeChoice(ScoringRegime regime, String reason) {

    public RegimeChoice {
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * The regime of a form in {@code layout} whose declaration uses the framework {@code frameworkCode}
     * ({@code null} when unknown).
     */
    public static RegimeChoice of(EvaluationLayout layout, String frameworkCode) {
        return of(layout, frameworkCode, ScoringRegimeCatalog.builtIns());
    }

    /** As {@link #of(EvaluationLayout, String)}, choosing among the regimes of {@code catalog}. */
    public static RegimeChoice of(EvaluationLayout layout, String frameworkCode, ScoringRegimeCatalog catalog) {
        Objects.requireNonNull(layout, "layout");
        ScoringRegime byLayout = catalog.forLayout(layout);
        if (frameworkCode == null || frameworkCode.isBlank()) {
            return new RegimeChoice(byLayout, "未找到申报表指标体系，按自评表样式（" + layout.label() + "）采用“"
                    + byLayout.name() + "”");
        }
        Optional<ScoringRegime> named = catalog.find(frameworkCode.strip())
                .filter(r -> sameFamily(r, byLayout));
        return named.map(r -> new RegimeChoice(r, "按申报表指标体系 " + frameworkCode.strip() + " 的评分规则“"
                        + r.name() + "”"))
                .orElseGet(() -> new RegimeChoice(byLayout, "申报表指标体系 " + frameworkCode.strip()
                        + " 没有同名的评分规则，按自评表样式（" + layout.label() + "）采用“" + byLayout.name() + "”"));
    }

    /**
     * A framework's regime must fit the printed form: it scores 预算执行率 separately exactly when the form is the
     * national one (which prints the 项目资金 分值/得分 block). A Suzhou form is never scored by a national regime.
     */
    private static boolean sameFamily(ScoringRegime named, ScoringRegime byLayout) {
        return named.scoresBudgetExecution() == byLayout.scoresBudgetExecution();
    }
}
