package cn.perf.domain.scope;

import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.Role;
import cn.perf.domain.scope.ViewerQueries.ViewerRow;
import jakarta.inject.Named;
import java.util.HashSet;
import java.util.Set;

/**
 * Builds the {@link Scope} of a signed-in user from roles and unit (DESIGN.md §4):
 * 单位填报人 and 单位负责人 see and file their own unit; a 主管部门审核人 sees its unit and every unit below it; a
 * 财政局审核人 sees every unit of its region. The three administrators see no forms. A disabled or unknown
 * account gets {@link Scope#none}. The account, its unit, roles and unit subtree are read in one statement
 * ({@link ViewerQueries}), once per request.
 */
@Named
public class ScopeResolver {

    private final ViewerQueries queries;

    public ScopeResolver(ViewerQueries queries) {
        this.queries = queries;
    }

    /** The user's profile and scope, read together. */
    public Viewer viewer(String username) {
        return queries.find(username).map(row -> new Viewer(row.profile(), scopeOf(row), row.enabled()))
                .orElseGet(() -> Viewer.unknown(username));
    }

    public Scope forUser(String username) {
        return viewer(username).scope();
    }

    static Scope scopeOf(ViewerRow row) {
        AccountProfile account = row.profile();
        if (!row.enabled()) {
            return Scope.none(account.username());
        }
        Set<Role> roles = account.roles();
        Set<Long> visible = new HashSet<>();
        Set<Long> fileable = new HashSet<>();
        String region = null;
        if (roles.contains(Role.FILER) || roles.contains(Role.UNIT_LEADER)) {
            visible.add(account.unitId());
            fileable.add(account.unitId());
        }
        if (roles.contains(Role.DEPARTMENT_REVIEWER)) {
            visible.add(account.unitId());
            visible.addAll(row.unitSubtree());
        }
        if (roles.contains(Role.FINANCE_REVIEWER)) {
            region = account.region();
        }
        return new Scope(account.username(), visible, region, fileable);
    }
}
