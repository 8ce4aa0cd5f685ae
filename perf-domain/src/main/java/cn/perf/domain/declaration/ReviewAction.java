package cn.perf.domain.declaration;

/** One step of a declaration's review history (审核记录): what was done. Labels live in the message bundle. */
public enum ReviewAction {
    /** 提交 by the unit. */
    SUBMITTED("提交"),
    /** 主管部门审核通过. */
    DEPARTMENT_APPROVED("主管部门审核通过"),
    /** 主管部门退回. */
    DEPARTMENT_RETURNED("主管部门退回"),
    /** 财政审核 with a grade (优/良/中/差). */
    GRADED("财政审核"),
    /** 目标调整 started from this approved declaration. */
    ADJUSTMENT_STARTED("发起目标调整"),
    /** Replaced by its approved 目标调整. */
    SUPERSEDED("被目标调整替代");

    private final String label;

    ReviewAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
