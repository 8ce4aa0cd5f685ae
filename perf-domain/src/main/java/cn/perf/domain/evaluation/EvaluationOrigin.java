package cn.perf.domain.evaluation;

/**
 * How a {@link SelfEvaluation} came into the system; decides how the funds identities are applied (see
 * {@link SelfEvaluation}).
 */
public enum EvaluationOrigin {
    /** 由申报表生成: created from the approved declaration and filled in this system. Identities are enforced. */
    DECLARATION("由申报表生成"),
    /**
     * 历史表单导入: a form filed on paper or in an earlier system, stored exactly as printed. Identity violations are
     * kept and reported as findings ({@link SelfEvaluation#fundsFindings()}), never corrected.
     */
    IMPORTED("历史表单导入");

    private final String label;

    EvaluationOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
