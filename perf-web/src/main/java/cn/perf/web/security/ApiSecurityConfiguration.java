package cn.perf.web.security;

import cn.perf.domain.account.Role;
import cn.perf.domain.apitoken.ApiTokenService;
import cn.perf.domain.shared.DomainEventPublisher;
import cn.perf.web.api.ApiBodyLimit;
import cn.perf.web.api.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.session.ConcurrentSessionFilter;

/**
 * The security chain of the JSON API ({@code /api/**}) and its OpenAPI document ({@code /v3/api-docs}, also as
 * {@code .yaml}), ahead of
 * the pages' chain ({@link SecurityConfiguration}). Two ways in:
 * <ul>
 *   <li>{@code Authorization: Bearer <token>} ({@link BearerTokenFilter}): stateless — no session is read, created
 *       or changed — and no CSRF token, since no browser sends that header by itself;</li>
 *   <li>the browser's session, for the pages' own scripts: with CSRF on every write (header {@code X-CSRF-TOKEN}),
 *       the same one-session-per-user rule as the pages (a session ended by a newer sign-in is refused here too), and
 *       an account that must change its password is refused until it has.</li>
 * </ul>
 * The URL rules are the pages' ({@link CurrentRoles}: the roles the account holds now, read on each request), the
 * data scope is the pages' (the same {@code Scope} argument); refusals are problem details: 401 without (valid)
 * credentials, 403 for a role that may not use the endpoint ({@code access.refused} in the audit log, like a page).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    /** The business roles: those of the declaration and evaluation pages. */
    private static final Role[] FORM_ROLES = {Role.FILER, Role.UNIT_LEADER, Role.DEPARTMENT_REVIEWER,
            Role.FINANCE_REVIEWER};

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, CurrentRoles roles, ApiTokenService tokens,
                                               ApiProblems problems, DomainEventPublisher events,
                                               SessionRegistry sessionRegistry) throws Exception {
        http
                .securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/units/**", "/api/v1/declarations/**", "/api/v1/evaluations/**",
                                "/api/v1/scoring/**", "/api/v1/exports/**")
                        .access(roles.anyOf(FORM_ROLES[0], FORM_ROLES[1], FORM_ROLES[2], FORM_ROLES[3]))
                        .anyRequest().access(roles.signedIn()))
                // CSRF guards what a browser's session cookie may do; a request with a bearer token, or without any
                // session (nothing a forged request could borrow: it is anonymous, so 401), has none to guard
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> BearerTokenFilter.presentsBearer(request)
                        || request.getSession(false) == null))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"perf\"");
                            problems.write(response, problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    request));
                        })
                        .accessDeniedHandler(refused(problems, events)))
                // a session that a newer sign-in ended is refused here as on the pages (one session per user)
                .addFilterAfter(new ConcurrentSessionFilter(sessionRegistry, event -> problems.write(
                        event.getResponse(), problems.of(HttpStatus.UNAUTHORIZED, "session-expired",
                                event.getRequest()))), SecurityContextHolderFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, problems, events), AnonymousAuthenticationFilter.class)
                .addFilterBefore((request, response, chain) -> {
                    Authentication who = SecurityContextHolder.getContext().getAuthentication();
                    if (who != null && who.getAuthorities().stream()
                            .anyMatch(a -> PasswordChangeRequiredFilter.AUTHORITY.equals(a.getAuthority()))) {
                        problems.write((jakarta.servlet.http.HttpServletResponse) response, problems.of(
                                HttpStatus.FORBIDDEN, "password-change-required", (HttpServletRequest) request));
                        return;
                    }
                    chain.doFilter(request, response);
                }, AuthorizationFilter.class)
                .addFilterAfter(new ApiCalls(events), AuthorizationFilter.class)
                .addFilterAfter(new ApiBodyLimit(problems), ApiCalls.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; "
                                + "frame-ancestors 'none'"))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                                .maxAgeInSeconds(31_536_000)));
        return http.build();
    }

    /** 403 as a problem, recorded like a page's refusal ({@code access.refused}: who, method, path, why). */
    private static AccessDeniedHandler refused(ApiProblems problems, DomainEventPublisher events) {
        return (request, response, refused) -> {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            String actor = who == null || !who.isAuthenticated() ? "anonymous" : who.getName();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean csrf = refused instanceof CsrfException;
            Map<String, String> details = new LinkedHashMap<>();
            details.put("method", request.getMethod());
            details.put("path", path);
            details.put("reason", csrf ? "csrf" : "forbidden");
            events.publish(new AccessRefused(Instant.now(), actor, path, details));
            problems.write(response, problems.of(HttpStatus.FORBIDDEN, csrf ? "csrf" : "forbidden", request));
        };
    }
}
