package cn.perf.web.export;

import cn.perf.domain.export.ExportFile;
import cn.perf.domain.export.ExportJob;
import cn.perf.domain.export.ExportQueue;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.domain.scope.Viewer;
import cn.perf.web.export.ListExports.DeclarationQuery;
import cn.perf.web.export.ListExports.EvaluationQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's share of the export queue ({@link ExportQueue}): {@code perf.export.workers} threads (default 1, so that
 * exports never take more than one of a small node's cores from the pages) that claim waiting jobs and write them.
 *
 * <ul>
 *   <li>A job queued on this node starts at once ({@link #wake}); a job queued on another node whose workers are busy
 *       is taken by whichever node has a free worker at its next poll ({@code perf.export.poll}, default 1 s).</li>
 *   <li>A job runs with its owner's scope as it is now (an account disabled meanwhile gets nothing), in Chinese.</li>
 *   <li>While a job runs, this node beats for it every {@link ExportQueue#BEAT}; a node that is killed stops beating
 *       and its jobs go back in the queue after {@link ExportQueue#SILENCE} ({@link ExportQueue#tidy}, which every
 *       node runs every 15 s: it is one indexed statement, harmless when two nodes run it together).</li>
 *   <li>The file is written in memory and stored in one statement: a job is either done with its whole file or not
 *       done.</li>
 * </ul>
 * The only state kept here is which jobs this node is writing now: another node needs none of it.
 */
@Component
@EnableScheduling
class ExportWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final Duration TIDY = Duration.ofSeconds(15);
    static final String FAILED = "导出时出错，请稍后重试；若再次出错，请缩小查询范围后导出";
    static final String ACCOUNT_GONE = "账户已停用或不存在，导出未生成";

    private final ExportQueue queue;
    private final ListExports exports;
    private final ScopeResolver scopes;
    private final JsonMapper json;
    private final String node;
    private final int workers;
    private final Semaphore free;
    private final ExecutorService threads;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastTidy = new AtomicLong();
    private final AtomicLong lastBeat = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    /** Set when the node stops: no job is claimed any more, and the running ones are handed back. */
    private volatile boolean stopping;

    ExportWorker(ExportQueue queue, ListExports exports, ScopeResolver scopes, JsonMapper json,
                 @Value("${perf.export.workers:1}") int workers) {
        this.queue = queue;
        this.exports = exports;
        this.scopes = scopes;
        this.json = json;
        this.node = nodeName();
        this.workers = Math.max(1, workers);
        this.free = new Semaphore(this.workers);
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(this.workers, r -> {
            Thread t = new Thread(r, "perf-export-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** This node in the job table: host, process and a random part (a restarted node is a new node). */
    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    String node() {
        return node;
    }

    /** This node's worker threads ({@code perf.export.workers}). */
    int workers() {
        return workers;
    }

    /** How many jobs this node is writing now. */
    int runningHere() {
        return running.size();
    }

    /** How many jobs this node has finished since it started (for tests and 运行监控). */
    int finished() {
        return done.get();
    }

    /** A job was queued here: a free worker of this node takes it now instead of at the next poll. */
    void wake() {
        int idle = free.availablePermits();
        for (int i = 0; i < idle && free.tryAcquire(); i++) {
            try {
                threads.execute(this::drain);
            } catch (RuntimeException e) { // shutting down
                free.release();
                return;
            }
        }
    }

    @Scheduled(initialDelayString = "${perf.export.poll:PT1S}", fixedDelayString = "${perf.export.poll:PT1S}")
    void poll() {
        try {
            long now = System.nanoTime();
            if (due(lastTidy, TIDY, now)) {
                int recovered = queue.tidy();
                if (recovered > 0) {
                    log.warn("导出：{} 个任务的服务节点已无心跳，已重新排队或放弃", recovered);
                }
            }
            if (due(lastBeat, ExportQueue.BEAT, now)) {
                queue.beat(node, List.copyOf(running));
            }
        } catch (RuntimeException e) {
            log.warn("导出队列暂不可用：{}", e.getMessage());
            return;
        }
        wake();
    }

    private static boolean due(AtomicLong last, Duration every, long now) {
        long previous = last.get();
        return (previous == 0 || now - previous >= every.toNanos()) && last.compareAndSet(previous, now);
    }

    /** Runs waiting jobs one after another until none is left. */
    private void drain() {
        try {
            while (!stopping && !Thread.currentThread().isInterrupted()) {
                Optional<ExportJob> job = queue.claim(node);
                if (job.isEmpty()) {
                    return;
                }
                if (stopping) { // claimed while the node was handing its jobs back
                    queue.release(node);
                    return;
                }
                run(job.get());
            }
        } catch (RuntimeException e) {
            log.warn("导出队列暂不可用：{}", e.getMessage());
        } finally {
            free.release();
        }
    }

    private void run(ExportJob job) {
        running.add(job.id());
        try {
            Viewer viewer = scopes.viewer(job.owner());
            if (!viewer.active()) {
                queue.fail(job.id(), node, ACCOUNT_GONE);
                return;
            }
            Buffer file = new Buffer();
            int rows = switch (job.kind()) {
                case DECLARATION_SUMMARY -> exports.declarationSummary(viewer, declarations(job), file, CHINESE);
                case EVALUATION_SUMMARY -> exports.evaluationSummary(viewer, evaluations(job), file, CHINESE);
                case DECLARATION_PDFS -> exports.declarationPdfs(viewer, declarations(job), file, CHINESE);
                case EVALUATION_PDFS -> exports.evaluationPdfs(viewer, evaluations(job), file, CHINESE);
            };
            if (queue.finish(job.id(), node, file.file(), rows)) {
                done.incrementAndGet();
            } else {
                log.warn("导出任务 {} 已由其他节点接手，本节点的结果丢弃", job.id());
            }
        } catch (ListExports.TooMany e) {
            queue.fail(job.id(), node, e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.error("导出任务 {}（{}）失败", job.id(), job.kind(), e);
            try {
                queue.fail(job.id(), node, FAILED);
            } catch (RuntimeException again) { // the database is away: the job goes back in the queue when silent
                log.warn("导出任务 {} 的失败未能记录：{}", job.id(), again.getMessage());
            }
        } finally {
            running.remove(job.id());
        }
    }

    private DeclarationQuery declarations(ExportJob job) {
        return json.readValue(job.parameters(), DeclarationQuery.class);
    }

    private EvaluationQuery evaluations(ExportJob job) {
        return json.readValue(job.parameters(), EvaluationQuery.class);
    }

    /**
     * The node stops (a rolling update, a scale-down): its running jobs go back in the queue at once, so that another
     * node takes them at its next poll instead of after {@link ExportQueue#SILENCE}; what this node's threads still
     * write is refused. A node that is killed cannot do this: its jobs wait for the silence.
     */
    @Override
    public void destroy() {
        stopping = true;
        threads.shutdownNow();
        try {
            int released = queue.release(node);
            if (released > 0) {
                log.info("导出：本节点停止，{} 个进行中的任务已交回队列", released);
            }
        } catch (RuntimeException e) {
            log.warn("导出：本节点停止，进行中的任务未能交回队列（{}），将在 {} 秒无心跳后重新排队", e.getMessage(),
                    ExportQueue.SILENCE.toSeconds());
        }
    }

    /** The file as it is written: its name and type from {@link ListExports.Sink#open}, its bytes in memory. */
    private static final class Buffer implements ListExports.Sink {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        private String name;
        private MediaType type;

        @Override
        public OutputStream open(MediaType type, String name, String asciiName, String extension) {
            this.type = type;
            this.name = FormDownloads.safeFileName(name) + extension;
            return bytes;
        }

        ExportFile file() {
            if (name == null) {
                throw new IllegalStateException("the export wrote no file");
            }
            return new ExportFile(name, type.toString(), bytes.toByteArray());
        }
    }
}
