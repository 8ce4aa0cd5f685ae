package cn.perf.domain.apitoken;

import cn.perf.domain.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/**
 * A personal API token was created or revoked ({@code apiToken.created}, {@code apiToken.revoked}). Subject: the
 * token's id. Details: its name, key id and expiry, never the secret or its digest.
 */
public record ApiTokenEvent(Instant occurredAt, String actor, String action, String subjectId,
                            Map<String, String> details) implements DomainEvent {

    public static final String CREATED = "apiToken.created";
    public static final String REVOKED = "apiToken.revoked";

    public ApiTokenEvent {
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    @Override
    public String subjectType() {
        return "apiToken";
    }
}
