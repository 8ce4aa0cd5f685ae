package cn.perf.domain.audit;

import cn.perf.domain.shared.DomainEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is appended to the audit log: who ({@code actor}), when, from which address, what ({@code action}), on which
 * subject, and the facts (before/after values, a comment, a reason). The time is kept to the microsecond, as
 * PostgreSQL stores it, so the hash over it is the same before and after storing.
 *
 * @param address the client's IP address, or null for scheduled jobs and start-up tasks
 */
public record AuditRecord(Instant occurredAt, String actor, String address, String action, String subjectType,
                          String subjectId, Map<String, String> details) {

    /** Longest stored actor, action, subject type or id; a longer one (a typed user name, say) is cut. */
    public static final int SHORT_MAX = 200;

    public AuditRecord {
        java.util.Objects.requireNonNull(occurredAt, "occurredAt");
        java.util.Objects.requireNonNull(action, "action");
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * The record as it is stored and hashed: the time to the microsecond, a blank actor as {@code anonymous}, blank
     * optional fields as null, over-long short fields cut, null detail values as empty text. Stored entries are read
     * back as they are (never normalized), so that a changed value can never normalize back to the hashed one.
     */
    public AuditRecord normalized() {
        Map<String, String> copy = new LinkedHashMap<>();
        details.forEach((k, v) -> copy.put(String.valueOf(k), v == null ? "" : v));
        return new AuditRecord(occurredAt.truncatedTo(ChronoUnit.MICROS),
                cut(actor == null || actor.isBlank() ? "anonymous" : actor),
                address == null || address.isBlank() ? null : cut(address.strip()), cut(action),
                subjectType == null || subjectType.isBlank() ? null : cut(subjectType),
                subjectId == null || subjectId.isBlank() ? null : cut(subjectId), copy);
    }

    /** The record of a domain event, seen from {@code address}. */
    public static AuditRecord of(DomainEvent event, String address) {
        return new AuditRecord(event.occurredAt() == null ? Instant.now() : event.occurredAt(), event.actor(),
                address, event.action(), event.subjectType(), event.subjectId(), event.details()).normalized();
    }

    private static String cut(String s) {
        return s.length() <= SHORT_MAX ? s : s.substring(0, SHORT_MAX);
    }
}
