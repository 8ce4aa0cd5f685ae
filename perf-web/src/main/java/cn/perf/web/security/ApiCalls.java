package cn.perf.web.security;

import cn.perf.domain.shared.DomainEvent;
import cn.perf.domain.shared.DomainEventPublisher;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every authorized call of {@code /api/**}, reads included, becomes one audit entry {@code api.called}: who, the
 * method and path (with the query), the answer's status, and how the caller signed in ({@code token} with the token's
 * key id, or {@code session}). Reads are recorded too, unlike a person's page views: a program's reads are bulk
 * copies of forms, which an auditor must be able to trace to a token. What a write changed is in its own entries
 * (the use cases' events, in the write's transaction); this entry is written after the answer, in its own
 * transaction. Refusals are recorded where they happen: 401 of a token as {@code api.tokenRefused}, 403 as
 * {@code access.refused}. Not a bean: it runs in the API's security chain, after the URL rules.
 */
class ApiCalls extends OncePerRequestFilter {

    private final DomainEventPublisher events;

    ApiCalls(DomainEventPublisher events) {
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            chain.doFilter(request, response);
            return;
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("method", request.getMethod());
            details.put("path", request.getQueryString() == null ? path : path + "?" + request.getQueryString());
            details.put("status", String.valueOf(status));
            if (who instanceof ApiTokenAuthentication token) {
                details.put("via", "token");
                details.put("keyId", token.keyId());
            } else {
                details.put("via", "session");
            }
            events.publish(new Called(Instant.now(), who == null ? "anonymous" : who.getName(), path, details));
        }
    }

    /** {@code api.called}: one authorized call of the API and its status. */
    record Called(Instant occurredAt, String actor, String subjectId, Map<String, String> details)
            implements DomainEvent {

        @Override
        public String action() {
            return "api.called";
        }

        @Override
        public String subjectType() {
            return "request";
        }
    }

    /** {@code api.tokenRefused}: a bearer token was refused (401); subject: the presented key id. */
    record TokenRefused(Instant occurredAt, String actor, String subjectId, Map<String, String> details)
            implements DomainEvent {

        @Override
        public String action() {
            return "api.tokenRefused";
        }

        @Override
        public String subjectType() {
            return "apiToken";
        }
    }
}
