package cn.perf.web.security;

import cn.perf.domain.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** {@code access.refused}: a request answered 403 (no permission, or a missing/invalid CSRF token). */
record AccessRefused(Instant occurredAt, String actor, String subjectId, Map<String, String> details)
        implements DomainEvent {

    AccessRefused {
        details = Map.copyOf(details);
    }

    @Override
    public String action() {
        return "access.refused";
    }

    @Override
    public String subjectType() {
        return "request";
    }
}
