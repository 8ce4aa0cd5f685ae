package cn.perf.domain.scope;

import cn.perf.domain.account.AccountProfile;
import java.util.Optional;
import java.util.Set;

/**
 * Read-model port behind {@link ScopeResolver}: everything a request needs to know about its user, in one
 * database round trip (it runs on every page). Implemented by perf-persistence.
 */
public interface ViewerQueries {

    /** The account {@code username} with its unit and roles; empty when there is no such account. */
    Optional<ViewerRow> find(String username);

    /**
     * @param profile     the account, its roles and its unit
     * @param enabled     whether the account may sign in
     * @param unitSubtree the account's unit and every unit below it, when the account is a 主管部门审核人; empty
     *                    otherwise (it is not needed)
     */
    record ViewerRow(AccountProfile profile, boolean enabled, Set<Long> unitSubtree) {
        public ViewerRow {
            unitSubtree = Set.copyOf(unitSubtree);
        }
    }
}
