package cn.perf.web.api;

import cn.perf.domain.idempotency.IdempotentRequests;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets the API's {@code Idempotency-Key}s after a day, every hour, on every node (one delete statement). */
@Component
@EnableScheduling
class IdempotencyKeyPurge {

    private final IdempotentRequests requests;

    IdempotencyKeyPurge(IdempotentRequests requests) {
        this.requests = requests;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void forgetOld() {
        requests.forgetOld();
    }
}
