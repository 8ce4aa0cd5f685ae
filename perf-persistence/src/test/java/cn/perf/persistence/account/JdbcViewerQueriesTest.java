package cn.perf.persistence.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.account.Role;
import cn.perf.domain.account.UserAccount;
import cn.perf.domain.account.UserAccounts;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.organization.UnitKind;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.scope.ViewerQueries.ViewerRow;
import jakarta.persistence.EntityManager;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

/**
 * The one statement every page runs for its user: account, unit, roles, and a department reviewer's whole unit
 * subtree (three levels deep here), against real PostgreSQL.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({JdbcViewerQueries.class, ScopeResolver.class})
class JdbcViewerQueriesTest {

    @Autowired
    JdbcViewerQueries queries;
    @Autowired
    ScopeResolver resolver;
    @Autowired
    UserAccounts accounts;
    @Autowired
    BudgetUnits units;
    @Autowired
    EntityManager em;

    BudgetUnit bureau;
    BudgetUnit department;
    BudgetUnit unit;
    BudgetUnit subUnit;
    BudgetUnit otherDepartment;

    @BeforeEach
    void organisation() {
        bureau = units.save(BudgetUnit.financeBureau("视图财政局", "视图市"));
        department = units.save(BudgetUnit.department("V100", "视图主管部门", bureau.id(), "视图市"));
        unit = units.save(BudgetUnit.budgetUnit("V101", "视图单位", department.id(), "视图市"));
        subUnit = units.save(BudgetUnit.budgetUnit("V102", "视图下属单位", unit.id(), "视图市"));
        otherDepartment = units.save(BudgetUnit.department("V200", "视图其他部门", bureau.id(), "视图市"));
        accounts.save(UserAccount.open("v-dept", "{noop}x", "部门审核", department.id(),
                EnumSet.of(Role.DEPARTMENT_REVIEWER, Role.FILER)));
        accounts.save(UserAccount.open("v-filer", "{noop}x", "填报人", unit.id(), EnumSet.of(Role.FILER)));
        accounts.save(UserAccount.open("v-bureau", "{noop}x", "财政审核", bureau.id(),
                EnumSet.of(Role.FINANCE_REVIEWER)));
        UserAccount off = UserAccount.open("v-off", "{noop}x", "停用", unit.id(), EnumSet.of(Role.FILER));
        off.disable();
        accounts.save(off);
        em.flush();
        em.clear();
    }

    @Test
    void readsAccountUnitRolesAndTheDepartmentSubtree() {
        ViewerRow row = queries.find("v-dept").orElseThrow();
        assertThat(row.enabled()).isTrue();
        assertThat(row.profile().displayName()).isEqualTo("部门审核");
        assertThat(row.profile().roles()).containsExactlyInAnyOrder(Role.DEPARTMENT_REVIEWER, Role.FILER);
        assertThat(row.profile().unitId()).isEqualTo(department.id());
        assertThat(row.profile().unitCode()).isEqualTo("V100");
        assertThat(row.profile().unitName()).isEqualTo("视图主管部门");
        assertThat(row.profile().unitKind()).isEqualTo(UnitKind.DEPARTMENT);
        assertThat(row.profile().region()).isEqualTo("视图市");
        assertThat(row.unitSubtree()).containsExactlyInAnyOrder(department.id(), unit.id(), subUnit.id());
    }

    @Test
    void onlyDepartmentReviewersGetASubtree() {
        assertThat(queries.find("v-filer").orElseThrow().unitSubtree()).isEmpty();
        assertThat(queries.find("v-bureau").orElseThrow().unitSubtree()).isEmpty();
    }

    @Test
    void unknownAccountIsEmpty() {
        assertThat(queries.find("nobody")).isEmpty();
        Viewer viewer = resolver.viewer("nobody");
        assertThat(viewer.profile()).isNull();
        assertThat(viewer.scope().seesNothing()).isTrue();
    }

    @Test
    void scopesFollowTheRoles() {
        Scope dept = resolver.forUser("v-dept");
        assertThat(dept.visibleUnitIds()).containsExactlyInAnyOrder(department.id(), unit.id(), subUnit.id());
        assertThat(dept.fileableUnitIds()).containsExactly(department.id());
        assertThat(dept.canSee(otherDepartment.id(), "视图市")).isFalse();

        Scope filer = resolver.forUser("v-filer");
        assertThat(filer.visibleUnitIds()).containsExactly(unit.id());
        assertThat(filer.canFile(unit.id())).isTrue();

        Scope bureauScope = resolver.forUser("v-bureau");
        assertThat(bureauScope.visibleRegion()).isEqualTo("视图市");
        assertThat(bureauScope.fileableUnitIds()).isEmpty();

        Viewer off = resolver.viewer("v-off");
        assertThat(off.profile().displayName()).isEqualTo("停用");
        assertThat(off.scope().seesNothing()).isTrue();
        assertThat(off.scope().fileableUnitIds()).isEqualTo(Set.of());
    }
}
