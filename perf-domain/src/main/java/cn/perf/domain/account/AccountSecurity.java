package cn.perf.domain.account;

import cn.perf.domain.shared.DomainEventPublisher;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.shared.Violation;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use cases of account security: one's own password change, lockout after repeated failed sign-ins, and the
 * security administrator's unlock. Publishes {@link AccountEvent}s. The {@link Lockout} and {@link PasswordPolicy}
 * values come from the application's configuration.
 */
@Named
public class AccountSecurity {

    /** Lock after {@code maxFailures} failed sign-ins in a row, for {@code duration}. */
    public record Lockout(int maxFailures, Duration duration) {
        public Lockout {
            if (maxFailures < 1 || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("maxFailures >= 1 and a positive duration");
            }
        }
    }

    /** Your own password change, as the form sends it. */
    public record ChangeOwnPassword(String username, String currentPassword, String newPassword,
                                    String repeatPassword) {
        @Override
        public String toString() {
            return "ChangeOwnPassword[" + username + "]";
        }
    }

    private final UserAccounts accounts;
    private final AccountLocks locks;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Lockout lockout;
    private final DomainEventPublisher events;
    private final Clock clock;

    @Inject
    public AccountSecurity(UserAccounts accounts, AccountLocks locks, PasswordHasher hasher, PasswordPolicy policy,
                           Lockout lockout, DomainEventPublisher events) {
        this(accounts, locks, hasher, policy, lockout, events, Clock.systemUTC());
    }

    public AccountSecurity(UserAccounts accounts, AccountLocks locks, PasswordHasher hasher, PasswordPolicy policy,
                           Lockout lockout, DomainEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.locks = locks;
        this.hasher = hasher;
        this.policy = policy;
        this.lockout = lockout;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Changes the signed-in user's password: the current one must match, the new one must meet the policy, differ
     * from the current one and be repeated identically. All violations at once, on the form's fields
     * ({@code currentPassword}, {@code newPassword}, {@code repeatPassword}).
     */
    @Transactional
    public void changeOwnPassword(ChangeOwnPassword command) {
        UserAccount account = accounts.findByUsername(command.username())
                .orElseThrow(() -> new NotFoundException("用户不存在：" + command.username()));
        List<Violation> violations = new ArrayList<>();
        if (command.currentPassword() == null || command.currentPassword().isEmpty()
                || !hasher.matches(command.currentPassword(), account.passwordHash())) {
            violations.add(Violation.of("currentPassword", "password.currentWrong", "当前密码不正确"));
        }
        violations.addAll(policy.check("newPassword", account.username(), command.newPassword()));
        if (command.newPassword() != null && !command.newPassword().isEmpty()
                && command.currentPassword() != null && command.newPassword().equals(command.currentPassword())) {
            violations.add(Violation.of("newPassword", "password.sameAsCurrent", "新密码不能与当前密码相同"));
        }
        if (command.repeatPassword() == null || !command.repeatPassword().equals(command.newPassword())) {
            violations.add(Violation.of("repeatPassword", "password.repeatMismatch", "两次输入的新密码不一致"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        account.setPassword("newPassword", command.newPassword(), policy, hasher, false);
        accounts.save(account);
        events.publish(new AccountEvent(clock.instant(), account.username(), AccountEvent.PASSWORD_CHANGED,
                account.username(), Map.of("by", "self")));
    }

    /**
     * Replaces a stored hash by one of the current algorithm, made at sign-in from the password that was just
     * verified (an old plain-BCrypt hash becomes {@code {bcrypt}…}). The password itself does not change.
     */
    @Transactional
    public void upgradeHash(String username, String newHash) {
        accounts.findByUsername(username).ifPresent(account -> {
            account.changePassword(newHash);
            accounts.save(account);
        });
    }

    /** A failed sign-in for {@code username}; locks the account at the configured count. */
    @Transactional
    public Optional<Instant> signInFailed(String username) {
        Instant now = clock.instant();
        Optional<Instant> lockedUntil = locks.recordFailure(username, lockout.maxFailures(), lockout.duration(), now);
        lockedUntil.ifPresent(until -> {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("failedLogins", String.valueOf(lockout.maxFailures()));
            details.put("lockedUntil", until.toString());
            events.publish(new AccountEvent(now, "system", AccountEvent.LOCKED, username, details));
        });
        return lockedUntil;
    }

    /** A successful sign-in: the count of failures starts again. */
    @Transactional
    public void signInSucceeded(String username) {
        locks.recordSuccess(username);
    }

    /** The security administrator lifts a lock; returns whether there was one. */
    @Transactional
    public boolean unlock(String username, String securityAdmin) {
        boolean unlocked = locks.unlock(username, clock.instant());
        if (unlocked) {
            events.publish(new AccountEvent(clock.instant(), securityAdmin, AccountEvent.UNLOCKED, username,
                    Map.of()));
        }
        return unlocked;
    }

    public List<AccountLocks.Lock> lockedAccounts() {
        return locks.lockedAt(clock.instant());
    }

    public Lockout lockout() {
        return lockout;
    }
}
