package cn.perf.web.security;

import cn.perf.domain.account.Role;
import cn.perf.domain.account.UserAccount;
import cn.perf.domain.account.UserAccounts;
import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.organization.BudgetUnits;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Fresh accounts for security tests (so lockouts and password changes never touch the demo users). */
@Component
class SecurityTestAccounts {

    static final String PASSWORD = "Kq83!mzt07x";
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final UserAccounts accounts;
    private final BudgetUnits units;
    private final PasswordEncoder encoder;

    SecurityTestAccounts(UserAccounts accounts, BudgetUnits units, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.units = units;
        this.encoder = encoder;
    }

    /** A new FILER of the Suzhou finance bureau with {@link #PASSWORD}; {@code mustChange} as given. */
    String create(String prefix, boolean mustChange) {
        String username = prefix + "-" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        UserAccount account = UserAccount.open(username, encoder.encode(PASSWORD), "测试用户", units
                .findByName(DemoOrganization.SUZHOU_FINANCE).orElseThrow().id(), EnumSet.of(Role.FILER));
        if (!mustChange) {
            account.waivePasswordChange();
        }
        accounts.save(account);
        return username;
    }
}
