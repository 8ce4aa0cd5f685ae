package cn.perf.domain.export;

import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.shared.Violation;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Exports in the background (issue 12): a list's 导出 of a whole region (10,000 forms) takes longer than a page may, so
 * the click queues a job and returns at once; a worker on any node writes the file; its owner downloads it from any
 * node. The rules of the queue are here, what a file holds is the web layer's ({@code cn.perf.web.export}).
 *
 * <ul>
 *   <li>A job belongs to whoever asked; nobody else sees it or its file (a forged id is "not found"). The worker reads
 *       the forms with the owner's scope <em>as it is when the job runs</em>.</li>
 *   <li>A user has at most {@link #MAX_UNFINISHED} jobs waiting or being written: one click more is refused with a
 *       Chinese message (a finance officer clicking 导出 again and again does not fill the queue).</li>
 *   <li>A finished job and its file are kept {@link #KEPT}, at most {@link #KEEP_FINISHED} per user (older ones go).</li>
 *   <li>A worker beats every {@link #BEAT} while it writes. A job whose worker fell silent for {@link #SILENCE} (its
 *       node was killed) goes back in the queue for another node, and is given up after {@link #MAX_ATTEMPTS} starts.
 *       Nodes' clocks are assumed to agree within seconds (NTP), far less than the silence.</li>
 * </ul>
 */
@Named
public class ExportQueue {

    public static final int MAX_UNFINISHED = 3;
    public static final int KEEP_FINISHED = 10;
    public static final Duration KEPT = Duration.ofHours(24);
    public static final Duration BEAT = Duration.ofSeconds(5);
    public static final Duration SILENCE = Duration.ofSeconds(60);
    public static final int MAX_ATTEMPTS = 3;
    static final String GIVEN_UP = "导出多次中断（生成它的服务节点停止了），已放弃，请重新导出";

    private final ExportJobs jobs;
    private final Clock clock;

    @Inject
    public ExportQueue(ExportJobs jobs) {
        this(jobs, Clock.systemUTC());
    }

    public ExportQueue(ExportJobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Queues an export for the viewer.
     *
     * @return the job's id
     * @throws InvalidCommandException the viewer already has {@link #MAX_UNFINISHED} exports on the way
     */
    public long request(Viewer viewer, ExportKind kind, String parameters, String title) {
        if (!viewer.active()) {
            throw new NotFoundException("账户不可用");
        }
        String owner = viewer.scope().username();
        Instant now = clock.instant();
        jobs.prune(owner, KEEP_FINISHED, now);
        return jobs.addUnlessBusy(owner, MAX_UNFINISHED, kind, parameters, title, now, now.plus(KEPT))
                .orElseThrow(() -> new InvalidCommandException(List.of(Violation.of("export", "export.busy",
                        "您已有 " + MAX_UNFINISHED + " 个导出正在生成，请等其完成后再导出", MAX_UNFINISHED))));
    }

    /** The owner's job {@code id}. @throws NotFoundException another user's, made up, or expired */
    public ExportJob job(String owner, long id) {
        return jobs.find(id, owner, clock.instant()).orElseThrow(ExportQueue::notFound);
    }

    /** The owner's jobs, newest first. */
    public List<ExportJob> jobs(String owner) {
        return jobs.ofOwner(owner, clock.instant());
    }

    /** The file of the owner's finished job {@code id}. @throws NotFoundException not the owner's, not done, expired */
    public ExportFile file(String owner, long id) {
        return jobs.file(id, owner, clock.instant()).orElseThrow(ExportQueue::notFound);
    }

    /** For a worker: the oldest waiting job, now running on {@code node}. */
    public Optional<ExportJob> claim(String node) {
        return jobs.claim(node, clock.instant());
    }

    /** For a worker: {@code node} is still writing {@code ids}. */
    public void beat(String node, Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jobs.beat(node, ids, clock.instant());
        }
    }

    /** For a worker: the file of job {@code id}; false when the job was taken from {@code node} meanwhile. */
    public boolean finish(long id, String node, ExportFile file, int rows) {
        return jobs.finish(id, node, file, rows, clock.instant());
    }

    /** For a worker: job {@code id} cannot be made, for the reason {@code error} (Chinese, shown to its owner). */
    public boolean fail(long id, String node, String error) {
        return jobs.fail(id, node, error, clock.instant());
    }

    /**
     * For a worker whose node is stopping: its running jobs go back in the queue at once, for another node (or this
     * one once restarted) to write; not counted as an attempt, and without the {@link #SILENCE} a killed node costs.
     * Whatever the node still finishes afterwards is refused ({@link #finish} names the node). Returns how many.
     */
    public int release(String node) {
        return jobs.release(node, clock.instant());
    }

    /** The queue across every node, for 运行监控. */
    public ExportBacklog backlog() {
        return jobs.backlog(clock.instant());
    }

    /**
     * For any node, now and then: jobs whose worker fell silent go back in the queue (or are given up), and expired
     * jobs are removed. Returns how many jobs were put back or given up.
     */
    public int tidy() {
        Instant now = clock.instant();
        int recovered = jobs.recover(now.minus(SILENCE), MAX_ATTEMPTS, GIVEN_UP, now);
        jobs.purge(now);
        return recovered;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("导出不存在或已过期");
    }
}
