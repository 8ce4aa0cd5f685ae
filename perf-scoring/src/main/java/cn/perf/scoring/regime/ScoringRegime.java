package cn.perf.scoring.regime;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A scoring regime (评分规则) as a value: every parameter of the rules, nothing hard-coded in branches.
 * Use {@link ScoringRegimes#SUZHOU_2017}, {@link ScoringRegimes#NATIONAL_2020}, or build a provincial variant
 * with {@link ScoringRegimes#fromMap} / {@link ScoringRegimes#fromProperties} (keys documented there and in
 * docs/scoring.md).
 *
 * @param id                        e.g. SUZHOU_2017
 * @param name                      Chinese name shown in traces
 * @param categories                categories with their default points and scoring method, in sheet order
 * @param defaultMethod             method for a category the regime does not list; empty → such rows are rejected
 * @param totalPoints               the points the sheet's categories plus budget execution should add up to
 * @param band                      Suzhou band/threshold parameters
 * @param lowerIsBetter             how a missed lower-is-better target is scored
 * @param zeroEqualityTarget        how a {@code =0} target is scored
 * @param qualitative               qualitative scheme
 * @param grades                    grade bands, best first
 * @param budgetExecutionPoints     points of the 预算执行率 score (national 10); zero = not scored separately
 * @param overAchievementFlagPercent completion rate (in %) at or above which over-achievement is flagged; empty = never
 * @param scale                     decimals of every rounded score (2); the rounding mode is always HALF_UP
 */
public record ScoringRegime(String id, String name, List<CategoryRule> categories,
                            Optional<ScoringMethod> defaultMethod, BigDecimal totalPoints, BandParameters band,
                            LowerIsBetterRule lowerIsBetter, ZeroEqualityRule zeroEqualityTarget,
                            QualitativeScheme qualitative, List<GradeBand> grades, BigDecimal budgetExecutionPoints,
                            Optional<BigDecimal> overAchievementFlagPercent, int scale) {

    public ScoringRegime {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        categories = List.copyOf(categories);
        Objects.requireNonNull(defaultMethod, "defaultMethod");
        Objects.requireNonNull(totalPoints, "totalPoints");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(lowerIsBetter, "lowerIsBetter");
        Objects.requireNonNull(zeroEqualityTarget, "zeroEqualityTarget");
        Objects.requireNonNull(qualitative, "qualitative");
        grades = grades.stream()
                .sorted((a, b) -> b.minPercent().compareTo(a.minPercent()))
                .toList();
        if (grades.isEmpty()) {
            throw new IllegalArgumentException("至少需要一个等级区间");
        }
        Objects.requireNonNull(budgetExecutionPoints, "budgetExecutionPoints");
        Objects.requireNonNull(overAchievementFlagPercent, "overAchievementFlagPercent");
        if (scale < 0 || scale > 6) {
            throw new IllegalArgumentException("小数位数应在 0–6 之间：" + scale);
        }
    }

    /** The category rule by name, if the regime knows it. */
    public Optional<CategoryRule> category(String name) {
        return categories.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Whether the regime scores 预算执行率 as a separate item (national). */
    public boolean scoresBudgetExecution() {
        return budgetExecutionPoints.signum() > 0;
    }

    /** How a missed lower-is-better target is scored. */
    public enum LowerIsBetterRule {
        /** Suzhou: r = 目标值 / 实际完成值, then the category's shortfall rule. */
        INVERSE_RATIO,
        /** National: t &lt; a &lt; 2t → w × (1 − (a − t)/t); a ≥ 2t → 0. */
        LINEAR_TO_DOUBLE
    }

    /** How a target written {@code =0} (or {@code 0}) is scored. */
    public enum ZeroEqualityRule {
        /** a ≤ 0 → full weight, else 0 (national rule; also used for Suzhou, where the text is silent). */
        EXACT,
        /** Score by the row's direction like any other target. */
        AS_DIRECTION
    }
}
