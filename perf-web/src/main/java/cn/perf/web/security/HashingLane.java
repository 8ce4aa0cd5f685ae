package cn.perf.web.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing in a lane of its own (issue 12, deadline week): at most {@code threads} BCrypt computations run at
 * once on this node, the others wait their turn (up to {@code wait}). A BCrypt check costs about 60–80 ms of CPU on the
 * reference machine (cost 10); when every unit of a city logs in at once, unbounded hashing on every Tomcat thread
 * took half of the app's CPU and made every logged-in user's page wait for a core (JFR, docs/performance.md). With the
 * lane, logins queue among themselves and the pages of the users already signed in keep the other cores.
 *
 * <p>A login that waits longer than {@code wait} is refused as a service problem (Spring Security's
 * {@link AuthenticationServiceException}: the login page says 系统繁忙 ({@code /login?busy}, not the wrong-password
 * message), and it is not counted as a wrong password, so no lockout).
 * The lane is per node and holds no state a second node would need.
 */
final class HashingLane implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore permits;
    private final long waitNanos;

    HashingLane(PasswordEncoder delegate, int threads, Duration wait) {
        if (threads < 1) {
            throw new IllegalArgumentException("perf.security.hashing-threads must be at least 1, got " + threads);
        }
        this.delegate = delegate;
        this.permits = new Semaphore(threads, true);
        this.waitNanos = wait.toNanos();
    }

    /** Half of the cores, at least one: the other half stays with the pages. */
    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        enter();
        try {
            return delegate.encode(rawPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        enter();
        try {
            return delegate.matches(rawPassword, encodedPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private void enter() {
        try {
            if (!permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new AuthenticationServiceException("系统繁忙，请稍后重试");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationServiceException("系统繁忙，请稍后重试", e);
        }
    }

    int available() {
        return permits.availablePermits();
    }
}
