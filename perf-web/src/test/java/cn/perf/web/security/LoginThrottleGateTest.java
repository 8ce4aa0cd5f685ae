package cn.perf.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (gate.waiting() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(gate.waiting()).as("the second sign-in waits for its turn").isEqualTo(1);

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
