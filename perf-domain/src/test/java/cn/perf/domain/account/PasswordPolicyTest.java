package cn.perf.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Violation;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    private List<String> codes(String username, String raw) {
        return policy.check("newPassword", username, raw).stream().map(Violation::code).toList();
    }

    @Test
    void aLongPasswordOfThreeClassesPasses() {
        assertThat(codes("zhang", "Lv7-yuan-qiao")).isEmpty();
        assertThat(codes("zhang", "kq83!mzt07x")).isEmpty();
    }

    @Test
    void sevenCharactersAreTooShort() {
        assertThat(codes("zhang", "Ab1!xyz")).containsExactly("password.tooShort");
    }

    @Test
    void twoClassesAreNotEnough() {
        assertThat(codes("zhang", "abcdefgh12")).containsExactly("password.classes");
        assertThat(codes("zhang", "ABCDEFGHxy")).containsExactly("password.classes");
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(codes("zhang", "P@ssw0rd")).containsExactly("password.common");
        assertThat(codes("zhang", "ADMIN@123")).containsExactly("password.common");
        assertThat(codes("zhang", "1qaz@WSX")).containsExactly("password.common");
    }

    @Test
    void thePasswordMayNotContainTheUserName() {
        assertThat(codes("zhangsan", "Zhangsan#2026")).containsExactly("password.containsUsername");
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        assertThat(codes("zhang", "abc")).containsExactlyInAnyOrder("password.tooShort", "password.classes");
        assertThat(codes("zhang", "")).containsExactly("password.required");
    }

    @Test
    void settingAPasswordGoesThroughThePolicyAndHashesIt() {
        UserAccount account = UserAccount.open("zhang", "old-hash", "张三", 1L, EnumSet.of(Role.FILER));
        assertThat(account.mustChangePassword()).as("a new account must change its first password").isTrue();
        PasswordHasher hasher = raw -> "{noop}" + raw;

        assertThatThrownBy(() -> account.setPassword("password", "short", policy, hasher, true))
                .isInstanceOf(InvalidCommandException.class);
        assertThat(account.passwordHash()).isEqualTo("old-hash");

        account.setPassword("password", "Lv7-yuan-qiao", policy, hasher, false);
        assertThat(account.passwordHash()).isEqualTo("{noop}Lv7-yuan-qiao");
        assertThat(account.mustChangePassword()).isFalse();
        assertThat(account.passwordChangedAt()).isNotNull();
    }
}
