package cn.perf.domain.evaluation;

/**
 * Where a {@link SelfEvaluation} is in its workflow (DESIGN.md §4): 草稿 → 已提交 → 审核中 → 已确认; 退回 takes a
 * submitted or reviewed form back to 草稿 with a comment. Only the aggregate's verbs change it.
 */
public enum EvaluationStatus {
    DRAFT("草稿"),
    SUBMITTED("已提交"),
    UNDER_REVIEW("审核中"),
    CONFIRMED("已确认");

    private final String label;

    EvaluationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
