package cn.perf.web.security;

import cn.perf.domain.account.AccountSecurity;
import cn.perf.domain.account.PasswordHasher;
import cn.perf.domain.account.PasswordPolicy;
import cn.perf.domain.account.Role;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Form login against hashed accounts in the database; everything but the login page, the static assets
 * ({@code /webjars/**}, {@code /css/**}, {@code /js/**}) and health needs a login. Security controls of issue 8
 * (docs/security.md): delegating password encoder (hashing in a {@link HashingLane}), lockout (through {@link LoginAttempts}), forced password change,
 * session fixation protection and one session per user, CSRF (Spring Security's default, on every state change),
 * security headers, and {@code access.refused} events for every 403.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self'; script-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /**
     * Spring Security observes sign-ins only. Observing the filter chain wrapped each of its dozen filters in an
     * observation, and observing every authorization decision added two more per request: together about a sixth of
     * the CPU of a kept page (docs/performance.md). Without this setting the filters stay wrapped even where
     * {@code management.observations.enable.spring.security.*} switches the observations off.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .shouldObserveAuthorizations(false)
                .build();
    }

    /**
     * Static files ({@code /css}, {@code /js}, {@code /webjars}, the icon): open to all, with the security headers,
     * and never a look at the session. The session lives in PostgreSQL (cn.perf.web.session): in the main chain the
     * concurrent-session check would read it for every stylesheet and script a page loads.
     */
    @Bean
    @Order(2)
    SecurityFilterChain staticFilesFilterChain(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/css/**", "/js/**", "/webjars/**", "/favicon.ico")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // not even the check for an invalid session id, which reads the session
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(SecurityConfiguration::securityHeaders);
        return http.build();
    }

    /** The security headers of every response, pages and static files alike. */
    private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                // sent on secure requests only (TLS, or X-Forwarded-Proto: https from a trusted proxy)
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CurrentRoles roles, SecurityProperties settings,
                                            SessionRegistry sessionRegistry, AccessRefusedHandler accessRefused)
            throws Exception {
        http
                // URL rules (三员分立, DESIGN.md §4) on the roles an account holds now (CurrentRoles: read from the
                // database on each request; a disabled account is refused). First match wins.
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/actuator/health/**", "/error")
                        .permitAll()
                        .requestMatchers("/declarations/**", "/evaluations/**", "/todo", "/todo/**", "/exports",
                                "/exports/**")
                        .access(roles.anyOf(Role.FILER, Role.UNIT_LEADER, Role.DEPARTMENT_REVIEWER,
                                Role.FINANCE_REVIEWER))
                        // 导入导出: those who file forms (the import files a form of their own unit)
                        .requestMatchers("/imports", "/imports/**").access(roles.anyOf(Role.FILER, Role.UNIT_LEADER))
                        .requestMatchers("/admin/users/**", "/admin/units/**").access(roles.anyOf(Role.SYSTEM_ADMIN))
                        .requestMatchers("/admin/audit/**").access(roles.anyOf(Role.AUDIT_ADMIN))
                        .requestMatchers("/admin/security/**").access(roles.anyOf(Role.SECURITY_ADMIN))
                        .requestMatchers("/admin/deadlines/**")
                        .access(roles.anyOf(Role.FINANCE_REVIEWER, Role.SYSTEM_ADMIN))
                        .requestMatchers("/admin/**").denyAll()
                        .anyRequest().access(roles.signedIn()))
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/", true)
                        // a sign-in the hashing lane could not take in time (HashingLane) is "busy", not "wrong password"
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof org.springframework.security.authentication.AuthenticationServiceException
                                && !(e instanceof org.springframework.security.authentication
                                .InternalAuthenticationServiceException) ? "/login?busy" : "/login?error")))
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // no saved request: a sign-in always lands on the home page (above), so keeping the page an anonymous
                // visitor asked for would only start a session in PostgreSQL for each such visit (issue 12: a client
                // whose sign-in was refused made one for every page it tried)
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session
                        // a new session id at login (session fixation, ASVS V7.2.4)
                        .sessionFixation(fixation -> fixation.changeSessionId())
                        // one session per user across nodes: the registry reads Spring Session's principal-name
                        // index in PostgreSQL (cn.perf.web.session.SessionConfiguration)
                        .maximumSessions(settings.maxSessionsPerUser())
                        .maxSessionsPreventsLogin(false)
                        .sessionRegistry(sessionRegistry)
                        .expiredUrl("/login?expired"))
                .exceptionHandling(handling -> handling.accessDeniedHandler(accessRefused))
                // the token in a cookie until there is a session: the login page starts none (SignInCsrfTokens)
                .csrf(csrf -> csrf.csrfTokenRepository(new SignInCsrfTokens()))
                // before the URL rules: until the password is changed, every page (even a forbidden one) leads there
                .addFilterBefore(new PasswordChangeRequiredFilter(), AuthorizationFilter.class)
                .headers(SecurityConfiguration::securityHeaders);
        return http.build();
    }

    /**
     * A delegating encoder: new hashes are {@code {bcrypt}…}; stored hashes without an {@code {id}} prefix (all
     * hashes written before issue 8) are plain BCrypt and keep matching. A stronger algorithm later is one more
     * entry and a new default id.
     */
    @Bean
    PasswordEncoder passwordEncoder(
            @org.springframework.beans.factory.annotation.Value("${perf.security.hashing-threads:0}") int hashingThreads,
            @org.springframework.beans.factory.annotation.Value("${perf.security.hashing-wait:10s}")
            java.time.Duration hashingWait) {
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        encoders.put("bcrypt", bcrypt);
        DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder("bcrypt", encoders);
        delegating.setDefaultPasswordEncoderForMatches(bcrypt);
        // issue 12: hashing in a lane of its own, so that a login storm leaves cores to the signed-in users' pages
        return new HashingLane(delegating, hashingThreads > 0 ? hashingThreads : HashingLane.defaultThreads(),
                hashingWait);
    }

    /** The domain's port for hashing and checking passwords. */
    @Bean
    PasswordHasher passwordHasher(PasswordEncoder encoder) {
        return new PasswordHasher() {
            @Override
            public String hash(CharSequence rawPassword) {
                return encoder.encode(rawPassword);
            }

            @Override
            public boolean matches(CharSequence rawPassword, String storedHash) {
                return encoder.matches(rawPassword, storedHash);
            }
        };
    }

    @Bean
    PasswordPolicy passwordPolicy() {
        return PasswordPolicy.standard();
    }

    /** {@code perf.security.lockout.*} as the domain's value. */
    @Bean
    AccountSecurity.Lockout lockout(SecurityProperties settings) {
        return new AccountSecurity.Lockout(settings.lockout().maxFailures(), settings.lockout().duration());
    }
}
