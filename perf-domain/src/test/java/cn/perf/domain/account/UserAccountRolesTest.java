package cn.perf.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 三员分立 (DESIGN.md §4): an administrator role is held alone. */
class UserAccountRolesTest {

    @Test
    void theThreeAdministratorsAreAdministratorsAndTheOthersAreBusinessRoles() {
        assertThat(EnumSet.allOf(Role.class).stream().filter(Role::isAdministrator))
                .containsExactlyInAnyOrder(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);
        assertThat(EnumSet.allOf(Role.class).stream().filter(Role::isBusiness))
                .containsExactlyInAnyOrder(Role.FILER, Role.UNIT_LEADER, Role.DEPARTMENT_REVIEWER,
                        Role.FINANCE_REVIEWER);
    }

    @Test
    void anAccountCannotHoldTwoAdministratorRoles() {
        assertThatThrownBy(() -> open(EnumSet.of(Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("三员分立：系统管理员、安全管理员、审计管理员不能由同一账号兼任");
        assertThatThrownBy(() -> open(EnumSet.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)))
                .hasMessageContaining("三员分立");
        assertThatThrownBy(() -> open(EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)))
                .hasMessageContaining("三员分立");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"})
    void anAdministratorRoleCannotGoWithABusinessRole(Role administrator) {
        for (Role business : EnumSet.of(Role.FILER, Role.UNIT_LEADER, Role.DEPARTMENT_REVIEWER,
                Role.FINANCE_REVIEWER)) {
            assertThatThrownBy(() -> open(EnumSet.of(administrator, business)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("三员分立：管理员账号不能同时担任填报、审核等业务角色");
        }
        assertThatCode(() -> open(EnumSet.of(administrator))).doesNotThrowAnyException();
    }

    @Test
    void businessRolesMayBeCombined() {
        UserAccount a = open(EnumSet.of(Role.FILER, Role.UNIT_LEADER));
        assertThat(a.roles()).containsExactlyInAnyOrder(Role.FILER, Role.UNIT_LEADER);
        assertThat(a.isAdministrator()).isFalse();
    }

    @Test
    void changingRolesKeepsTheRuleAndLeavesTheRolesAsTheyWereWhenRefused() {
        UserAccount a = open(EnumSet.of(Role.FILER));
        assertThatThrownBy(() -> a.changeRoles(EnumSet.of(Role.FILER, Role.AUDIT_ADMIN)))
                .hasMessageContaining("三员分立");
        assertThat(a.roles()).containsExactly(Role.FILER);
        assertThatThrownBy(() -> a.changeRoles(EnumSet.noneOf(Role.class))).hasMessage("用户至少要有一个角色");
        a.changeRoles(EnumSet.of(Role.AUDIT_ADMIN));
        assertThat(a.roles()).containsExactly(Role.AUDIT_ADMIN);
        assertThat(a.isAdministrator()).isTrue();
    }

    private static UserAccount open(EnumSet<Role> roles) {
        return UserAccount.open("u1", "{noop}x", "某人", 1L, roles);
    }
}
