package cn.perf.persistence.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.account.PasswordHasher;
import cn.perf.domain.account.Role;
import cn.perf.domain.account.UserAccounts;
import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.organization.UnitKind;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.persistence.account.JdbcViewerQueries;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo organization has real structure: 财政局 → 主管部门 → 预算单位, a department reviewer who reviews several
 * units, and every demo login; a database loaded with the earlier flat shape is moved into it.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({DemoOrganization.class, ScopeResolver.class, JdbcViewerQueries.class, DemoOrganizationTest.Hasher.class})
class DemoOrganizationTest {

    @TestConfiguration
    static class Hasher {
        @Bean
        PasswordHasher passwordHasher() {
            return raw -> "{noop}" + raw;
        }
    }

    @Autowired
    DemoOrganization demo;
    @Autowired
    BudgetUnits units;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ScopeResolver scopes;
    @Autowired
    EntityManager em;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSeedUnitsSitUnderTheirDepartmentsAndTheDepartmentReviewerSeesSeveralUnits() {
        demo.loadIfAbsent();
        em.flush();
        BudgetUnit dashuju = unit(DemoOrganization.DASHUJU);
        assertThat(dashuju.kind()).isEqualTo(UnitKind.DEPARTMENT);
        assertThat(unit(DemoOrganization.XINXI).kind()).isEqualTo(UnitKind.BUDGET_UNIT);
        assertThat(unit(DemoOrganization.XINXI).parentId()).isEqualTo(dashuju.id());
        assertThat(unit(DemoOrganization.DIANZI_ZHENGWU).parentId()).isEqualTo(dashuju.id());
        assertThat(unit(DemoOrganization.JINING_ZHIFA).kind()).isEqualTo(UnitKind.BUDGET_UNIT);
        assertThat(unit(DemoOrganization.JINING_ZHIFA).parentId())
                .isEqualTo(unit(DemoOrganization.JINING_GAOXIN).id());
        assertThat(unit(DemoOrganization.JINING_GAOXIN).parentId())
                .isEqualTo(unit(DemoOrganization.JINING_FINANCE).id());
        assertThat(unit(DemoOrganization.CHENGGUAN).code()).isEqualTo("001239");

        Scope reviewer = scopes.forUser("reviewer-dsj");
        assertThat(reviewer.visibleUnitIds()).containsExactlyInAnyOrder(dashuju.id(),
                unit(DemoOrganization.XINXI).id(), unit(DemoOrganization.DIANZI_ZHENGWU).id());
        assertThat(reviewer.fileableUnitIds()).isEmpty();
        for (DemoOrganization.DemoLogin login : DemoOrganization.LOGINS) {
            assertThat(accounts.findByUsername(login.username())).as(login.username()).get()
                    .satisfies(a -> assertThat(a.unitId()).isEqualTo(unit(login.unitName()).id()));
        }
        assertThat(accounts.findByUsername("reviewer-dsj").orElseThrow().roles())
                .containsExactly(Role.DEPARTMENT_REVIEWER);
    }

    @Test
    void aDatabaseWithTheEarlierFlatShapeIsMovedIntoTheHierarchyAndLoadingTwiceChangesNothing() {
        BudgetUnit bureau = units.save(BudgetUnit.financeBureau(DemoOrganization.SUZHOU_FINANCE,
                DemoOrganization.SUZHOU));
        units.save(BudgetUnit.department(null, DemoOrganization.XINXI, bureau.id(), DemoOrganization.SUZHOU));
        em.flush();
        demo.loadIfAbsent();
        em.flush();
        assertThat(unit(DemoOrganization.XINXI).kind()).isEqualTo(UnitKind.BUDGET_UNIT);
        assertThat(unit(DemoOrganization.XINXI).parentId()).isEqualTo(unit(DemoOrganization.DASHUJU).id());
        Integer before = jdbc.queryForObject("select count(*) from budget_unit", Integer.class);
        demo.loadIfAbsent();
        em.flush();
        assertThat(jdbc.queryForObject("select count(*) from budget_unit", Integer.class)).isEqualTo(before);
    }

    private BudgetUnit unit(String name) {
        return units.findByName(name).orElseThrow();
    }
}
