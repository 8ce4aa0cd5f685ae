package cn.perf.persistence.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.AdministratorRequired;
import cn.perf.domain.account.Role;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.organization.OrganizationAdministration;
import cn.perf.domain.organization.UnitCommand;
import cn.perf.domain.organization.UnitKind;
import cn.perf.domain.organization.UnitRow;
import cn.perf.domain.shared.DomainEvent;
import cn.perf.domain.shared.DomainEventPublisher;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Violation;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * {@link OrganizationAdministration} on PostgreSQL: codes and names are unique within a region (not across the
 * country), a parent is in the same region, the hierarchy has no cycle, and every change is an event.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({OrganizationAdministration.class, OrganizationAdministrationTest.Events.class})
class OrganizationAdministrationTest {

    static final AccountProfile ADMIN = new AccountProfile("admin-t", "系统管理员", Set.of(Role.SYSTEM_ADMIN), 1L,
            null, "财政局", UnitKind.FINANCE_BUREAU, "甲市");

    @TestConfiguration
    static class Events {
        final List<DomainEvent> published = new ArrayList<>();

        @Bean
        DomainEventPublisher recordingPublisher() {
            return published::add;
        }
    }

    @Autowired
    OrganizationAdministration admin;
    @Autowired
    BudgetUnits units;
    @Autowired
    Events events;
    @Autowired
    EntityManager em;

    BudgetUnit bureauA;
    BudgetUnit bureauB;

    @BeforeEach
    void bureaus() {
        events.published.clear();
        bureauA = units.save(BudgetUnit.financeBureau("组织测试甲市财政局", "组织测试甲市"));
        bureauB = units.save(BudgetUnit.financeBureau("组织测试乙市财政局", "组织测试乙市"));
    }

    @Test
    void theSameCodeAndNameInTwoRegionsAreAccepted() {
        Long a = admin.create(ADMIN, dept("990501", "城市管理局", bureauA));
        Long b = admin.create(ADMIN, dept("990501", "城市管理局", bureauB));
        em.flush();
        assertThat(units.findByRegionAndCode("组织测试甲市", "990501")).get().extracting(BudgetUnit::id).isEqualTo(a);
        assertThat(units.findByRegionAndCode("组织测试乙市", "990501")).get().extracting(BudgetUnit::id).isEqualTo(b);
    }

    @Test
    void aCodeOrNameTwiceInOneRegionIsRefusedInChinese() {
        admin.create(ADMIN, dept("990502", "住房和城乡建设局", bureauA));
        em.flush();
        assertThatThrownBy(() -> admin.create(ADMIN, dept("990502", "另一个局", bureauA)))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code, Violation::message)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("code", "unit.code.taken",
                                "单位编码在组织测试甲市已被使用：990502")));
        assertThatThrownBy(() -> admin.create(ADMIN, dept("990503", "住房和城乡建设局", bureauA)))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .extracting(Violation::message)
                        .containsExactly("单位名称在组织测试甲市已被使用：住房和城乡建设局"));
    }

    @Test
    void theDatabaseRefusesACodeTwiceInOneRegionToo() {
        units.save(BudgetUnit.department("990504", "数据局", bureauA.id(), "组织测试甲市"));
        em.flush();
        assertThatThrownBy(() -> {
            units.save(BudgetUnit.department("990504", "另一个数据局", bureauA.id(), "组织测试甲市"));
            em.flush();
        }).hasMessageContaining("uq_budget_unit_region_code");
    }

    @Test
    void aParentMustBeInTheSameRegion() {
        Long dept = admin.create(ADMIN, dept("990505", "甲市部门", bureauA));
        assertThatThrownBy(() -> admin.create(ADMIN, new UnitCommand(null, 0, "990506", "乙市单位",
                UnitKind.BUDGET_UNIT, dept, "组织测试乙市")))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("parentId", "unit.parent.region")));
    }

    @Test
    void aUnitCannotMoveUnderItselfOrItsOwnSubtree() {
        Long dept = admin.create(ADMIN, dept("990507", "环部门", bureauA));
        Long child = admin.create(ADMIN, new UnitCommand(null, 0, "990508", "环单位", UnitKind.BUDGET_UNIT, dept,
                "组织测试甲市"));
        em.flush();
        long version = units.findById(dept).orElseThrow().version();
        assertThatThrownBy(() -> admin.change(ADMIN, new UnitCommand(dept, version, "990507", "环部门",
                UnitKind.BUDGET_UNIT, child, "组织测试甲市")))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .extracting(Violation::code).contains("unit.parent.cycle"));
        assertThatThrownBy(() -> admin.change(ADMIN, new UnitCommand(dept, version, "990507", "环部门",
                UnitKind.DEPARTMENT, dept, "组织测试甲市")))
                .isInstanceOf(InvalidCommandException.class);
        assertThat(units.findById(dept).orElseThrow().parentId()).isEqualTo(bureauA.id());
    }

    @Test
    void theHierarchyListsEachParentBeforeItsChildrenAndChangesArePublishedWithBeforeAndAfter() {
        Long dept = admin.create(ADMIN, dept("990509", "层级部门", bureauA));
        Long unit = admin.create(ADMIN, new UnitCommand(null, 0, "990510", "层级单位", UnitKind.BUDGET_UNIT, dept,
                "组织测试甲市"));
        em.flush();
        List<UnitRow> rows = admin.hierarchy(ADMIN).stream().filter(r -> r.region().equals("组织测试甲市")).toList();
        assertThat(rows).extracting(UnitRow::name, UnitRow::depth).containsExactly(
                org.assertj.core.groups.Tuple.tuple("组织测试甲市财政局", 0),
                org.assertj.core.groups.Tuple.tuple("层级部门", 1),
                org.assertj.core.groups.Tuple.tuple("层级单位", 2));

        long version = units.findById(unit).orElseThrow().version();
        admin.change(ADMIN, new UnitCommand(unit, version, "990510", "层级单位（更名）", UnitKind.BUDGET_UNIT, dept,
                "组织测试甲市"));
        assertThat(events.published).extracting(DomainEvent::action)
                .containsExactly("unit.created", "unit.created", "unit.changed");
        DomainEvent changed = events.published.get(2);
        assertThat(changed.actor()).isEqualTo("admin-t");
        assertThat(changed.subjectType()).isEqualTo("unit");
        assertThat(changed.details()).containsExactly(
                java.util.Map.entry("before.name", "层级单位"), java.util.Map.entry("after.name", "层级单位（更名）"));
    }

    @Test
    void onlyASystemAdministratorMayChangeUnits() {
        AccountProfile security = new AccountProfile("security-t", "安全管理员", Set.of(Role.SECURITY_ADMIN), 1L,
                null, "财政局", UnitKind.FINANCE_BUREAU, "甲市");
        assertThatThrownBy(() -> admin.create(security, dept("990511", "越权", bureauA)))
                .isInstanceOf(AdministratorRequired.class).hasMessage("此操作需要系统管理员角色");
        assertThatThrownBy(() -> admin.hierarchy(security)).isInstanceOf(AdministratorRequired.class);
    }

    private static UnitCommand dept(String code, String name, BudgetUnit bureau) {
        return new UnitCommand(null, 0, code, name, UnitKind.DEPARTMENT, bureau.id(), bureau.region());
    }
}
