package cn.perf.domain.account;

/**
 * Roles of DESIGN.md §4, including the 等保 separation of duties (system, security and audit administrators
 * are three different people). Labels live in the message bundle ({@code role.*}).
 */
public enum Role {
    /** 单位填报人: fills and submits its unit's forms. */
    FILER,
    /** 单位负责人: signs off its unit's forms. */
    UNIT_LEADER,
    /** 主管部门审核人: reviews the forms of the department's units. */
    DEPARTMENT_REVIEWER,
    /** 财政局审核人: final review; signs approved PDFs. */
    FINANCE_REVIEWER,
    /** 系统管理员: users, units, templates. */
    SYSTEM_ADMIN,
    /** 安全管理员: security settings, unlocking accounts. */
    SECURITY_ADMIN,
    /** 审计管理员: reads the audit log, nothing else. */
    AUDIT_ADMIN;

    /** One of the three administrators (三员): they hold no other role, and none of them fills or reviews forms. */
    public boolean isAdministrator() {
        return this == SYSTEM_ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }

    /** A role that fills or reviews forms (单位填报人, 单位负责人, 主管部门审核人, 财政局审核人). */
    public boolean isBusiness() {
        return !isAdministrator();
    }
}
