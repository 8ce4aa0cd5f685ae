package cn.perf.domain.declaration;

/**
 * Where a 申报表 is in its review (DESIGN.md §4): 草稿 → 已提交 → 主管部门审核通过 → 财政审核 (优/良 approve,
 * 中 returns it for revision, 差 rejects it). 退回修改 may be edited and submitted again.
 */
public enum DeclarationStatus {
    DRAFT("草稿"),
    SUBMITTED("已提交"),
    DEPARTMENT_APPROVED("主管部门审核通过"),
    RETURNED("退回修改"),
    APPROVED("财政审核通过"),
    REJECTED("财政审核不予通过"),
    /** An approved declaration whose 目标调整 was approved since: no longer in force, still readable. */
    SUPERSEDED("已被目标调整替代");

    private final String label;

    DeclarationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Draft and returned declarations may be edited; submitted and reviewed ones are locked. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
