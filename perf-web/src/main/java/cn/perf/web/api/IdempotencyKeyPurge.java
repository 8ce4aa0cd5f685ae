package cn.perf.web.api;

import cn.perf.domain.idempotency.IdempotentRequests;
import cn.perf.domain.job.JobLocks;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the API's {@code Idempotency-Key}s after a day, every hour (one delete statement), on one node at a time
 * ({@link JobLocks}).
 */
@Component
@EnableScheduling
class IdempotencyKeyPurge {

    static final String JOB = "api.idempotency-purge";

    private final IdempotentRequests requests;
    private final JobLocks locks;

    IdempotencyKeyPurge(IdempotentRequests requests, JobLocks locks) {
        this.requests = requests;
        this.locks = locks;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void forgetOld() {
        locks.runAlone(JOB, requests::forgetOld);
    }
}
