package cn.perf.domain.export;

import java.time.Duration;
import java.time.Instant;

/**
 * The export queue as every node shares it, for 运行监控: jobs waiting, jobs being written, and how long the oldest
 * waiting job has waited ({@link Duration#ZERO} when none waits). A wait that keeps growing means the nodes' workers
 * cannot keep up ({@code PERF_EXPORT_WORKERS}).
 */
public record ExportBacklog(int queued, int running, Duration oldestWait) {

    /** From what the queue holds: {@code oldestQueued} null when none waits (a time after {@code now}: no wait). */
    public static ExportBacklog of(int queued, int running, Instant oldestQueued, Instant now) {
        Duration wait = oldestQueued == null || oldestQueued.isAfter(now) ? Duration.ZERO
                : Duration.between(oldestQueued, now);
        return new ExportBacklog(queued, running, wait);
    }
}
