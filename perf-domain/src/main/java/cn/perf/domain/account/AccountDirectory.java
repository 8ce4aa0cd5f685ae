package cn.perf.domain.account;

import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Use case: look up accounts for sign-in and for showing who is signed in. */
@Named
public class AccountDirectory {

    private final UserAccounts accounts;
    private final BudgetUnits units;

    public AccountDirectory(UserAccounts accounts, BudgetUnits units) {
        this.accounts = accounts;
        this.units = units;
    }

    @Transactional
    public Optional<LoginAccount> findLogin(String username) {
        return accounts.findByUsername(username)
                .map(a -> new LoginAccount(a.username(), a.passwordHash(), a.enabled(), a.roles(),
                        a.mustChangePassword(), a.lockedUntil()));
    }

    @Transactional
    public Optional<AccountProfile> profile(String username) {
        return accounts.findByUsername(username).map(account -> {
            BudgetUnit unit = units.findById(account.unitId())
                    .orElseThrow(() -> new IllegalStateException("用户所属单位不存在：" + account.unitId()));
            return new AccountProfile(account.username(), account.displayName(), account.roles(), unit.id(),
                    unit.code(), unit.name(), unit.kind(), unit.region());
        });
    }
}
