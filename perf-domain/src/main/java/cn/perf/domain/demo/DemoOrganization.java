package cn.perf.domain.demo;

import cn.perf.domain.account.PasswordHasher;
import cn.perf.domain.account.Role;
import cn.perf.domain.account.UserAccount;
import cn.perf.domain.account.UserAccounts;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;

/**
 * Demo organizations (the four units of the seed forms, their finance bureaus) and one demo user per role,
 * all with the password {@link #DEMO_PASSWORD}. Unit names and codes are as the seed forms print them;
 * 苏州市信息中心 and 济宁市高新区综合行政执法局 print no code, so they have none.
 */
@Named
public class DemoOrganization implements DemoDataSet {

    public static final String DEMO_PASSWORD = "Demo@2026";

    public static final String SUZHOU = "苏州市";
    public static final String JINING = "济宁市";
    public static final String SUZHOU_FINANCE = "苏州市财政局";
    public static final String JINING_FINANCE = "济宁市财政局";
    public static final String CHENGGUAN = "苏州市城市管理局";
    public static final String ZHUJIAN = "苏州市住房和城乡建设局";
    public static final String XINXI = "苏州市信息中心";
    public static final String JINING_ZHIFA = "济宁市高新区综合行政执法局";

    /** A demo login: user name, display name, unit name, roles. */
    public record DemoLogin(String username, String displayName, String unitName, EnumSet<Role> roles) {
    }

    /** Every demo login, in the order README lists them. */
    public static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("admin", "系统管理员（演示）", SUZHOU_FINANCE, EnumSet.of(Role.SYSTEM_ADMIN)),
            new DemoLogin("security", "安全管理员（演示）", SUZHOU_FINANCE, EnumSet.of(Role.SECURITY_ADMIN)),
            new DemoLogin("auditor", "审计管理员（演示）", SUZHOU_FINANCE, EnumSet.of(Role.AUDIT_ADMIN)),
            new DemoLogin("finance", "财政局审核人（演示）", SUZHOU_FINANCE, EnumSet.of(Role.FINANCE_REVIEWER)),
            new DemoLogin("finance-jining", "济宁财政审核人（演示）", JINING_FINANCE,
                    EnumSet.of(Role.FINANCE_REVIEWER)),
            new DemoLogin("reviewer-001239", "城管局主管部门审核人（演示）", CHENGGUAN,
                    EnumSet.of(Role.DEPARTMENT_REVIEWER)),
            new DemoLogin("leader-001239", "城管局单位负责人（演示）", CHENGGUAN, EnumSet.of(Role.UNIT_LEADER)),
            new DemoLogin("filer-001239", "城管局填报人（演示）", CHENGGUAN, EnumSet.of(Role.FILER)),
            new DemoLogin("filer-001276", "住建局填报人（演示）", ZHUJIAN, EnumSet.of(Role.FILER)),
            new DemoLogin("filer-xxzx", "信息中心填报人（演示）", XINXI, EnumSet.of(Role.FILER)),
            new DemoLogin("filer-jining", "济宁执法局填报人（演示）", JINING_ZHIFA, EnumSet.of(Role.FILER)));

    private final BudgetUnits units;
    private final UserAccounts accounts;
    private final PasswordHasher hasher;

    public DemoOrganization(BudgetUnits units, UserAccounts accounts, PasswordHasher hasher) {
        this.units = units;
        this.accounts = accounts;
        this.hasher = hasher;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    @Transactional
    public void loadIfAbsent() {
        BudgetUnit suzhouFinance = unit(BudgetUnit.financeBureau(SUZHOU_FINANCE, SUZHOU));
        BudgetUnit jiningFinance = unit(BudgetUnit.financeBureau(JINING_FINANCE, JINING));
        unit(BudgetUnit.department("001239", CHENGGUAN, suzhouFinance.id(), SUZHOU));
        unit(BudgetUnit.department("001276", ZHUJIAN, suzhouFinance.id(), SUZHOU));
        unit(BudgetUnit.department(null, XINXI, suzhouFinance.id(), SUZHOU));
        unit(BudgetUnit.department(null, JINING_ZHIFA, jiningFinance.id(), JINING));

        for (DemoLogin login : LOGINS) {
            if (accounts.existsByUsername(login.username())) {
                continue;
            }
            BudgetUnit unit = units.findByName(login.unitName()).orElseThrow();
            accounts.save(UserAccount.open(login.username(), hasher.hash(DEMO_PASSWORD), login.displayName(),
                    unit.id(), login.roles()));
        }
    }

    private BudgetUnit unit(BudgetUnit wanted) {
        return units.findByName(wanted.name()).orElseGet(() -> units.save(wanted));
    }
}
