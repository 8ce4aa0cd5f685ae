package cn.perf.web.export;

import cn.perf.domain.export.ExportBacklog;
import cn.perf.domain.export.ExportQueue;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * 运行监控 of the background exports, as {@code exports} in {@code /actuator/health} (details for a system
 * administrator): the queue shared by every node (waiting, being written, the oldest wait in seconds) and this
 * node's part (its name in the job table, its workers, the jobs it is writing now, the jobs it finished since it
 * started). Always UP while the table can be read: a long queue is slow, not broken; the operator watches
 * {@code oldestWaitSeconds} and adds workers or nodes when it keeps growing.
 */
@Component("exportsHealthIndicator")
class ExportQueueHealth extends AbstractHealthIndicator {

    private final ExportQueue queue;
    private final ExportWorker worker;

    ExportQueueHealth(ExportQueue queue, ExportWorker worker) {
        super("导出队列不可读");
        this.queue = queue;
        this.worker = worker;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ExportBacklog backlog = queue.backlog();
        builder.up()
                .withDetail("queued", backlog.queued())
                .withDetail("running", backlog.running())
                .withDetail("oldestWaitSeconds", backlog.oldestWait().toSeconds())
                .withDetail("node", worker.node())
                .withDetail("workers", worker.workers())
                .withDetail("runningHere", worker.runningHere())
                .withDetail("finishedHere", worker.finished());
    }
}
