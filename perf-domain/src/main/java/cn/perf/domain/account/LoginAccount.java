package cn.perf.domain.account;

import java.util.Set;

/** What sign-in needs to know about an account: a read model, not the aggregate. */
public record LoginAccount(String username, String passwordHash, boolean enabled, Set<Role> roles) {
}
