package cn.perf.domain.account;

import cn.perf.domain.account.AccountCommands.ChangeAccount;
import cn.perf.domain.account.AccountCommands.OpenAccount;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.organization.UnitKind;
import cn.perf.domain.shared.AdminEvent;
import cn.perf.domain.shared.DomainEventPublisher;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.shared.ResultPage;
import cn.perf.domain.shared.StaleVersionException;
import cn.perf.domain.shared.Violation;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Use cases of the user administration page (系统管理员 only; 三员分立): search, open an account, change its name,
 * unit and roles, disable / enable it, reset its password to a generated temporary one. Each change publishes an
 * {@link AdminEvent} ({@code account.created}, {@code account.changed}, {@code account.rolesChanged},
 * {@code account.disabled}, {@code account.enabled}, {@code account.passwordReset}) with the administrator as
 * actor and before/after values, never a password. A change of roles, unit or the enabled flag applies from the
 * account's next request on (the signed-in user is read from the database on every request).
 */
@Named
public class AccountAdministration {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "@#%+=!";
    private static final int TEMPORARY_LENGTH = 14;

    private final UserAccounts accounts;
    private final AccountQueries queries;
    private final BudgetUnits units;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final DomainEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    public AccountAdministration(UserAccounts accounts, AccountQueries queries, BudgetUnits units,
                                 PasswordHasher hasher, PasswordPolicy policy, DomainEventPublisher events) {
        this.accounts = accounts;
        this.queries = queries;
        this.units = units;
        this.hasher = hasher;
        this.policy = policy;
        this.events = events;
    }

    @Transactional
    public ResultPage<AccountRow> search(AccountProfile actor, AccountSearch search) {
        AdministratorRequired.check(actor, Role.SYSTEM_ADMIN);
        return queries.search(search);
    }

    @Transactional
    public AccountRow account(AccountProfile actor, Long id) {
        AdministratorRequired.check(actor, Role.SYSTEM_ADMIN);
        return queries.find(id).orElseThrow(() -> new NotFoundException("用户不存在：" + id));
    }

