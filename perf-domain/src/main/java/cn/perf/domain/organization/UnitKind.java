package cn.perf.domain.organization;

/** What an organization is in the budget hierarchy. Labels live in the message bundle ({@code unit.kind.*}). */
public enum UnitKind {
    /** 财政局: final reviewer of every unit in its region. */
    FINANCE_BUREAU,
    /** 主管部门: reviews the forms of the units below it (and may file its own). */
    DEPARTMENT,
    /** 预算单位: files its own forms. */
    BUDGET_UNIT
}
