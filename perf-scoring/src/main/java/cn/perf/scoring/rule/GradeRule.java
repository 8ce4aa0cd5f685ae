package cn.perf.scoring.rule;

import static cn.perf.scoring.trace.Numbers.HUNDRED;
import static cn.perf.scoring.trace.Numbers.fixed;
import static cn.perf.scoring.trace.Numbers.plain;

import cn.perf.scoring.regime.GradeBand;
import cn.perf.scoring.trace.RuleIds;
import cn.perf.scoring.trace.Trace;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 等级 from the total. Bands are defined on a 100-point scale; when a sheet's maximum is not 100 (Suzhou's
 * indicator table is out of 80) the grade is taken on the score rate total ÷ maximum × 100 (2 decimals, HALF_UP),
 * and the trace says so.
 */
public final class GradeRule {

    private GradeRule() {
    }

    /** The grade and its trace. */
    public record GradeOutcome(GradeBand grade, BigDecimal rate, Trace trace) {
    }

    /**
     * @param total     sum of rounded row scores (plus budget execution)
     * @param maxPoints the sheet's maximum
     * @param bands     best first (as {@link cn.perf.scoring.regime.ScoringRegime#grades()} keeps them)
     */
    public static GradeOutcome grade(BigDecimal total, BigDecimal maxPoints, List<GradeBand> bands, int scale) {
        BigDecimal rate = maxPoints.signum() == 0 ? BigDecimal.ZERO
                : total.multiply(HUNDRED).divide(maxPoints, 2, RoundingMode.HALF_UP);
        GradeBand g = bands.stream().filter(b -> rate.compareTo(b.minPercent()) >= 0).findFirst()
                .orElse(bands.get(bands.size() - 1));
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("总分", fixed(total, scale));
        inputs.put("满分", plain(maxPoints));
        inputs.put("得分率", plain(rate) + "%");
        StringBuilder bandText = new StringBuilder();
        for (GradeBand b : bands) {
            if (bandText.length() > 0) {
                bandText.append("，");
            }
            bandText.append(b.name()).append("≥").append(plain(b.minPercent()));
        }
        inputs.put("等级区间", bandText.toString());
        boolean hundred = maxPoints.compareTo(HUNDRED) == 0;
        String formula = hundred ? fixed(total, scale) + " ≥ " + plain(g.minPercent())
                : fixed(total, scale) + " ÷ " + plain(maxPoints) + " × 100 = " + plain(rate) + " ≥ " + plain(g.minPercent());
        String text = (hundred ? "总分 " + fixed(total, scale)
                : "总分 " + fixed(total, scale) + " / 满分 " + plain(maxPoints) + "，换算为百分制得分率 " + plain(rate) + "%")
                + "，按等级区间（" + bandText + "）评为“" + g.name() + "”";
        return new GradeOutcome(g, rate, Trace.of(RuleIds.GRADE, inputs, formula, rate, text));
    }
}
