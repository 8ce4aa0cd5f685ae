package cn.perf.domain.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** A person who signs in. Belongs to exactly one unit; holds one or more roles. Passwords are stored hashed. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_account_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 32)
    private Set<Role> roles = new HashSet<>();

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Set for accounts opened or reset by someone else: the first sign-in leads to the password-change page. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword = true;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    /** Written by {@link AccountLocks} in one SQL statement (several nodes share the database); read-only here. */
    @Column(name = "locked_until", insertable = false, updatable = false)
    private Instant lockedUntil;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UserAccount() {
        // for JPA
    }

    private UserAccount(String username, String passwordHash, String displayName, Long unitId, Set<Role> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("用户名只能包含字母、数字、点、下划线和连字符，长度 2–64：" + username);
        }
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new IllegalArgumentException("密码不能为空");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("姓名不能为空");
        }
        checkRoles(roles);
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName.strip();
        this.unitId = Objects.requireNonNull(unitId, "unitId");
        this.roles = EnumSet.copyOf(roles);
        this.createdAt = Instant.now();
    }

    /** Opens an account; {@code passwordHash} is already hashed by a {@link PasswordHasher}. */
    public static UserAccount open(String username, String passwordHash, String displayName, Long unitId,
                                   Set<Role> roles) {
        return new UserAccount(username, passwordHash, displayName, unitId, roles);
    }

    /**
     * The 等保 separation of duties (三员分立): an account holds at least one role; an administrator role
     * (系统管理员, 安全管理员, 审计管理员) is held alone — never two of them, never with a business role.
     *
     * @throws IllegalArgumentException with a Chinese message when {@code roles} break the rule
     */
    public static void checkRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("用户至少要有一个角色");
        }
        long administrators = roles.stream().filter(Role::isAdministrator).count();
        if (administrators > 1) {
            throw new IllegalArgumentException("三员分立：系统管理员、安全管理员、审计管理员不能由同一账号兼任");
        }
        if (administrators == 1 && roles.size() > 1) {
            throw new IllegalArgumentException("三员分立：管理员账号不能同时担任填报、审核等业务角色");
        }
    }

    /** Replaces the roles (checked by {@link #checkRoles}); applies from the account's next request on. */
    public void changeRoles(Set<Role> newRoles) {
        checkRoles(newRoles);
        this.roles.clear();
        this.roles.addAll(newRoles);
    }

    /** Changes the name shown in the top bar and on forms. */
    public void rename(String newDisplayName) {
        if (newDisplayName == null || newDisplayName.isBlank()) {
            throw new IllegalArgumentException("姓名不能为空");
        }
        if (newDisplayName.strip().length() > 100) {
            throw new IllegalArgumentException("姓名不能超过 100 个字");
        }
        this.displayName = newDisplayName.strip();
    }

    /** Moves the account to another unit; its scope follows from the next request on. */
    public void moveTo(Long newUnitId) {
        this.unitId = Objects.requireNonNull(newUnitId, "unitId");
    }

    /** Whether the account holds one of the three administrator roles. */
    public boolean isAdministrator() {
        return roles.stream().anyMatch(Role::isAdministrator);
    }

    /**
     * The one way to set a password from a raw value (own change, administrator's create and reset): checks it
     * against {@code policy} (all violations at once, on the form field {@code path}), hashes it and records whether
     * the owner must change it at the next sign-in ({@code true} when someone else chose it).
     *
     * @throws cn.perf.domain.shared.InvalidCommandException when the password breaks the policy; nothing changes
     */
    public void setPassword(String path, String rawPassword, PasswordPolicy policy, PasswordHasher hasher,
                            boolean mustChangeAtNextLogin) {
        var violations = policy.check(path, username, rawPassword);
        if (!violations.isEmpty()) {
            throw new cn.perf.domain.shared.InvalidCommandException(violations);
        }
        this.passwordHash = hasher.hash(rawPassword);
        this.mustChangePassword = mustChangeAtNextLogin;
        this.passwordChangedAt = Instant.now();
    }

    /** Demo accounts only (their password is published in the README): no forced change in demo mode. */
    public void waivePasswordChange() {
        this.mustChangePassword = false;
    }

    /**
     * Stores an already hashed password as is, bypassing the policy: for tests and imports of existing hashes.
     * Pages and use cases call {@link #setPassword}.
     */
    public void changePassword(String newPasswordHash) {
        if (newPasswordHash == null || newPasswordHash.isBlank()) {
            throw new IllegalArgumentException("密码不能为空");
        }
        this.passwordHash = newPasswordHash;
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public Long unitId() {
        return unitId;
    }

    public Set<Role> roles() {
        return Collections.unmodifiableSet(roles);
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    /** Until when sign-in is refused after too many failures; {@code null} or past: not locked. */
    public Instant lockedUntil() {
        return lockedUntil;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
