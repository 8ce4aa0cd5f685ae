package cn.perf.scoring.rule;

import static cn.perf.scoring.trace.Numbers.HUNDRED;
import static cn.perf.scoring.trace.Numbers.fixed;
import static cn.perf.scoring.trace.Numbers.percent;
import static cn.perf.scoring.trace.Numbers.percentOfRatio;
import static cn.perf.scoring.trace.Numbers.percentPoints;
import static cn.perf.scoring.trace.Numbers.plain;

import cn.perf.scoring.regime.BandParameters;
import cn.perf.scoring.regime.ScoringMethod;
import cn.perf.scoring.regime.ScoringRegime;
import cn.perf.scoring.target.Direction;
import cn.perf.scoring.trace.RuleIds;
import cn.perf.scoring.trace.Trace;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Quantitative scoring rules as named pure functions. Every result is rounded HALF_UP to the regime's scale and
 * carries a {@link Trace}.
 *
 * <h2>Choices where the rule texts are silent (documented in docs/scoring.md)</h2>
 * <ul>
 *   <li>"每低于目标值1个百分点扣减权重值的5%" with a fractional shortfall: by default the deduction is proportional
 *       (6.5 points → 32.5%); {@link BandParameters.PointCounting#WHOLE_POINTS} counts whole points only.</li>
 *   <li>Completion exactly at 100% or 130% is inside the full-marks band (both ends inclusive).</li>
 *   <li>Deductions stop at the weight: the score is never negative.</li>
 *   <li>A zero target written {@code =0} (or {@code 0}): actual ≤ 0 → full, otherwise 0 (national rule, also used for
 *       Suzhou); a zero target written {@code ≥0}: every actual meets it → full.</li>
 *   <li>A lower-is-better row with actual 0: the target is met (0 ≤ t) → full, so t ÷ a is never computed.</li>
 * </ul>
 */
public final class QuantitativeRules {

    private static final int RATIO_SCALE = 10;

    private QuantitativeRules() {
    }

    /** Scores one quantitative row under the regime, with the category's method. */
    public static RuleOutcome score(QuantitativeInput in, ScoringMethod method, ScoringRegime regime) {
        int scale = regime.scale();
        if (in.operator().isEquality() && in.target().signum() == 0
                && regime.zeroEqualityTarget() == ScoringRegime.ZeroEqualityRule.EXACT) {
            return zeroEquality(in, scale);
        }
        if (in.direction() == Direction.HIGHER_IS_BETTER) {
            if (in.target().signum() == 0) {
                return zeroTargetHigher(in, scale);
            }
            BigDecimal r = in.actual().divide(in.target(), RATIO_SCALE, RoundingMode.HALF_UP);
            return switch (method) {
                case BAND -> band(in, r, regime.band(), scale);
                case THRESHOLD -> threshold(in, r, regime.band(), scale);
                case PROPORTIONAL -> proportional(in, r, scale);
            };
        }
        if (in.actual().compareTo(in.target()) <= 0) {
            return lowerMet(in, scale);
        }
        return switch (regime.lowerIsBetter()) {
            case INVERSE_RATIO -> lowerInverseRatio(in, method, regime.band(), scale);
            case LINEAR_TO_DOUBLE -> lowerLinearToDouble(in, scale);
        };
    }

    /** Suzhou 产出/投入: full inside [lower, upper]; shortfall and excess deductions outside; floor 0. */
    public static RuleOutcome band(QuantitativeInput in, BigDecimal r, BandParameters b, int scale) {
        BigDecimal p = r.multiply(HUNDRED);
        String head = head(in) + "实际 ÷ 目标 = " + plain(in.actual()) + " ÷ " + plain(in.target()) + "，完成率 " + percentOfRatio(r);
        if (p.compareTo(b.fullLowerPercent()) < 0) {
            return shortfall(in, r, b, scale, head, RuleIds.BAND_SHORT);
        }
        Map<String, String> inputs = inputs(in, r);
        if (p.compareTo(b.fullUpperPercent()) <= 0) {
            BigDecimal score = in.weight().setScale(scale, RoundingMode.HALF_UP);
            inputs.put("满分区间", percent(b.fullLowerPercent()) + "~" + percent(b.fullUpperPercent()));
            return new RuleOutcome(score, r, Trace.of(RuleIds.BAND_FULL, inputs,
                    plain(in.actual()) + " ÷ " + plain(in.target()) + " = " + percentOfRatio(r) + " ∈ ["
                            + percent(b.fullLowerPercent()) + ", " + percent(b.fullUpperPercent()) + "]",
                    score, head + "，在 " + percent(b.fullLowerPercent()) + "~" + percent(b.fullUpperPercent())
                            + " 满分区间内，得满分 " + fixed(score, scale)));
        }
        BigDecimal over = p.subtract(b.fullUpperPercent());
        BigDecimal counted = count(over, b);
        BigDecimal deduction = counted.multiply(b.overDeductionPercentPerPoint());
        BigDecimal keep = HUNDRED.subtract(deduction).max(BigDecimal.ZERO);
        BigDecimal score = in.weight().multiply(keep).divide(HUNDRED, scale, RoundingMode.HALF_UP);
        inputs.put("超出上限", percentPoints(over) + " 个百分点");
        inputs.put("扣减比例", percent(deduction));
        String formula = plain(in.weight()) + " × " + percent(keep) + " = " + fixed(score, scale);
        return new RuleOutcome(score, r, Trace.of(RuleIds.BAND_OVER, inputs, formula, score,
                head + "，超过 " + percent(b.fullUpperPercent()) + " 满分上限 " + percentPoints(over) + " 个百分点"
                        + countedNote(over, counted, b) + "，每超 1 个百分点扣权重 "
                        + percent(b.overDeductionPercentPerPoint()) + "，扣减权重 " + percent(deduction)
                        + cappedNote(deduction) + "：" + formula));
    }

    /** Suzhou 结果: full at r ≥ lower; shortfall deduction below; no penalty above. */
    public static RuleOutcome threshold(QuantitativeInput in, BigDecimal r, BandParameters b, int scale) {
        BigDecimal p = r.multiply(HUNDRED);
        String head = head(in) + "实际 ÷ 目标 = " + plain(in.actual()) + " ÷ " + plain(in.target()) + "，完成率 " + percentOfRatio(r);
        if (p.compareTo(b.fullLowerPercent()) < 0) {
            return shortfall(in, r, b, scale, head, RuleIds.THRESHOLD_SHORT);
        }
        BigDecimal score = in.weight().setScale(scale, RoundingMode.HALF_UP);
        return new RuleOutcome(score, r, Trace.of(RuleIds.THRESHOLD_FULL, inputs(in, r),
                plain(in.actual()) + " ÷ " + plain(in.target()) + " = " + percentOfRatio(r) + " ≥ "
                        + percent(b.fullLowerPercent()),
                score, head + "，≥ " + percent(b.fullLowerPercent()) + " 得满分 " + fixed(score, scale)
                        + "（该类超出目标不扣分）"));
    }

    /** National ≥: a ≥ t → w, else w × a / t. */
    public static RuleOutcome proportional(QuantitativeInput in, BigDecimal r, int scale) {
        String head = head(in) + "实际 ÷ 目标 = " + plain(in.actual()) + " ÷ " + plain(in.target()) + "，完成率 " + percentOfRatio(r);
        if (in.actual().compareTo(in.target()) >= 0) {
            BigDecimal score = in.weight().setScale(scale, RoundingMode.HALF_UP);
            return new RuleOutcome(score, r, Trace.of(RuleIds.PROPORTIONAL_FULL, inputs(in, r),
                    "a ≥ t → w = " + fixed(score, scale), score,
                    head + "，实际 ≥ 目标，得满分 " + fixed(score, scale)));
        }
        BigDecimal score = in.weight().multiply(in.actual()).divide(in.target(), scale, RoundingMode.HALF_UP);
        String formula = "w × a ÷ t = " + plain(in.weight()) + " × " + plain(in.actual()) + " ÷ " + plain(in.target())
                + " = " + fixed(score, scale);
        return new RuleOutcome(score, r, Trace.of(RuleIds.PROPORTIONAL_SHORT, inputs(in, r), formula, score,
                head + "，未达目标，按完成比例得分：" + formula));
    }

    /** Lower-is-better, met: a ≤ t → w. */
    public static RuleOutcome lowerMet(QuantitativeInput in, int scale) {
        BigDecimal score = in.weight().setScale(scale, RoundingMode.HALF_UP);
        return new RuleOutcome(score, null, Trace.of(RuleIds.LOWER_MET, inputs(in, null),
                "a ≤ t：" + plain(in.actual()) + " ≤ " + plain(in.target()), score,
                head(in) + "越低越好，实际 " + plain(in.actual()) + " ≤ 目标 " + plain(in.target()) + "，已达成，得满分 "
                        + fixed(score, scale)));
    }

    /** Suzhou lower-is-better, missed: r = t / a, then the shortfall rule (or w × r for a proportional category). */
    public static RuleOutcome lowerInverseRatio(QuantitativeInput in, ScoringMethod method, BandParameters b, int scale) {
        BigDecimal r = in.target().divide(in.actual(), RATIO_SCALE, RoundingMode.HALF_UP);
        String head = head(in) + "越低越好但未达成（实际 " + plain(in.actual()) + " > 目标 " + plain(in.target())
                + "），按 目标 ÷ 实际 = " + plain(in.target()) + " ÷ " + plain(in.actual()) + "，完成率 " + percentOfRatio(r);
        if (method == ScoringMethod.PROPORTIONAL) {
            BigDecimal score = in.weight().multiply(in.target()).divide(in.actual(), scale, RoundingMode.HALF_UP);
            String formula = plain(in.weight()) + " × " + percentOfRatio(r) + " = " + fixed(score, scale);
            return new RuleOutcome(score, r, Trace.of(RuleIds.LOWER_INVERSE_RATIO, inputs(in, r), formula, score,
                    head + "，按比例得分：" + formula));
        }
        return shortfall(in, r, b, scale, head, RuleIds.LOWER_INVERSE_RATIO);
    }

    /** National ≤, missed: t &lt; a &lt; 2t → w × (1 − (a − t)/t); a ≥ 2t → 0. */
    public static RuleOutcome lowerLinearToDouble(QuantitativeInput in, int scale) {
        BigDecimal t = in.target();
        BigDecimal a = in.actual();
        BigDecimal twoT = t.multiply(BigDecimal.valueOf(2));
        Map<String, String> inputs = inputs(in, null);
        if (a.compareTo(twoT) >= 0) {
            BigDecimal score = BigDecimal.ZERO.setScale(scale);
            return new RuleOutcome(score, null, Trace.of(RuleIds.LOWER_LINEAR_TO_DOUBLE, inputs,
                    "a ≥ 2t：" + plain(a) + " ≥ " + plain(twoT) + " → 0", score,
                    head(in) + "越低越好，实际 " + plain(a) + " ≥ 2 × 目标 = " + plain(twoT) + "，得 0 分"));
        }
        BigDecimal score = in.weight().multiply(twoT.subtract(a)).divide(t, scale, RoundingMode.HALF_UP);
        String formula = "w × (1 − (a − t) ÷ t) = " + plain(in.weight()) + " × (1 − (" + plain(a) + " − " + plain(t)
                + ") ÷ " + plain(t) + ") = " + fixed(score, scale);
        return new RuleOutcome(score, null, Trace.of(RuleIds.LOWER_LINEAR_TO_DOUBLE, inputs, formula, score,
                head(in) + "越低越好，实际 " + plain(a) + " 超过目标 " + plain(t) + " 但低于 2 倍目标，按超出比例扣分：" + formula));
    }

    /** A target written "=0": actual ≤ 0 → full, else 0. */
    public static RuleOutcome zeroEquality(QuantitativeInput in, int scale) {
        boolean met = in.actual().signum() <= 0;
        BigDecimal score = met ? in.weight().setScale(scale, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(scale);
        return new RuleOutcome(score, null, Trace.of(RuleIds.ZERO_EQUALITY_TARGET, inputs(in, null),
                "t = 0：a " + (met ? "≤" : ">") + " 0 → " + fixed(score, scale), score,
                head(in) + "目标值为 0（等于 0 才算达成）：实际 " + plain(in.actual()) + (met ? " ≤ 0，得满分 " : " > 0，得 0 分 ")
                        + (met ? fixed(score, scale) : "")));
    }

    /** A zero target, higher-is-better (≥0): every non-negative actual meets it. */
    public static RuleOutcome zeroTargetHigher(QuantitativeInput in, int scale) {
        BigDecimal score = in.weight().setScale(scale, RoundingMode.HALF_UP);
        return new RuleOutcome(score, null, Trace.of(RuleIds.ZERO_TARGET_HIGHER, inputs(in, null),
                "a ≥ t = 0", score,
                head(in) + "目标值为 0 且越高越好：完成率无定义，实际 " + plain(in.actual()) + " ≥ 0 即达成，得满分 "
                        + fixed(score, scale)));
    }

    private static RuleOutcome shortfall(QuantitativeInput in, BigDecimal r, BandParameters b, int scale, String head,
                                         String ruleId) {
        BigDecimal shortPoints = b.fullLowerPercent().subtract(r.multiply(HUNDRED));
        BigDecimal counted = count(shortPoints, b);
        BigDecimal deduction = counted.multiply(b.shortDeductionPercentPerPoint());
        BigDecimal keep = HUNDRED.subtract(deduction).max(BigDecimal.ZERO);
        BigDecimal score = in.weight().multiply(keep).divide(HUNDRED, scale, RoundingMode.HALF_UP);
        Map<String, String> inputs = inputs(in, r);
        inputs.put("低于目标", percentPoints(shortPoints) + " 个百分点");
        inputs.put("扣减比例", percent(deduction));
        String formula = plain(in.weight()) + " × " + percent(keep) + " = " + fixed(score, scale);
        String text = head + "，低于目标 " + percentPoints(shortPoints) + " 个百分点"
                + countedNote(shortPoints, counted, b) + "，扣减权重 " + percent(deduction) + cappedNote(deduction)
                + "：" + formula;
        return new RuleOutcome(score, r, Trace.of(ruleId, inputs, formula, score, text));
    }

    private static BigDecimal count(BigDecimal points, BandParameters b) {
        return b.pointCounting() == BandParameters.PointCounting.WHOLE_POINTS
                ? points.setScale(0, RoundingMode.DOWN)
                : points;
    }

    private static String countedNote(BigDecimal points, BigDecimal counted, BandParameters b) {
        if (b.pointCounting() == BandParameters.PointCounting.WHOLE_POINTS && points.compareTo(counted) != 0) {
            return "（按整数计 " + plain(counted) + " 个百分点）";
        }
        return "";
    }

    private static String cappedNote(BigDecimal deduction) {
        return deduction.compareTo(HUNDRED) > 0 ? "（扣完为止，不得负分）" : "";
    }

    private static String head(QuantitativeInput in) {
        return "目标值“" + in.targetText().trim() + "”，实际完成值“" + in.actualText().trim() + "”；";
    }

    private static Map<String, String> inputs(QuantitativeInput in, BigDecimal r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("类别", in.category());
        m.put("权重", plain(in.weight()));
        m.put("目标值", in.targetText().trim());
        m.put("实际完成值", in.actualText().trim());
        m.put("方向", in.direction().label());
        m.put("t", plain(in.target()));
        m.put("a", plain(in.actual()));
        if (r != null) {
            m.put("完成率", percentOfRatio(r));
        }
        return m;
    }
}
