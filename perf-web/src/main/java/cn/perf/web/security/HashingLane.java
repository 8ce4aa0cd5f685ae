package cn.perf.web.security;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>The hashing runs on the lane's own threads ({@code perf-hashing-N}, normal priority), the request thread waiting
 * for it: so that an operator can give the lane a larger share of a busy node's cores than any one request thread
 * gets. With {@code -XX:ThreadPriorityPolicy=1} the JVM maps Java thread priorities to Linux nice values, and the
 * request threads run at {@code perf.server.request-thread-priority} (default 1: nice 4, or what
 * {@code -XX:JavaPriority1_To_OSPriority} says) while the lane stays at nice 0. Without that flag priorities are
 * ignored on Linux and the lane's threads share the cores as the request threads do. (Lowering a thread's priority
 * needs no privilege; raising one would, which is why the request threads are lowered rather than the lane raised.)
 * A permit is held until the hashing is done, also when the waiting request has given up (interrupted): the lane never
 * runs more than {@code threads} at once.
 */
final class HashingLane implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore permits;
    private final long waitNanos;
    /** As many threads as permits, so a permit's holder never waits for one; idle ones end after a minute. */
    private final ThreadPoolExecutor lane;

    HashingLane(PasswordEncoder delegate, int threads, Duration wait) {
        if (threads < 1) {
            throw new IllegalArgumentException("perf.security.hashing-threads must be at least 1, got " + threads);
        }
        this.delegate = delegate;
        this.permits = new Semaphore(threads, true);
        this.waitNanos = wait.toNanos();
        AtomicInteger n = new AtomicInteger();
        this.lane = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "perf-hashing-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY);
            return t;
        });
        this.lane.allowCoreThreadTimeOut(true);
    }

    /** Half of the cores, at least one: the other half stays with the pages. */
    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return inLane(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return inLane(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** Waits for a permit (up to the lane's wait), then runs {@code hashing} on a lane thread and waits for it. */
    private <T> T inLane(Callable<T> hashing) {
        enter();
        Future<T> result;
        try {
            result = lane.submit(() -> {
                try {
                    return hashing.call();
                } finally {
                    permits.release();
                }
            });
        } catch (RejectedExecutionException e) {
            permits.release();
            throw new AuthenticationServiceException("系统繁忙，请稍后重试", e);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationServiceException("系统繁忙，请稍后重试", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
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
