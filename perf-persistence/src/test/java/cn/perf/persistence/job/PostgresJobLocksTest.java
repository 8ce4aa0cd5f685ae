package cn.perf.persistence.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.job.JobLocks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Background jobs run by one node at a time, against the real PostgreSQL: runs that overlap (as every node's
 * scheduler firing at the same minute would) do the work once; the lock is free again after a run, after a run
 * that failed, and after the holder's database session was killed (a node that died).
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(PostgresJobLocks.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PostgresJobLocksTest {

    @Autowired
    JobLocks locks;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void threeConcurrentRunsOfAJobDoTheWorkOnce() throws Exception {
        int runs = 3; // the test pool has three connections
        AtomicInteger worked = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(runs);
        // the run that gets the lock holds it until the others have found it taken: no timing involved
        CountDownLatch othersSkipped = new CountDownLatch(runs - 1);
        ExecutorService nodes = Executors.newFixedThreadPool(runs);
        try {
            List<Future<Boolean>> ran = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                ran.add(nodes.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    boolean got = locks.runAlone("test.concurrent", () -> {
                        worked.incrementAndGet();
                        await(othersSkipped);
                    });
                    if (!got) {
                        othersSkipped.countDown();
                    }
                    return got;
                }));
            }
            int ranCount = 0;
            for (Future<Boolean> f : ran) {
                ranCount += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(ranCount).as("runs that got the lock").isEqualTo(1);
            assertThat(worked).as("work done").hasValue(1);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(locks.runAlone("test.concurrent", worked::incrementAndGet)).as("free after the run").isTrue();
        assertThat(worked).hasValue(2);
    }

    @Test
    void aRunningJobHoldsOnlyItsOwnNameAndAFailedRunReleasesIt() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService node = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> first = node.submit(() -> locks.runAlone("test.held", () -> {
                inside.countDown();
                await(release);
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(locks.runAlone("test.held", () -> { })).as("taken while the first run works").isFalse();
            assertThat(locks.runAlone("test.other", () -> { })).as("another job is not held up").isTrue();
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            node.shutdownNow();
        }
        assertThatThrownBy(() -> locks.runAlone("test.held", () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(locks.runAlone("test.held", () -> { })).as("free after a failed run").isTrue();
    }

    @Test
    void theLockOfANodeWhoseDatabaseSessionDiedIsFreeAtOnce() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService node = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> dying = node.submit(() -> locks.runAlone("test.killed", () -> {
                inside.countDown();
                await(release);
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(locks.runAlone("test.killed", () -> { })).isFalse();

            // the node dies: PostgreSQL ends its session (as when the machine or the process is gone)
            Integer holder = jdbc.queryForObject("""
                    select pid from pg_locks where locktype = 'advisory' and granted
                      and classid = ? and objid = hashtext('test.killed')::oid""",
                    Integer.class, PostgresJobLocks.NAMESPACE);
            assertThat(jdbc.queryForObject("select pg_terminate_backend(?)", Boolean.class, holder)).isTrue();

            AtomicInteger worked = new AtomicInteger();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!locks.runAlone("test.killed", worked::incrementAndGet) && System.nanoTime() < deadline) {
                sleep(50);
            }
            assertThat(worked).as("another node ran the job").hasValue(1);
            release.countDown();
            try {
                dying.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException expected) {
                // its unlock failed on the dead connection: nothing to release any more
            }
        } finally {
            node.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