    /** Opens an account; returns its id. Every violation is reported at once. */
    @Transactional
    public Long open(AccountProfile actor, OpenAccount cmd) {
        AdministratorRequired.check(actor, Role.SYSTEM_ADMIN);
        List<Violation> violations = new ArrayList<>();
        if (cmd.username() == null || !USERNAME.matcher(cmd.username().strip()).matches()) {
            violations.add(Violation.of("username", "account.username.format",
                    "用户名只能包含字母、数字、点、下划线和连字符，长度 2–64"));
        } else if (accounts.existsByUsername(cmd.username().strip())) {
            violations.add(Violation.of("username", "account.username.taken", "用户名已被使用：" + cmd.username(),
                    cmd.username()));
        }
        checkName(cmd.displayName(), violations);
        BudgetUnit unit = checkUnitAndRoles(cmd.unitId(), cmd.roles(), violations);
        if (cmd.initialPassword() == null || cmd.initialPassword().isBlank()) {
            violations.add(Violation.of("initialPassword", "account.password.required", "初始密码不能为空"));
        } else {
            violations.addAll(policy.check("initialPassword",
                    cmd.username() == null ? "" : cmd.username().strip(), cmd.initialPassword()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        UserAccount account = UserAccount.open(cmd.username().strip(), "{noop}-", cmd.displayName(), unit.id(),
                cmd.roles());
        // the policy, the hash, and the change at first sign-in: an administrator chose this password
        account.setPassword("initialPassword", cmd.initialPassword(), policy, hasher, true);
        account = accounts.save(account);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("username", account.username());
        details.put("displayName", account.displayName());
        details.put("unit", unitLabel(unit));
        details.put("roles", roles(account.roles()));
        events.publish(AdminEvent.now(actor.username(), "account.created", "account", account.username(),
                details));
        return account.id();
    }

    /** Changes the display name, unit and roles of an account. */
    @Transactional
    public void change(AccountProfile actor, ChangeAccount cmd) {
        AdministratorRequired.check(actor, Role.SYSTEM_ADMIN);
        UserAccount account = load(cmd.id());
        if (account.version() != cmd.version()) {
            throw new StaleVersionException("用户", account.id(), cmd.version(), account.version());
        }
        List<Violation> violations = new ArrayList<>();
        checkName(cmd.displayName(), violations);
        BudgetUnit unit = checkUnitAndRoles(cmd.unitId(), cmd.roles(), violations);
        if (account.username().equals(actor.username()) && !cmd.roles().contains(Role.SYSTEM_ADMIN)) {
            violations.add(Violation.of("roles", "account.roles.ownAdmin", "不能撤销自己的系统管理员角色"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        Map<String, String> details = new LinkedHashMap<>();
        if (!account.displayName().equals(cmd.displayName().strip())) {
            details.put("before.displayName", account.displayName());
            details.put("after.displayName", cmd.displayName().strip());
            account.rename(cmd.displayName());
        }
        if (!account.unitId().equals(unit.id())) {
            details.put("before.unit", units.findById(account.unitId()).map(AccountAdministration::unitLabel)
                    .orElse(String.valueOf(account.unitId())));
            details.put("after.unit", unitLabel(unit));
            account.moveTo(unit.id());
        }
        Set<Role> before = EnumSet.copyOf(account.roles());
        boolean rolesChanged = !before.equals(EnumSet.copyOf(cmd.roles()));
        if (rolesChanged) {
            account.changeRoles(cmd.roles());
        }
        if (!details.isEmpty()) {
            events.publish(AdminEvent.now(actor.username(), "account.changed", "account", account.username(),
                    details));
        }
        if (rolesChanged) {
            Map<String, String> roleDetails = new LinkedHashMap<>();
            roleDetails.put("before.roles", roles(before));
            roleDetails.put("after.roles", roles(account.roles()));
            events.publish(AdminEvent.now(actor.username(), "account.rolesChanged", "account",
                    account.username(), roleDetails));
        }
    }

    /** Disables an account: its next request is refused and it cannot sign in. Not one's own account. */
    @Transactional
    public void disable(AccountProfile actor, Long id) {
        AdministratorRequired.check(actor, Role.SYSTEM_ADMIN);
        UserAccount account = load(id);
        if (account.username().equals(actor.username())) {
            throw new InvalidCommandException(List.of(Violation.of("enabled", "account.disable.self",
                    "不能停用自己的账号")));
        }
        if (!account.enabled()) {
            return;
        }
        account.disable();
        events.publish(AdminEvent.now(actor.username(), "account.disabled", "account", account.username(),
                Map.of("before.enabled", "true", "after.enabled", "false")));
    }

    @Transactional
    public void enable(AccountProfile actor, Long id) {
        AdministratorRequired.check(actor, Role.SYSTEM_ADMIN);
        UserAccount account = load(id);
        if (account.enabled()) {
            return;
        }
        account.enable();
        events.publish(AdminEvent.now(actor.username(), "account.enabled", "account", account.username(),
                Map.of("before.enabled", "false", "after.enabled", "true")));
    }

    /**
     * Sets a generated temporary password and returns it, to be shown once to the administrator; the event says
     * that a reset happened, not the password.
     */
    @Transactional
    public String resetPassword(AccountProfile actor, Long id) {
        AdministratorRequired.check(actor, Role.SYSTEM_ADMIN);
        UserAccount account = load(id);
        String temporary = temporaryPassword();
        account.setPassword("password", temporary, policy, hasher, true);
        events.publish(AdminEvent.now(actor.username(), "account.passwordReset", "account", account.username(),
                Map.of("temporary", "true")));
        return temporary;
    }

    String temporaryPassword() {
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        List<Character> chars = new ArrayList<>();
        chars.add(pick(UPPER));
        chars.add(pick(LOWER));
        chars.add(pick(DIGITS));
        chars.add(pick(SYMBOLS));
        while (chars.size() < TEMPORARY_LENGTH) {
            chars.add(pick(all));
        }
        java.util.Collections.shuffle(chars, random);
        return chars.stream().map(String::valueOf).collect(Collectors.joining());
    }

    private char pick(String from) {
        return from.charAt(random.nextInt(from.length()));
    }

    private UserAccount load(Long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("用户不存在：" + id));
    }

    private static void checkName(String displayName, List<Violation> violations) {
        if (displayName == null || displayName.isBlank()) {
            violations.add(Violation.of("displayName", "account.displayName.required", "姓名不能为空"));
        } else if (displayName.strip().length() > 100) {
            violations.add(Violation.of("displayName", "account.displayName.tooLong", "姓名不能超过 100 个字"));
        }
    }

    /**
     * The unit must exist; the roles must keep 三员分立 and fit the unit: a 财政局审核人 sits in a 财政局, a 主管部门
     * 审核人 in a 主管部门.
     */
    private BudgetUnit checkUnitAndRoles(Long unitId, Set<Role> roles, List<Violation> violations) {
        BudgetUnit unit = unitId == null ? null : units.findById(unitId).orElse(null);
        if (unit == null) {
            violations.add(Violation.of("unitId", "account.unit.required", "请选择所属单位"));
        }
        try {
            UserAccount.checkRoles(roles);
        } catch (IllegalArgumentException e) {
            violations.add(Violation.of("roles", roles.isEmpty() ? "account.roles.required"
                    : "account.roles.separation", e.getMessage()));
        }
        if (unit != null && roles.contains(Role.FINANCE_REVIEWER) && unit.kind() != UnitKind.FINANCE_BUREAU) {
            violations.add(Violation.of("roles", "account.roles.financeUnit", "财政局审核人必须属于财政局"));
        }
        if (unit != null && roles.contains(Role.DEPARTMENT_REVIEWER) && unit.kind() != UnitKind.DEPARTMENT) {
            violations.add(Violation.of("roles", "account.roles.departmentUnit", "主管部门审核人必须属于主管部门"));
        }
        return unit;
    }

    private static String unitLabel(BudgetUnit unit) {
        return unit.region() + " " + (unit.code() == null ? "" : unit.code() + " ") + unit.name();
    }

    private static String roles(Set<Role> roles) {
        return new TreeSet<>(roles.stream().map(Role::name).toList()).stream().collect(Collectors.joining(","));
    }
}
