package cn.perf.domain.shared;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An administrator's change (an account created, disabled, its roles changed, a password reset, a unit created or
 * changed), as the {@link DomainEvent} the audit log records. {@link #details} keeps before/after values in a
 * stable order; it never carries a password.
 */
public record AdminEvent(Instant occurredAt, String actor, String action, String subjectType, String subjectId,
                         Map<String, String> details) implements DomainEvent {

    public AdminEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static AdminEvent now(String actor, String action, String subjectType, String subjectId,
                                 Map<String, String> details) {
        return new AdminEvent(Instant.now(), actor, action, subjectType, subjectId, details);
    }
}
