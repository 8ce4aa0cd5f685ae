package cn.perf.domain.scope;

import cn.perf.domain.account.Role;
import cn.perf.domain.account.UserAccount;
import cn.perf.domain.account.UserAccounts;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Builds the {@link Scope} of a signed-in user from roles and unit (DESIGN.md §4):
 * 单位填报人 and 单位负责人 see and file their own unit; a 主管部门审核人 sees its unit and every unit below it; a
 * 财政局审核人 sees every unit of its region. The three administrators see no forms. A disabled or unknown
 * account gets {@link Scope#none}.
 */
@Named
public class ScopeResolver {

    private final UserAccounts accounts;
    private final BudgetUnits units;

    public ScopeResolver(UserAccounts accounts, BudgetUnits units) {
        this.accounts = accounts;
        this.units = units;
    }

    @Transactional
    public Scope forUser(String username) {
        UserAccount account = accounts.findByUsername(username).orElse(null);
        if (account == null || !account.enabled()) {
            return Scope.none(username);
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
            visible.addAll(unitAndDescendants(account.unitId()));
        }
        if (roles.contains(Role.FINANCE_REVIEWER)) {
            region = units.findById(account.unitId()).map(BudgetUnit::region).orElse(null);
        }
        return new Scope(username, visible, region, fileable);
    }

    private Set<Long> unitAndDescendants(Long root) {
        Set<Long> out = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Long id = todo.pop();
            if (out.add(id)) {
                units.findByParentId(id).forEach(u -> todo.push(u.id()));
            }
        }
        return out;
    }
}
