package cn.perf.scoring.target;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Suggests a direction from an indicator's name and explanation (DESIGN.md §3.4). It only suggests: the
 * scorer keeps the operator's default direction unless the row states one, and reports the suggestion as a lint.
 *
 * <p>Names: a name that <em>ends</em> in a higher-is-better rate ({@link #HIGHER_IS_BETTER_RATE_SUFFIXES}: 控制率,
 * 合格率, 达标率, 完成率, 执行率, 覆盖率, 满意度, 知晓率, 到位率, 及时率 …) is higher-is-better whatever noun precedes it
 * (成本控制率, 投诉处理及时率, 事故处置完成率): no lower-is-better hint is given for it. The lower-is-better words
 * (成本, 投诉率, 事故, 差错率, 发生率 …) apply only to other names. Trailing brackets and spaces ("成本控制率（%）")
 * are ignored when looking at the end of a name.
 *
 * @param lowerIsBetterNameHints words in a name that suggest lower-is-better (投诉率, 故障率, 差错率, 成本, 用时, 天数 …)
 * @param lowerPhrases           phrases in an explanation that say "at most" (及其以下, 不超过 …)
 * @param higherPhrases          phrases in an explanation that say "at least" (及其以上, 不低于 …)
 */
public record DirectionAdvisor(List<String> lowerIsBetterNameHints, List<String> lowerPhrases,
                               List<String> higherPhrases) {

    public DirectionAdvisor {
        lowerIsBetterNameHints = List.copyOf(lowerIsBetterNameHints);
        lowerPhrases = List.copyOf(lowerPhrases);
        higherPhrases = List.copyOf(higherPhrases);
    }

    /** Rate names that are higher-is-better whatever precedes them; checked against the end of the name. */
    public static final List<String> HIGHER_IS_BETTER_RATE_SUFFIXES = List.of(
            "控制率", "合格率", "达标率", "完成率", "执行率", "覆盖率", "满意度", "满意率", "知晓率", "到位率", "及时率",
            "准确率", "正确率", "通过率", "达成率", "验收率", "使用率", "利用率", "普及率", "参与率", "入学率", "就业率",
            "完好率", "正常率", "运行率", "办结率", "处置率", "处理率", "解决率", "回复率", "响应率", "整改率", "结案率",
            "覆盖面", "留存率", "出勤率", "接种率", "治愈率", "采纳率", "兑现率", "发放率", "支付率", "拨付率");

    /** A bracketed part at the end of a name ("（%）", "(个)"), compiled once: it is matched for every row scored. */
    private static final Pattern TRAILING_BRACKETS = Pattern.compile("[（(][^（）()]*[）)]\\s*$");

    /** Whether the name ends in one of {@link #HIGHER_IS_BETTER_RATE_SUFFIXES} (brackets and spaces at the end ignored). */
    public static boolean endsInHigherIsBetterRate(String name) {
        if (name == null) {
            return false;
        }
        String n = TRAILING_BRACKETS.matcher(name.trim()).replaceAll("").trim();
        return HIGHER_IS_BETTER_RATE_SUFFIXES.stream().anyMatch(n::endsWith);
    }

    /** The default word lists. */
    public static DirectionAdvisor defaults() {
        return new DirectionAdvisor(
                List.of("投诉率", "故障率", "差错率", "错误率", "出错率", "事故率", "事故数", "发生率", "返工率",
                        "成本", "费用", "用时", "耗时", "时长", "天数", "延误", "超时", "逾期", "违规", "投诉", "事故", "差错"),
                List.of("及其以下", "及以下", "或以下", "以下", "以内", "不超过", "不高于", "不多于", "越低越好", "越少越好"),
                List.of("及其以上", "及以上", "或以上", "以上", "不低于", "不少于", "至少", "越高越好", "越多越好"));
    }

    /**
     * A suggestion, if the explanation or the name says something. The explanation wins over the name because it
     * is what the filer wrote about this very target.
     */
    public Optional<DirectionHint> suggest(String name, String explanation) {
        if (explanation != null && !explanation.isBlank()) {
            for (String p : lowerPhrases) {
                if (explanation.contains(p)) {
                    return Optional.of(new DirectionHint(Direction.LOWER_IS_BETTER,
                            "指标解释写明“" + excerpt(explanation, p) + "”", p));
                }
            }
            for (String p : higherPhrases) {
                if (explanation.contains(p)) {
                    return Optional.of(new DirectionHint(Direction.HIGHER_IS_BETTER,
                            "指标解释写明“" + excerpt(explanation, p) + "”", p));
                }
            }
        }
        if (name != null && !endsInHigherIsBetterRate(name)) {
            for (String h : lowerIsBetterNameHints) {
                if (name.contains(h)) {
                    return Optional.of(new DirectionHint(Direction.LOWER_IS_BETTER,
                            "指标名称含“" + h + "”，通常越低越好", h));
                }
            }
        }
        return Optional.empty();
    }

    /** Up to 8 characters before the phrase, and the phrase: "占比达70%及以上". */
    private static String excerpt(String text, String phrase) {
        int i = text.indexOf(phrase);
        int from = Math.max(0, i - 8);
        return text.substring(from, i + phrase.length());
    }
}
