package cn.perf.scoring.sheet;

/** Where a row's score stands. */
public enum RowStatus {
    /** Scored by the rules. */
    SCORED("已评分"),
    /** The reviewer set the score (with a reason). */
    ADJUSTED_BY_REVIEWER("审核人评分"),
    /** Left for the reviewer to score (e.g. no actual value but an explanation). */
    PENDING_REVIEW("待审核人评分"),
    /** Cannot be scored as filed (unparseable target, qualitative score outside its band …). */
    REJECTED("评分无效");

    private final String label;

    RowStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the row has a score that counts. */
    public boolean hasScore() {
        return this == SCORED || this == ADJUSTED_BY_REVIEWER;
    }
}
