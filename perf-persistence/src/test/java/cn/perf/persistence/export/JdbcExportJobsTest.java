package cn.perf.persistence.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.export.ExportFile;
import cn.perf.domain.export.ExportJob;
import cn.perf.domain.export.ExportJobs;
import cn.perf.domain.export.ExportKind;
import cn.perf.domain.export.ExportStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Export jobs in PostgreSQL (issue 12), committed as on two nodes: a job and its file come back only to the owner and
 * only until they expire; two claims at the same moment take different jobs without waiting for each other; a node
 * given up for dead can neither finish nor fail the job another node took over; a silent job goes back in the queue
 * and is given up after its last attempt.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(JdbcExportJobs.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class JdbcExportJobsTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static final ExportFile FILE = new ExportFile("汇总表.xlsx", "application/vnd.ms-excel",
            "PK file".getBytes(StandardCharsets.UTF_8));

    @Autowired
    ExportJobs jobs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    @AfterEach
    void empty() {
        jdbc.update("delete from export_job"); // the only test of perf-persistence that writes this table
    }

    private long add(String owner, Instant at) {
        return jobs.add(owner, ExportKind.DECLARATION_SUMMARY, "{\"year\":2025}", "2025年度申报表汇总", at,
                at.plus(Duration.ofHours(24)));
    }

    @Test
    void aJobAndItsFileComeBackToTheOwnerOnlyUntilTheyExpire() {
        long id = add("finance-a", NOW);

        ExportJob queued = jobs.find(id, "finance-a", NOW).orElseThrow();
        assertThat(queued.status()).isEqualTo(ExportStatus.QUEUED);
        assertThat(queued.parameters()).isEqualTo("{\"year\":2025}");
        assertThat(queued.title()).isEqualTo("2025年度申报表汇总");
        assertThat(queued.size()).isNull();
        assertThat(jobs.unfinished("finance-a")).isEqualTo(1);
        assertThat(jobs.file(id, "finance-a", NOW)).as("no file before it is written").isEmpty();

        ExportJob running = jobs.claim("node-1", NOW).orElseThrow();
        assertThat(running.id()).isEqualTo(id);
        assertThat(running.status()).isEqualTo(ExportStatus.RUNNING);
        assertThat(running.attempts()).isEqualTo(1);
        assertThat(jobs.finish(id, "node-1", FILE, 9983, NOW.plusSeconds(1))).isTrue();

        ExportJob done = jobs.find(id, "finance-a", NOW).orElseThrow();
        assertThat(done.status()).isEqualTo(ExportStatus.DONE);
        assertThat(done.rows()).isEqualTo(9983);
        assertThat(done.size()).isEqualTo((long) FILE.content().length);
        assertThat(done.finishedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(jobs.unfinished("finance-a")).isZero();
        ExportFile file = jobs.file(id, "finance-a", NOW).orElseThrow();
        assertThat(file.content()).isEqualTo(FILE.content());
        assertThat(file.fileName()).isEqualTo("汇总表.xlsx");

        assertThat(jobs.find(id, "finance-b", NOW)).as("another user").isEmpty();
        assertThat(jobs.file(id, "finance-b", NOW)).as("another user's file").isEmpty();
        assertThat(jobs.find(id + 1000, "finance-a", NOW)).as("a made-up id").isEmpty();
        assertThat(jobs.file(id, "finance-a", NOW.plus(Duration.ofHours(25)))).as("expired").isEmpty();
        assertThat(jobs.ofOwner("finance-a", NOW)).extracting(ExportJob::id).containsExactly(id);
        assertThat(jobs.ofOwner("finance-b", NOW)).isEmpty();
        assertThat(jobs.purge(NOW.plus(Duration.ofHours(25)))).isEqualTo(1);
        assertThat(jobs.find(id, "finance-a", NOW)).isEmpty();
    }

    @Test
    void twoNodesClaimingAtOnceTakeDifferentJobsAndNeitherWaits() throws Exception {
        long first = add("finance-a", NOW);
        long second = add("finance-b", NOW.plusMillis(1));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // node 1 is in the middle of claiming the oldest job: its row is locked in an open transaction
        CompletableFuture<Optional<ExportJob>> node1 = CompletableFuture.supplyAsync(() ->
                new TransactionTemplate(transactions).execute(status -> {
                    Optional<ExportJob> mine = jobs.claim("node-1", NOW);
                    locked.countDown();
                    await(release);
                    return mine;
                }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

        Optional<ExportJob> node2 = jobs.claim("node-2", NOW); // would block here without SKIP LOCKED
        release.countDown();

        assertThat(node1.get(30, TimeUnit.SECONDS)).map(ExportJob::id).contains(first);
        assertThat(node2).map(ExportJob::id).contains(second);
        assertThat(jobs.claim("node-3", NOW)).as("nothing left").isEmpty();
    }

    @Test
    void anOwnersJobIsAddedOnlyWhileFewerThanTheLimitAreUnfinished() {
        for (int i = 0; i < 3; i++) {
            assertThat(addUnlessBusy("finance-a")).as("job %d of 3", i + 1).isPresent();
        }
        assertThat(addUnlessBusy("finance-a")).as("a fourth unfinished job").isEmpty();
        assertThat(addUnlessBusy("finance-b")).as("another owner").isPresent();

        long first = jobs.claim("node-1", NOW).orElseThrow().id();
        jobs.finish(first, "node-1", FILE, 1, NOW);
        assertThat(addUnlessBusy("finance-a")).as("once one is finished").isPresent();
        assertThat(jobs.unfinished("finance-a")).isEqualTo(3);
    }

    /**
     * The count waits for the owner's lock and is read after it is granted: here the lock is held (as by a request of
     * the same owner on another node) while that request's jobs are committed; the waiting request then counts them.
     * Without the lock, or with the count read before it, the waiting request would add a fourth job.
     */
    @Test
    void aRequestWaitingForTheOwnersLockCountsTheJobsCommittedMeanwhile() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> otherNode = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", rs -> { },
                            JdbcExportJobs.ADD_LOCK, "finance-a");
                    held.countDown();
                    await(release);
                    for (int i = 0; i < 3; i++) {
                        add("finance-a", NOW);
                    }
                }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<OptionalLong> waiting = CompletableFuture.supplyAsync(() -> addUnlessBusy("finance-a"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                select count(*) from pg_locks l join pg_database d on d.oid = l.database
                where l.locktype = 'advisory' and not l.granted and d.datname = current_database()
                  and l.classid::int = ? and l.objid::int = hashtext(?) and l.objsubid = 2""",
                Integer.class, JdbcExportJobs.ADD_LOCK, "finance-a") == 1);
        assertThat(addUnlessBusy("finance-b")).as("another owner does not wait").isPresent();
        release.countDown();
        otherNode.get(30, TimeUnit.SECONDS);

        assertThat(waiting.get(30, TimeUnit.SECONDS)).as("refused: three were committed while it waited").isEmpty();
        assertThat(jobs.unfinished("finance-a")).isEqualTo(3);
    }

    @Test
    void requestsOfOneOwnerAtTheSameMomentNeverPassTheLimit() throws Exception {
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<OptionalLong>> all = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        long added = 0;
        try {
            for (int i = 0; i < requests; i++) {
                all.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return addUnlessBusy("finance-a");
                }, threads));
            }
            start.countDown();
            for (CompletableFuture<OptionalLong> one : all) {
                added += one.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
        } finally {
            threads.shutdown();
        }
        assertThat(added).isEqualTo(3);
        assertThat(jobs.unfinished("finance-a")).isEqualTo(3);
    }

    private OptionalLong addUnlessBusy(String owner) {
        return jobs.addUnlessBusy(owner, 3, ExportKind.DECLARATION_SUMMARY, "{}", "汇总", NOW,
                NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void aNodeGivenUpForDeadCannotOverwriteWhatTheNextNodeDid() {
        long id = add("finance-a", NOW);
        jobs.claim("node-1", NOW).orElseThrow();
        jobs.beat("node-1", List.of(id), NOW.plusSeconds(5));
        assertThat(jobs.recover(NOW.plusSeconds(5), 3, "given up", NOW.plusSeconds(5)))
                .as("a job that beat at the limit is not silent").isZero();

        // node-1 falls silent; a minute later the job goes back in the queue and node-2 takes it
        assertThat(jobs.recover(NOW.plusSeconds(60), 3, "given up", NOW.plusSeconds(65))).isEqualTo(1);
        assertThat(jobs.find(id, "finance-a", NOW).orElseThrow().status()).isEqualTo(ExportStatus.QUEUED);
        ExportJob retried = jobs.claim("node-2", NOW.plusSeconds(66)).orElseThrow();
        assertThat(retried.attempts()).isEqualTo(2);

        jobs.beat("node-1", List.of(id), NOW.plusSeconds(67)); // the old node wakes up: its beat changes nothing
        assertThat(jobs.finish(id, "node-1", FILE, 1, NOW.plusSeconds(67))).as("late result of node-1").isFalse();
        assertThat(jobs.fail(id, "node-1", "late failure", NOW.plusSeconds(67))).isFalse();
        assertThat(jobs.recover(NOW.plusSeconds(60), 3, "given up", NOW.plusSeconds(70)))
                .as("node-2 beat when it claimed the job").isZero();
        assertThat(jobs.finish(id, "node-2", FILE, 1, NOW.plusSeconds(68))).isTrue();
        assertThat(jobs.find(id, "finance-a", NOW).orElseThrow().status()).isEqualTo(ExportStatus.DONE);
    }

    @Test
    void aStoppingNodeHandsItsRunningJobsBackUncountedAndItsLateResultIsRefused() {
        long mine = add("finance-a", NOW);
        long other = add("finance-b", NOW.plusSeconds(1));
        long waiting = add("finance-c", NOW.plusSeconds(2));
        jobs.claim("node-1", NOW.plusSeconds(3)).orElseThrow();
        jobs.claim("node-2", NOW.plusSeconds(3)).orElseThrow();

        assertThat(jobs.release("node-1", NOW.plusSeconds(4))).as("node-1's one running job").isEqualTo(1);
        ExportJob back = jobs.find(mine, "finance-a", NOW).orElseThrow();
        assertThat(back.status()).isEqualTo(ExportStatus.QUEUED);
        assertThat(back.attempts()).as("a stop is not a failed attempt").isZero();
        assertThat(jobs.find(other, "finance-b", NOW).orElseThrow().status()).as("node-2's job untouched")
                .isEqualTo(ExportStatus.RUNNING);
        assertThat(jobs.find(waiting, "finance-c", NOW).orElseThrow().status()).isEqualTo(ExportStatus.QUEUED);
        assertThat(jobs.finish(mine, "node-1", FILE, 1, NOW.plusSeconds(5))).as("late result of node-1").isFalse();

        ExportJob retaken = jobs.claim("node-3", NOW.plusSeconds(6)).orElseThrow();
        assertThat(retaken.id()).as("the oldest waiting job: the one handed back").isEqualTo(mine);
        assertThat(retaken.attempts()).isEqualTo(1);
        assertThat(jobs.finish(mine, "node-3", FILE, 1, NOW.plusSeconds(7))).isTrue();
        assertThat(jobs.release("node-1", NOW.plusSeconds(8))).as("nothing left to hand back").isZero();
    }

    @Test
    void aJobStartedTooOftenIsGivenUpWithItsReason() {
        long id = add("finance-a", NOW);
        for (int attempt = 1; attempt <= 3; attempt++) {
            Instant t = NOW.plus(Duration.ofMinutes(2L * attempt));
            assertThat(jobs.claim("node-" + attempt, t)).map(ExportJob::attempts).contains(attempt);
            jobs.recover(t.plusSeconds(61), 3, "多次中断", t.plusSeconds(61));
        }
        ExportJob given = jobs.find(id, "finance-a", NOW).orElseThrow();
        assertThat(given.status()).isEqualTo(ExportStatus.FAILED);
        assertThat(given.error()).isEqualTo("多次中断");
        assertThat(jobs.claim("node-4", NOW.plus(Duration.ofMinutes(10)))).isEmpty();
        assertThat(jobs.unfinished("finance-a")).isZero();
    }

    @Test
    void aFailedJobKeepsItsReasonAndPruningKeepsTheNewestFinishedAndEveryUnfinishedJob() {
        long failed = add("finance-a", NOW.minusSeconds(100));
        jobs.claim("node-1", NOW).orElseThrow();
        assertThat(jobs.fail(failed, "node-1", "所选范围超过 500 份", NOW)).isTrue();
        assertThat(jobs.find(failed, "finance-a", NOW).orElseThrow().error()).isEqualTo("所选范围超过 500 份");
        long done = add("finance-a", NOW.minusSeconds(50));
        jobs.claim("node-1", NOW).orElseThrow();
        jobs.finish(done, "node-1", FILE, 1, NOW);
        long queued = add("finance-a", NOW.minusSeconds(200));
        long old = add("finance-a", NOW.minus(Duration.ofHours(30)));

        jobs.prune("finance-a", 1, NOW);

        assertThat(jobs.ofOwner("finance-a", NOW)).extracting(ExportJob::id).containsExactly(done, queued);
        assertThat(jobs.find(old, "finance-a", NOW.minus(Duration.ofHours(29)))).as("expired, removed").isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
