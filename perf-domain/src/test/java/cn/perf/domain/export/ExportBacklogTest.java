package cn.perf.domain.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExportBacklogTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void theOldestWaitIsCountedFromTheOldestWaitingJob() {
        ExportBacklog backlog = ExportBacklog.of(3, 1, NOW.minusSeconds(95), NOW);
        assertThat(backlog.queued()).isEqualTo(3);
        assertThat(backlog.running()).isEqualTo(1);
        assertThat(backlog.oldestWait()).isEqualTo(Duration.ofSeconds(95));
    }

    @Test
    void noWaitingJobOrAClockBehindTheDatabaseIsNoWait() {
        assertThat(ExportBacklog.of(0, 2, null, NOW).oldestWait()).isZero();
        assertThat(ExportBacklog.of(1, 0, NOW.plusSeconds(2), NOW).oldestWait())
                .as("a job stamped by a node whose clock is ahead").isZero();
    }
}
