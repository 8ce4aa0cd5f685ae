package cn.perf.domain.demo;

import cn.perf.domain.account.PasswordHasher;
import cn.perf.domain.account.Role;
import cn.perf.domain.account.UserAccount;
import cn.perf.domain.account.UserAccounts;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.organization.UnitKind;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;

/**
 * Demo organizations (the four units of the seed forms, their finance bureaus, the departments above them) and
 * demo users for every role, all with the password {@link #DEMO_PASSWORD}. Unit names and codes are as the seed
 * forms print them; 苏州市信息中心 and 济宁市高新区综合行政执法局 print no code, so they have none. The hierarchy:
 * <pre>
 * 苏州市财政局 (财政局)
 *   001239 苏州市城市管理局, 001276 苏州市住房和城乡建设局 (主管部门, each files its own forms)
 *   苏州市大数据管理局 (主管部门; seed 002 names it as the organiser of 电子政务 projects)
 *     苏州市信息中心 (预算单位, seed 002), 苏州市电子政务服务中心 (预算单位, made up for the demo)
 * 济宁市财政局 (财政局)
 *   济宁高新技术产业开发区管理委员会 (主管部门, made up for the demo: seed 003 prints no 主管部门)
 *     济宁市高新区综合行政执法局 (预算单位, seed 003)
 * </pre>
 * Databases loaded by an earlier version had 苏州市信息中心 and 济宁市高新区综合行政执法局 as 主管部门 directly under
 * their 财政局; loading moves them under their departments (only from exactly that old shape, so an
 * administrator's later changes are kept).
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
    public static final String DASHUJU = "苏州市大数据管理局";
    public static final String DIANZI_ZHENGWU = "苏州市电子政务服务中心";
    public static final String JINING_GAOXIN = "济宁高新技术产业开发区管理委员会";

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
            new DemoLogin("filer-jining", "济宁执法局填报人（演示）", JINING_ZHIFA, EnumSet.of(Role.FILER)),
            new DemoLogin("reviewer-dsj", "大数据管理局主管部门审核人（演示）", DASHUJU,
                    EnumSet.of(Role.DEPARTMENT_REVIEWER)),
            new DemoLogin("filer-dzzw", "电子政务服务中心填报人（演示）", DIANZI_ZHENGWU, EnumSet.of(Role.FILER)),
            new DemoLogin("reviewer-jining", "济宁高新区主管部门审核人（演示）", JINING_GAOXIN,
                    EnumSet.of(Role.DEPARTMENT_REVIEWER)));

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
        BudgetUnit dashuju = unit(BudgetUnit.department(null, DASHUJU, suzhouFinance.id(), SUZHOU));
        underDepartment(unit(BudgetUnit.budgetUnit(null, XINXI, dashuju.id(), SUZHOU)), suzhouFinance, dashuju);
        unit(BudgetUnit.budgetUnit(null, DIANZI_ZHENGWU, dashuju.id(), SUZHOU));
        BudgetUnit gaoxin = unit(BudgetUnit.department(null, JINING_GAOXIN, jiningFinance.id(), JINING));
        underDepartment(unit(BudgetUnit.budgetUnit(null, JINING_ZHIFA, gaoxin.id(), JINING)), jiningFinance, gaoxin);

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
        return units.findByRegionAndName(wanted.region(), wanted.name()).orElseGet(() -> units.save(wanted));
    }

    /** Moves a unit of the earlier demo shape (a 主管部门 right under the 财政局) under its department. */
    private static void underDepartment(BudgetUnit unit, BudgetUnit bureau, BudgetUnit department) {
        if (unit.kind() == UnitKind.DEPARTMENT && bureau.id().equals(unit.parentId())) {
            unit.change(unit.code(), unit.name(), UnitKind.BUDGET_UNIT, department.id(), unit.region());
        }
    }
}
