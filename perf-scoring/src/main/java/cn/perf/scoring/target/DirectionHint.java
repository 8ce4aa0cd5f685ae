package cn.perf.scoring.target;

/**
 * A suggested direction for an indicator and why (Chinese), from {@link DirectionAdvisor}.
 *
 * @param direction the suggested direction
 * @param reason    e.g. 指标名称含“投诉率” or 指标解释写明“70%及以上”
 * @param evidence  the words that triggered the suggestion
 */
public record DirectionHint(Direction direction, String reason, String evidence) {
}
