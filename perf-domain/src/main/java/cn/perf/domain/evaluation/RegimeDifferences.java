package cn.perf.domain.evaluation;

import cn.perf.scoring.regime.BandParameters;
import cn.perf.scoring.regime.CategoryRule;
import cn.perf.scoring.regime.QualitativeScheme;
import cn.perf.scoring.regime.ScoringMethod;
import cn.perf.scoring.regime.ScoringRegime;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The parameters two scoring regimes set differently, in Chinese sentences for the what-if page: categories and
 * their points and methods, total points, the full-marks band and the deductions, lower-is-better and zero-target
 * rules, the qualitative scheme, the grade bands, 预算执行率 points, and the over-achievement flag. Pure.
 */
public final class RegimeDifferences {

    private RegimeDifferences() {
    }

    /** What {@code b} sets differently from {@code a}; empty when they score alike. */
    public static List<String> between(ScoringRegime a, ScoringRegime b) {
        List<String> out = new ArrayList<>();
        String an = a.name();
        String bn = b.name();
        if (!categories(a).equals(categories(b))) {
            out.add("指标类别及分值：" + an + " 为 " + categories(a) + "；" + bn + " 为 " + categories(b));
        }
        for (CategoryRule ca : a.categories()) {
            b.category(ca.name()).filter(cb -> !Objects.equals(ca.method(), cb.method())).ifPresent(cb ->
                    out.add("“" + ca.name() + "”的定量评分方法：" + an + " 为" + method(ca.method()) + "；" + bn + " 为"
                            + method(cb.method())));
        }
        if (a.totalPoints().compareTo(b.totalPoints()) != 0) {
            out.add("总分：" + an + " 为 " + plain(a.totalPoints()) + "；" + bn + " 为 " + plain(b.totalPoints()));
        }
        if (!Objects.equals(a.band(), b.band())) {
            out.add("满分区间与扣分：" + an + " 为" + band(a) + "；" + bn + " 为" + band(b));
        }
        if (a.lowerIsBetter() != b.lowerIsBetter()) {
            out.add("越低越好指标未达标时：" + an + " " + lower(a.lowerIsBetter()) + "；" + bn + " "
                    + lower(b.lowerIsBetter()));
        }
        if (a.zeroEqualityTarget() != b.zeroEqualityTarget()) {
            out.add("目标值为 0 的指标：" + an + " " + zero(a.zeroEqualityTarget()) + "；" + bn + " "
                    + zero(b.zeroEqualityTarget()));
        }
        if (!qualitative(a.qualitative()).equals(qualitative(b.qualitative()))) {
            out.add("定性指标：" + an + " 为 " + qualitative(a.qualitative()) + "；" + bn + " 为 "
                    + qualitative(b.qualitative()));
        }
        if (!grades(a).equals(grades(b))) {
            out.add("等级划分：" + an + " 为 " + grades(a) + "；" + bn + " 为 " + grades(b));
        }
        if (a.scoresBudgetExecution() != b.scoresBudgetExecution()
                || a.budgetExecutionPoints().compareTo(b.budgetExecutionPoints()) != 0) {
            out.add("预算执行率：" + an + (a.scoresBudgetExecution() ? " 单列 " + plain(a.budgetExecutionPoints()) + " 分"
                    : " 不单独计分") + "；" + bn + (b.scoresBudgetExecution() ? " 单列 "
                    + plain(b.budgetExecutionPoints()) + " 分" : " 不单独计分"));
        }
        if (!a.overAchievementFlagPercent().equals(b.overAchievementFlagPercent())) {
            out.add("超额完成提示：" + an + " 为 " + a.overAchievementFlagPercent().map(p -> "完成率 ≥ " + plain(p) + "%")
                    .orElse("不提示") + "；" + bn + " 为 " + b.overAchievementFlagPercent()
                    .map(p -> "完成率 ≥ " + plain(p) + "%").orElse("不提示"));
        }
        return out;
    }

    private static String method(ScoringMethod m) {
        return m == null ? "未规定" : switch (m) {
            case BAND -> "区间法（满分区间内得满分，低于或高于区间按百分点扣分）";
            case THRESHOLD -> "达标法（达到目标得满分，低于目标按百分点扣分，超出不扣分）";
            case PROPORTIONAL -> "比例法（未达目标按 实际/目标 比例得分）";
        };
    }

    private static String band(ScoringRegime r) {
        BandParameters p = r.band();
        return "完成率 " + plain(p.fullLowerPercent()) + "%–" + plain(p.fullUpperPercent()) + "% 得满分，低于下限每个百分点扣权重的 "
                + plain(p.shortDeductionPercentPerPoint()) + "%，高于上限每个百分点扣 "
                + plain(p.overDeductionPercentPerPoint()) + "%";
    }

    private static String lower(ScoringRegime.LowerIsBetterRule rule) {
        return switch (rule) {
            case INVERSE_RATIO -> "以 目标值/实际完成值 作完成率再按扣分规则评分";
            case LINEAR_TO_DOUBLE -> "按超出比例线性扣分，超出一倍及以上得 0 分";
        };
    }

    private static String zero(ScoringRegime.ZeroEqualityRule rule) {
        return switch (rule) {
            case EXACT -> "实际值不大于 0 得满分，否则 0 分";
            case AS_DIRECTION -> "按指标方向评分";
        };
    }

    private static String categories(ScoringRegime r) {
        return r.categories().stream().map(c -> c.name() + " " + plain(c.points())).collect(Collectors.joining("、"));
    }

    private static String qualitative(QualitativeScheme q) {
        if (q.mode() == QualitativeScheme.Mode.TIERS) {
            return "分档自选得分（" + q.tiers().stream().map(t -> t.name() + " " + plain(t.minPercent()) + "%–"
                    + plain(t.maxPercent()) + "%").collect(Collectors.joining("、")) + "）";
        }
        return "按等级折算（" + q.grades().stream().map(g -> g.name() + " " + plain(g.percent()) + "%")
                .collect(Collectors.joining("、")) + "）";
    }

    private static String grades(ScoringRegime r) {
        return r.grades().stream().map(g -> g.name() + " ≥ " + plain(g.minPercent()) + "%")
                .collect(Collectors.joining("、"));
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
