package cn.perf.web.shell;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Which parts of the shell (menu entries, the 待办 link) the signed-in user's roles open, read once per page from the
 * authorities. The shell used {@code sec:authorize} expressions, each one a SpEL evaluation against a security
 * expression root: a dozen per rendered page. The rules are the same: a role is the authority {@code ROLE_<Role>}.
 *
 * @param signedIn  anyone signed in ({@code isAuthenticated()})
 * @param works     a filer, a unit leader or a reviewer: 待办, 申报表, 自评表, exports
 * @param files     a filer or a unit leader: imports
 * @param deadlines a finance reviewer or a system administrator: 填报期限
 */
public record ShellAccess(boolean signedIn, boolean works, boolean files, boolean deadlines, boolean systemAdmin,
                          boolean securityAdmin, boolean auditAdmin) {

    static final ShellAccess NOBODY = new ShellAccess(false, false, false, false, false, false, false);

    static ShellAccess of(Authentication who) {
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            return NOBODY;
        }
        Set<String> roles = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean filer = roles.contains("ROLE_FILER") || roles.contains("ROLE_UNIT_LEADER");
        boolean reviewer = roles.contains("ROLE_DEPARTMENT_REVIEWER") || roles.contains("ROLE_FINANCE_REVIEWER");
        boolean systemAdmin = roles.contains("ROLE_SYSTEM_ADMIN");
        return new ShellAccess(true, filer || reviewer, filer,
                roles.contains("ROLE_FINANCE_REVIEWER") || systemAdmin, systemAdmin,
                roles.contains("ROLE_SECURITY_ADMIN"), roles.contains("ROLE_AUDIT_ADMIN"));
    }
}
