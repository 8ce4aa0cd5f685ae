package cn.perf.web.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code perf.security.*}: lockout after {@code lockout.max-failures} failed sign-ins for {@code lockout.duration}
 * (5, 30 minutes), at most {@code max-sessions-per-user} sessions per user (1: a new login ends the older session),
 * and whether accounts flagged "must change password" are sent to the change page ({@code enforce-password-change};
 * unset: yes, except in demo mode). {@code login-throttle.*}: how many sign-ins one node checks at once and how many wait
 * ({@link LoginThrottle}).
 */
@ConfigurationProperties("perf.security")
record SecurityProperties(@DefaultValue Lockout lockout, @DefaultValue("1") int maxSessionsPerUser,
                          Boolean enforcePasswordChange, @DefaultValue LoginThrottle loginThrottle) {

    record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("30m") Duration duration) {
    }

    /**
     * At most {@code maxConcurrent} sign-ins checked at once on this node (0: four per core), at most
     * {@code maxWaiting} more waiting (-1: half of Tomcat's request threads, leaving a quarter to pages), each at most
     * {@code maxWait}; the rest get 429 with {@code Retry-After}.
     */
    record LoginThrottle(@DefaultValue("true") boolean enabled, @DefaultValue("0") int maxConcurrent,
                         @DefaultValue("-1") int maxWaiting, @DefaultValue("30s") Duration maxWait,
                         @DefaultValue("5s") Duration retryAfter) {
    }
}
