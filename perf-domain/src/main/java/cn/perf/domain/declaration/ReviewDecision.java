package cn.perf.domain.declaration;

/** The 主管部门's decision on a submitted declaration. */
public enum ReviewDecision {
    /** 审核通过: on to the finance bureau. */
    APPROVE,
    /** 退回修改, with a comment. */
    RETURN
}
