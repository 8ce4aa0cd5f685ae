package cn.perf.persistence.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.account.AccountAdministration;
import cn.perf.domain.account.AccountCommands.ChangeAccount;
import cn.perf.domain.account.AccountCommands.OpenAccount;
import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.AccountRow;
import cn.perf.domain.account.AccountSearch;
import cn.perf.domain.account.PasswordHasher;
import cn.perf.domain.account.Role;
import cn.perf.domain.account.UserAccount;
import cn.perf.domain.account.UserAccounts;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.organization.UnitKind;
import cn.perf.domain.shared.DomainEvent;
import cn.perf.domain.shared.DomainEventPublisher;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Violation;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.EnumSet;
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

/** {@link AccountAdministration} with {@link JdbcAccountQueries} on PostgreSQL. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({AccountAdministration.class, JdbcAccountQueries.class, AccountAdministrationTest.Support.class})
class AccountAdministrationTest {

    static final AccountProfile ADMIN = new AccountProfile("admin-a", "系统管理员", Set.of(Role.SYSTEM_ADMIN), 1L,
            null, "财政局", UnitKind.FINANCE_BUREAU, "账号测试市");

    @TestConfiguration
    static class Support {
        final List<DomainEvent> published = new ArrayList<>();

        @Bean
        DomainEventPublisher recordingPublisher() {
            return published::add;
        }

        @Bean
        cn.perf.domain.account.PasswordPolicy passwordPolicy() {
            return cn.perf.domain.account.PasswordPolicy.standard();
        }

        @Bean
        PasswordHasher passwordHasher() {
            return raw -> "{noop}" + raw;
        }
    }

    @Autowired
    AccountAdministration admin;
    @Autowired
    UserAccounts accounts;
    @Autowired
    BudgetUnits units;
    @Autowired
    Support support;
    @Autowired
    EntityManager em;

    BudgetUnit bureau;
    BudgetUnit department;
    BudgetUnit unit;

    @BeforeEach
    void organization() {
        support.published.clear();
        bureau = units.save(BudgetUnit.financeBureau("账号测试财政局", "账号测试市"));
        department = units.save(BudgetUnit.department("990601", "账号测试部门", bureau.id(), "账号测试市"));
        unit = units.save(BudgetUnit.budgetUnit("990602", "账号测试单位", department.id(), "账号测试市"));
    }

    @Test
    void aWeakInitialPasswordIsRefusedByThePasswordPolicyWithTheOtherProblems() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.open(ADMIN, new OpenAccount("acct-weak",
                        " ", unit.id(), EnumSet.of(Role.FILER), "password")))
                .isInstanceOfSatisfying(cn.perf.domain.shared.InvalidCommandException.class, e -> assertThat(
                        e.violations()).extracting(cn.perf.domain.shared.Violation::path)
                        .contains("initialPassword", "displayName"));
        assertThat(accounts.findByUsername("acct-weak")).isEmpty();
    }

    @Test
    void anOpenedAccountIsFoundByTheSearchWithItsUnitAndRolesAndTheEventCarriesNoPassword() {
        Long id = admin.open(ADMIN, new OpenAccount("acct-filer", "张填报", unit.id(), EnumSet.of(Role.FILER),
                "Initial#2026"));
        em.flush();
        assertThat(accounts.findById(id).orElseThrow().passwordHash()).isEqualTo("{noop}Initial#2026");
        assertThat(accounts.findById(id).orElseThrow().mustChangePassword())
                .as("an administrator chose it: changed at the first sign-in").isTrue();
        List<AccountRow> rows = admin.search(ADMIN, new AccountSearch("ACCT-fil", null, unit.id(), Role.FILER,
                true, 0, 20)).rows();
        assertThat(rows).extracting(AccountRow::username, AccountRow::unitName, AccountRow::roles)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("acct-filer", "账号测试单位", Set.of(Role.FILER)));
        assertThat(admin.search(ADMIN, new AccountSearch(null, null, null, Role.FINANCE_REVIEWER, null, 0, 20))
                .rows()).extracting(AccountRow::username).doesNotContain("acct-filer");
        DomainEvent created = support.published.get(0);
        assertThat(created.action()).isEqualTo("account.created");
        assertThat(created.actor()).isEqualTo("admin-a");
        assertThat(created.subjectId()).isEqualTo("acct-filer");
        assertThat(created.details().toString()).doesNotContain("Initial#2026");
    }

    @Test
    void everyViolationOfANewAccountIsReportedAtOnce() {
        accounts.save(UserAccount.open("acct-taken", "{noop}x", "甲", unit.id(), EnumSet.of(Role.FILER)));
        em.flush();
        assertThatThrownBy(() -> admin.open(ADMIN, new OpenAccount("acct-taken", " ", unit.id(),
                EnumSet.of(Role.SYSTEM_ADMIN, Role.FILER), "")))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::message).containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("username", "用户名已被使用：acct-taken"),
                                org.assertj.core.groups.Tuple.tuple("displayName", "姓名不能为空"),
                                org.assertj.core.groups.Tuple.tuple("roles",
                                        "三员分立：管理员账号不能同时担任填报、审核等业务角色"),
                                org.assertj.core.groups.Tuple.tuple("initialPassword", "初始密码不能为空")));
        assertThatThrownBy(() -> admin.open(ADMIN, new OpenAccount("acct-rev", "李审核", unit.id(),
                EnumSet.of(Role.DEPARTMENT_REVIEWER), "Initial#2026")))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .extracting(Violation::message).containsExactly("主管部门审核人必须属于主管部门"));
    }

    @Test
    void changingRolesDisablingAndResettingArePublishedWithBeforeAndAfter() {
        Long id = admin.open(ADMIN, new OpenAccount("acct-change", "王", unit.id(), EnumSet.of(Role.FILER),
                "Initial#2026"));
        em.flush();
        long version = accounts.findById(id).orElseThrow().version();
        admin.change(ADMIN, new ChangeAccount(id, version, "王五", department.id(),
                EnumSet.of(Role.DEPARTMENT_REVIEWER)));
        admin.disable(ADMIN, id);
        String temporary = admin.resetPassword(ADMIN, id);
        em.flush();

        UserAccount changed = accounts.findById(id).orElseThrow();
        assertThat(changed.displayName()).isEqualTo("王五");
        assertThat(changed.unitId()).isEqualTo(department.id());
        assertThat(changed.roles()).containsExactly(Role.DEPARTMENT_REVIEWER);
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.passwordHash()).isEqualTo("{noop}" + temporary);
        assertThat(changed.mustChangePassword()).isTrue();
        assertThat(temporary).hasSize(14).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[0-9].*");
        assertThat(support.published).extracting(DomainEvent::action).containsExactly("account.created",
                "account.changed", "account.rolesChanged", "account.disabled", "account.passwordReset");
        assertThat(support.published.get(2).details()).containsEntry("before.roles", "FILER")
                .containsEntry("after.roles", "DEPARTMENT_REVIEWER");
        assertThat(support.published.get(1).details()).containsEntry("after.displayName", "王五");
        assertThat(support.published.get(4).details().toString()).doesNotContain(temporary);
    }

    @Test
    void anAdministratorCannotDisableThemselvesNorDropTheirOwnRole() {
        UserAccount self = accounts.save(UserAccount.open("admin-a", "{noop}x", "系统管理员", bureau.id(),
                EnumSet.of(Role.SYSTEM_ADMIN)));
        em.flush();
        assertThatThrownBy(() -> admin.disable(ADMIN, self.id())).isInstanceOf(InvalidCommandException.class)
                .hasMessageContaining("不能停用自己的账号");
        assertThatThrownBy(() -> admin.change(ADMIN, new ChangeAccount(self.id(), self.version(), "系统管理员",
                bureau.id(), EnumSet.of(Role.AUDIT_ADMIN)))).isInstanceOf(InvalidCommandException.class)
                .hasMessageContaining("不能撤销自己的系统管理员角色");
    }
}
