package cn.perf.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sign-in gate alone: so many at once, so many waiting for a bounded time, everybody else refused at once. */
class LoginThrottleGateTest {

    @Test
    void beyondTheHoldersAndTheWaitingASignInIsRefusedAtOnce() throws Exception {
        LoginThrottle.Gate gate = new LoginThrottle.Gate(1, 1, Duration.ofSeconds(5));
        assertThat(gate.tryEnter()).isTrue();

        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            try {
                return gate.tryEnter();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        started.await();
        await().atMost(Duration.ofSeconds(5)).alias("the second sign-in waits for its turn")
                .until(() -> gate.waiting() == 1);

        long t0 = System.nanoTime();
        assertThat(gate.tryEnter()).as("the third finds the one waiting place taken").isFalse();
        assertThat((System.nanoTime() - t0) / 1_000_000).as("refused without waiting").isLessThan(1_000);
        assertThat(gate.refused()).isPositive();

        gate.leave();
        assertThat(waiter.get(5, TimeUnit.SECONDS)).as("the waiting sign-in gets its turn").isTrue();
        gate.leave();
        assertThat(gate.tryEnter()).as("free again").isTrue();
        gate.leave();
    }

    /**
     * Turns go in the order sign-ins came: one arriving just as a turn frees up queues behind the one already waiting
     * instead of taking it (with waits of many seconds, being passed over means being refused).
     */
    @Test
    void aNewcomerDoesNotTakeTheTurnOfOneWaiting() throws Exception {
        LoginThrottle.Gate gate = new LoginThrottle.Gate(1, 4, Duration.ofSeconds(3));
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            assertThat(gate.tryEnter()).isTrue();
            Future<Boolean> first = threads.submit(gate::tryEnter);
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(2)).until(() -> gate.queued() == 1);

            gate.leave(); // the turn is the waiting one's; a newcomer arriving right now queues behind it
            assertThat(gate.tryEnter()).as("the newcomer, who waited its longest behind the first").isFalse();
            assertThat(first.get(5, TimeUnit.SECONDS)).as("the one waiting got the turn").isTrue();
            gate.leave();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void byDefaultHalfOfTheRequestThreadsMayWaitAndAQuarterStaysForPages() {
        assertThat(LoginThrottle.defaultWaiting(200, 8)).isEqualTo(100);
        assertThat(LoginThrottle.defaultWaiting(40, 16)).as("a quarter left for pages").isEqualTo(14);
        assertThat(LoginThrottle.defaultWaiting(8, 8)).as("never negative").isZero();
    }

    @Test
    void aWaitingSignInGivesUpAfterTheMaximumWait() throws Exception {
        LoginThrottle.Gate gate = new LoginThrottle.Gate(1, 4, Duration.ofMillis(200));
        assertThat(gate.tryEnter()).isTrue();
        long t0 = System.nanoTime();
        assertThat(gate.tryEnter()).isFalse();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(millis).isBetween(150L, 3_000L);
        gate.leave();
    }
}
