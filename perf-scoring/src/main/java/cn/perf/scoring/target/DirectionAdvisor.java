package cn.perf.scoring.target;

import java.util.List;
import java.util.Optional;

/**
 * Suggests a direction from an indicator's name and explanation (DESIGN.md §3.4). It only suggests: the
 * scorer keeps the operator's default direction unless the row states one, and reports the suggestion as a lint.
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

    /** The default word lists. */
    public static DirectionAdvisor defaults() {
        return new DirectionAdvisor(
                List.of("投诉率", "故障率", "差错率", "错误率", "出错率", "事故率", "事故数", "发生率", "返工率",
                        "成本", "费用", "用时", "耗时", "时长", "天数", "延误", "超时", "逾期", "违规"),
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
        if (name != null) {
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
