package cn.perf.domain.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * What-if: one self-evaluation scored under its own regime ({@code own}) and under another ({@code other}), row by
 * row, with the regimes' differences named in words.
 *
 * @param differences what the two regimes set differently (points, bands, qualitative scheme, grades …)
 * @param rowDifferences per row: the other regime's final score minus the own one ({@code null} when either has none)
 */
public record EvaluationComparison(SelfEvaluationDetail detail, ScoreBoard own, ScoreBoard other,
                                   List<String> differences, List<BigDecimal> rowDifferences,
                                   BigDecimal totalDifference, List<EvaluationPage.RegimeOption> regimes) {

    public EvaluationComparison {
        differences = List.copyOf(differences);
        rowDifferences = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(rowDifferences));
        regimes = List.copyOf(regimes);
    }
}
