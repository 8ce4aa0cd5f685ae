package cn.perf.web.audit;

import cn.perf.domain.audit.AuditLog;
import cn.perf.domain.job.JobLocks;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes audit entries older than {@code perf.audit.retention} (default six months, the minimum 《网络安全法》
 * asks for) once a day at {@code perf.audit.purge-cron} (Beijing time). Every node schedules it; one of them runs it
 * ({@link JobLocks}, like the other jobs; the purge itself also takes a transaction-level advisory lock), and the last
 * purged entry's hash stays as the chain's anchor.
 * {@code perf.audit.purge-enabled=false} switches it off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "perf.audit.purge-enabled", havingValue = "true", matchIfMissing = true)
class AuditPurgeJob {

    private static final Logger log = LoggerFactory.getLogger(AuditPurgeJob.class);
    private static final Period MINIMUM = Period.ofMonths(6);

    static final String JOB = "audit.purge";

    private final AuditLog audit;
    private final JobLocks locks;
    private final Period retention;
    private final Clock clock;

    AuditPurgeJob(AuditLog audit, JobLocks locks, @Value("${perf.audit.retention:6m}") Period retention) {
        this.audit = audit;
        this.locks = locks;
        this.retention = retention;
        this.clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        if (retention.toTotalMonths() * 31 + retention.getDays() < MINIMUM.toTotalMonths() * 30) {
            log.warn("perf.audit.retention={} 短于六个月：《网络安全法》要求网络日志留存不少于六个月", retention);
        }
    }

    @Scheduled(cron = "${perf.audit.purge-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    void purge() {
        if (!locks.runAlone(JOB, this::purgeOnce)) {
            log.info("审计日志清理：另一节点正在清理，本节点跳过");
        }
    }

    private void purgeOnce() {
        Instant cutoff = cutoff(clock, retention);
        AuditLog.Purge purge = audit.purgeBefore(cutoff);
        if (purge.ran()) {
            log.info("审计日志清理：删除 {} 条早于 {} 的记录，锚点序号 {}", purge.deleted(), cutoff, purge.anchorSeq());
        } else {
            log.info("审计日志清理：另一节点正在清理，本节点跳过");
        }
    }

    /** The start of the retention period: now minus the period, in Beijing's calendar. */
    static Instant cutoff(Clock clock, Period retention) {
        return clock.instant().atZone(clock.getZone()).minus(retention).toInstant();
    }
}
