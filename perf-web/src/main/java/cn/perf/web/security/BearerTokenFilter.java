package cn.perf.web.security;

import cn.perf.domain.apitoken.ApiTokenService;
import cn.perf.domain.shared.DomainEventPublisher;
import cn.perf.web.api.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer perf_…} on the API: the token is checked ({@link ApiTokenService#authenticate}) and
 * the request runs as its owner, for this request only (nothing is stored in a session, none is created). A request
 * that presents a bearer token is judged by that token alone, even when it also carries a session cookie: a bad
 * token is 401 with the reason (unknown, expired, revoked, account disabled), recorded in the audit log as
 * {@code api.tokenRefused}. Without a bearer token the request goes on (a browser session, or 401 at the end of the
 * chain). Not a bean: it runs in the API's security chain only.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final ApiTokenService tokens;
    private final ApiProblems problems;
    private final DomainEventPublisher events;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiTokenService tokens, ApiProblems problems, DomainEventPublisher events) {
        this.tokens = tokens;
        this.problems = problems;
        this.events = events;
    }

    /** Whether the request presents a bearer token (then CSRF does not apply: no browser adds this header itself). */
    static boolean presentsBearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!presentsBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String presented = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
        ApiTokenService.Check check = tokens.authenticate(presented);
        if (!check.valid()) {
            refuse(request, response, check);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(check.username(), check.tokenId(), check.keyId()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ApiTokenService.Check check)
            throws IOException {
        String kind = switch (check.outcome()) {
            case EXPIRED -> "token-expired";
            case REVOKED -> "token-revoked";
            case ACCOUNT_DISABLED -> "account-disabled";
            default -> "invalid-token";
        };
        Map<String, String> details = new LinkedHashMap<>();
        details.put("method", request.getMethod());
        details.put("path", request.getRequestURI().substring(request.getContextPath().length()));
        details.put("reason", check.outcome().name());
        if (check.keyId() != null) {
            details.put("keyId", check.keyId());
        }
        events.publish(new ApiCalls.TokenRefused(Instant.now(),
                check.username() == null ? "anonymous" : check.username(),
                check.keyId() == null ? "-" : check.keyId(), details));
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"perf\", error=\"invalid_token\"");
        problems.write(response, problems.of(HttpStatus.UNAUTHORIZED, kind, request));
    }
}
