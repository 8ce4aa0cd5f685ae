package cn.perf.persistence.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.account.Role;
import cn.perf.domain.account.UserAccount;
import cn.perf.domain.account.UserAccounts;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.organization.UnitKind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class UserAccountPersistenceTest {

    @Autowired
    BudgetUnits units;
    @Autowired
    UserAccounts accounts;
    @Autowired
    EntityManager em;

    @Test
    void anAccountWithItsRolesAndUnitRoundTrips() {
        BudgetUnit bureau = units.save(BudgetUnit.financeBureau("测试财政局", "测试市"));
        BudgetUnit unit = units.save(BudgetUnit.department("990001", "测试主管部门", bureau.id(), "测试市"));
        accounts.save(UserAccount.open("filer-990001", "{bcrypt}hash", "测试填报人", unit.id(),
                EnumSet.of(Role.FILER, Role.UNIT_LEADER)));
        em.flush();
        em.clear();

        UserAccount loaded = accounts.findByUsername("filer-990001").orElseThrow();
        assertThat(loaded.roles()).containsExactlyInAnyOrder(Role.FILER, Role.UNIT_LEADER);
        assertThat(loaded.unitId()).isEqualTo(unit.id());
        assertThat(units.findByRegionAndCode("测试市", "990001")).get().extracting(BudgetUnit::kind).isEqualTo(UnitKind.DEPARTMENT);
        assertThat(units.findByParentId(bureau.id())).extracting(BudgetUnit::name).containsExactly("测试主管部门");
    }

    @Test
    void aUserNameIsUniqueInTheDatabase() {
        BudgetUnit bureau = units.save(BudgetUnit.financeBureau("测试财政局二", "测试市"));
        accounts.save(UserAccount.open("twice", "h", "甲", bureau.id(), EnumSet.of(Role.FILER)));
        em.flush();
        assertThatThrownBy(() -> {
            accounts.save(UserAccount.open("twice", "h", "乙", bureau.id(), EnumSet.of(Role.FILER)));
            em.flush();
        }).hasMessageContaining("uq_user_account_username");
    }

    @Test
    void aStaleAccountCannotOverwriteANewerOne() {
        BudgetUnit bureau = units.save(BudgetUnit.financeBureau("测试财政局三", "测试市"));
        UserAccount account = accounts.save(UserAccount.open("stale", "h1", "丙", bureau.id(),
                EnumSet.of(Role.FILER)));
        em.flush();
        em.clear();

        UserAccount first = accounts.findByUsername("stale").orElseThrow();
        em.detach(first);
        UserAccount second = accounts.findByUsername("stale").orElseThrow();
        second.changePassword("h2");
        em.flush();
        em.clear();

        first.changePassword("h3");
        assertThatThrownBy(() -> {
            em.merge(first);
            em.flush();
        }).isInstanceOf(OptimisticLockException.class);
        assertThat(account.id()).isNotNull();
    }

    @Test
    void anAccountNeedsARole() {
        assertThatThrownBy(() -> UserAccount.open("norole", "h", "丁", 1L, EnumSet.noneOf(Role.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("用户至少要有一个角色");
    }
}
