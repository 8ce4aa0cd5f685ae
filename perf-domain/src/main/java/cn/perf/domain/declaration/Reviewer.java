package cn.perf.domain.declaration;

import cn.perf.domain.account.Role;
import cn.perf.domain.scope.Viewer;
import java.util.HashSet;
import java.util.Set;

/**
 * What a signed-in person may review (DESIGN.md §4), derived from their roles and {@link cn.perf.domain.scope.Scope}:
 * a 主管部门审核人 reviews the submitted declarations of the units it sees (never of a unit it files for itself:
 * separation of duties); a 财政局审核人 grades the department-approved declarations of its region. 单位填报人 and
 * 单位负责人 review nothing.
 *
 * @param departmentUnitIds units whose declarations this person reviews as 主管部门
 * @param financeRegion     the region whose declarations this person grades as 财政局, or null
 */
public record Reviewer(String username, Set<Long> departmentUnitIds, String financeRegion) {

    public Reviewer {
        departmentUnitIds = Set.copyOf(departmentUnitIds);
    }

    public static Reviewer of(Viewer viewer) {
        if (viewer.profile() == null) {
            return new Reviewer(viewer.scope().username(), Set.of(), null);
        }
        Set<Role> roles = viewer.profile().roles();
        Set<Long> units = new HashSet<>();
        if (roles.contains(Role.DEPARTMENT_REVIEWER)) {
            units.addAll(viewer.scope().visibleUnitIds());
            units.removeAll(viewer.scope().fileableUnitIds());
        }
        String region = roles.contains(Role.FINANCE_REVIEWER) ? viewer.scope().visibleRegion() : null;
        return new Reviewer(viewer.scope().username(), units, region);
    }

    public boolean reviewsDepartment(Long unitId) {
        return departmentUnitIds.contains(unitId);
    }

    public boolean reviewsFinance(String region) {
        return financeRegion != null && financeRegion.equals(region);
    }

    public boolean reviewsAnything() {
        return !departmentUnitIds.isEmpty() || financeRegion != null;
    }
}
