package cn.perf.scoring.rule;

import static cn.perf.scoring.trace.Numbers.HUNDRED;
import static cn.perf.scoring.trace.Numbers.fixed;
import static cn.perf.scoring.trace.Numbers.percent;
import static cn.perf.scoring.trace.Numbers.plain;

import cn.perf.scoring.regime.QualitativeScheme;
import cn.perf.scoring.trace.RuleIds;
import cn.perf.scoring.trace.Trace;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Qualitative (定性) scoring rules as pure functions. */
public final class QualitativeRules {

    private QualitativeRules() {
    }

    /**
     * Suzhou grades: score = w × grade%.
     *
     * @param how how the grade was determined, in Chinese (e.g. 实际完成值为“好”)
     */
    public static RuleOutcome grade(String category, BigDecimal weight, QualitativeScheme.Grade grade, String how,
                                    String targetText, String actualText, int scale) {
        BigDecimal score = weight.multiply(grade.percent()).divide(HUNDRED, scale, RoundingMode.HALF_UP);
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("类别", category);
        inputs.put("权重", plain(weight));
        inputs.put("目标值", targetText.trim());
        inputs.put("实际完成值", actualText.trim());
        inputs.put("等级", grade.name());
        inputs.put("得分比例", percent(grade.percent()));
        String formula = plain(weight) + " × " + percent(grade.percent()) + " = " + fixed(score, scale);
        return new RuleOutcome(score, null, Trace.of(RuleIds.QUALITATIVE_GRADE, inputs, formula, score,
                "定性指标，目标值“" + targetText.trim() + "”，" + how + "，按等级“" + grade.name() + "”得权重的 "
                        + percent(grade.percent()) + "：" + formula));
    }

    /** The score band of a tier for a weight: [w × min%, w × max%]. */
    public static BigDecimal[] band(QualitativeScheme.Tier tier, BigDecimal weight) {
        return new BigDecimal[] {weight.multiply(tier.minPercent()).divide(HUNDRED),
                weight.multiply(tier.maxPercent()).divide(HUNDRED)};
    }

    /**
     * Whether a chosen score lies in the tier's band. The upper bound is inclusive only for the best (first) tier,
     * so 4.80 of a weight of 6 is 达成, not 部分达成.
     */
    public static boolean inBand(BigDecimal chosen, QualitativeScheme.Tier tier, List<QualitativeScheme.Tier> tiers,
                                 BigDecimal weight) {
        BigDecimal[] b = band(tier, weight);
        boolean best = tiers.get(0).equals(tier);
        return chosen.compareTo(b[0]) >= 0 && (best ? chosen.compareTo(b[1]) <= 0 : chosen.compareTo(b[1]) < 0);
    }

    /** The tier whose band contains the chosen score, if any. */
    public static Optional<QualitativeScheme.Tier> tierOf(BigDecimal chosen, List<QualitativeScheme.Tier> tiers,
                                                         BigDecimal weight) {
        return tiers.stream().filter(t -> inBand(chosen, t, tiers, weight)).findFirst();
    }

    /** "[4.80, 6.00]" or "[3.60, 4.80)". */
    public static String bandText(QualitativeScheme.Tier tier, List<QualitativeScheme.Tier> tiers, BigDecimal weight,
                                  int scale) {
        BigDecimal[] b = band(tier, weight);
        boolean best = tiers.get(0).equals(tier);
        return "[" + fixed(b[0], scale) + ", " + fixed(b[1], scale) + (best ? "]" : ")");
    }

    /** National tier score: the chosen score, validated by the caller, recorded with its band. */
    public static RuleOutcome tier(String category, BigDecimal weight, QualitativeScheme.Tier tier,
                                   List<QualitativeScheme.Tier> tiers, BigDecimal chosen, String how, String targetText,
                                   String actualText, int scale) {
        BigDecimal score = chosen.setScale(scale, RoundingMode.HALF_UP);
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("类别", category);
        inputs.put("权重", plain(weight));
        inputs.put("目标值", targetText.trim());
        inputs.put("实际完成值", actualText.trim());
        inputs.put("档次", tier.name());
        inputs.put("区间", bandText(tier, tiers, weight, scale));
        inputs.put("所选得分", plain(chosen));
        String formula = fixed(score, scale) + " ∈ " + bandText(tier, tiers, weight, scale);
        return new RuleOutcome(score, null, Trace.of(RuleIds.QUALITATIVE_TIER, inputs, formula, score,
                "定性指标，目标值“" + targetText.trim() + "”，" + how + "，“" + tier.name() + "”档为权重的 "
                        + percent(tier.minPercent()) + "~" + percent(tier.maxPercent()) + "，即 "
                        + bandText(tier, tiers, weight, scale) + "，得分 " + formula));
    }
}
