package cn.perf.domain.account;

import java.time.Instant;
import java.util.Set;

/**
 * What sign-in needs to know about an account: a read model, not the aggregate. {@code lockedUntil} is null or in
 * the past when the account is not locked.
 */
public record LoginAccount(String username, String passwordHash, boolean enabled, Set<Role> roles,
                           boolean mustChangePassword, Instant lockedUntil) {

    public LoginAccount(String username, String passwordHash, boolean enabled, Set<Role> roles) {
        this(username, passwordHash, enabled, roles, false, null);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
