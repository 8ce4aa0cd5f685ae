package cn.perf.web.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code perf.security.*}: lockout after {@code lockout.max-failures} failed sign-ins for {@code lockout.duration}
 * (5, 30 minutes), at most {@code max-sessions-per-user} sessions per user (1: a new login ends the older session),
 * and whether accounts flagged "must change password" are sent to the change page ({@code enforce-password-change};
 * unset: yes, except in demo mode).
 */
@ConfigurationProperties("perf.security")
record SecurityProperties(@DefaultValue Lockout lockout, @DefaultValue("1") int maxSessionsPerUser,
                          Boolean enforcePasswordChange) {

    record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("30m") Duration duration) {
    }
}
