package cn.perf.domain.account;

/** The caller does not hold the administrator role a use case needs (the web answers 403). */
public class AdministratorRequired extends RuntimeException {

    public AdministratorRequired(Role role) {
        super("此操作需要" + switch (role) {
            case SYSTEM_ADMIN -> "系统管理员";
            case SECURITY_ADMIN -> "安全管理员";
            case AUDIT_ADMIN -> "审计管理员";
            default -> role.name();
        } + "角色");
    }

    /** Throws unless {@code actor} holds {@code role}. */
    public static void check(AccountProfile actor, Role role) {
        if (actor == null || !actor.roles().contains(role)) {
            throw new AdministratorRequired(role);
        }
    }
}
