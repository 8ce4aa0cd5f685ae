package cn.perf.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Issue 12: password hashing runs at most N at once; a login that waits too long is a service error, not a wrong password. */
class HashingLaneTest {

    /** An encoder that counts how many run at once and holds each call until released. */
    static class Slow implements PasswordEncoder {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String encode(CharSequence raw) {
            return "x" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return encoded.equals("x" + raw);
        }
    }

    /** Waits (at most 10 s) until {@code n} checks are inside the encoder: a condition, not a guess at timing. */
    private static void awaitRunning(Slow slow, int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> slow.running.get() >= n);
    }

    @Test
    void atMostThatManyHashAtOnceAndTheOthersWaitTheirTurn() throws Exception {
        Slow slow = new Slow();
        HashingLane lane = new HashingLane(slow, 2, Duration.ofSeconds(10));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> logins = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                logins.add(pool.submit(() -> lane.matches("Demo@2026", "xDemo@2026")));
            }
            awaitRunning(slow, 2);
            assertThat(slow.running.get()).isEqualTo(2);
            slow.release.countDown();
            for (Future<Boolean> f : logins) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(slow.most.get()).isEqualTo(2);
            assertThat(lane.available()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLoginThatWaitsTooLongIsRefusedAsBusyNotAsAWrongPassword() throws Exception {
        Slow slow = new Slow();
        HashingLane lane = new HashingLane(slow, 1, Duration.ofMillis(200));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> first = pool.submit(() -> lane.matches("a", "xa"));
            awaitRunning(slow, 1);
            assertThatThrownBy(() -> lane.matches("b", "xb")).isInstanceOf(AuthenticationServiceException.class)
                    .hasMessageContaining("系统繁忙");
            slow.release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(lane.available()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The hashing runs on the lane's own threads at normal priority, not on the (lower-priority) request thread; a
     * request that gives up waiting (interrupted) leaves its permit held until the hashing it started is done.
     */
    @Test
    void hashingRunsOnTheLanesOwnThreadsAndAPermitIsHeldUntilItsHashingEnds() throws Exception {
        List<Thread> hashedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        Slow slow = new Slow() {
            @Override
            public boolean matches(CharSequence raw, String encoded) {
                hashedOn.add(Thread.currentThread());
                return super.matches(raw, encoded);
            }
        };
        HashingLane lane = new HashingLane(slow, 1, Duration.ofSeconds(10));
        Thread request = new Thread(() -> {
            try {
                lane.matches("a", "xa");
            } catch (AuthenticationServiceException expected) {
                // interrupted while waiting: refused as busy
            }
        }, "http-nio-test-exec-1");
        request.setPriority(Thread.MIN_PRIORITY);
        request.start();
        awaitRunning(slow, 1);
        assertThat(hashedOn).hasSize(1);
        assertThat(hashedOn.get(0)).isNotSameAs(request);
        assertThat(hashedOn.get(0).getName()).startsWith("perf-hashing-");
        assertThat(hashedOn.get(0).getPriority()).isEqualTo(Thread.NORM_PRIORITY);

        request.interrupt();
        request.join(10_000);
        assertThat(request.isAlive()).isFalse();
        assertThat(lane.available()).as("the hashing still runs: its permit is held").isZero();
        slow.release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> lane.available() == 1);
    }

    @Test
    void realBcryptStillMatchesThroughTheLane() {
        HashingLane lane = new HashingLane(new BCryptPasswordEncoder(4), HashingLane.defaultThreads(),
                Duration.ofSeconds(5));
        String hash = lane.encode("Demo@2026");
        assertThat(lane.matches("Demo@2026", hash)).isTrue();
        assertThat(lane.matches("wrong", hash)).isFalse();
    }
}
