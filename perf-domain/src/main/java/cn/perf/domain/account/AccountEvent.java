package cn.perf.domain.account;

import cn.perf.domain.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/**
 * What happened to an account's security: {@code account.locked}, {@code account.unlocked},
 * {@code account.passwordChanged}. Subject: the account's user name. Details never carry a password or a hash.
 */
public record AccountEvent(Instant occurredAt, String actor, String action, String subjectId,
                           Map<String, String> details) implements DomainEvent {

    public static final String LOCKED = "account.locked";
    public static final String UNLOCKED = "account.unlocked";
    public static final String PASSWORD_CHANGED = "account.passwordChanged";

    public AccountEvent {
        details = Map.copyOf(details);
    }

    @Override
    public String subjectType() {
        return "account";
    }
}
