package cn.perf.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AuditPurgeJobTest {

    @Test
    void theCutoffIsSixCalendarMonthsBackInBeijingTime() {
        Clock clock = Clock.fixed(Instant.parse("2026-08-31T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        // 2026-08-31 10:00 Beijing minus six months: 2026-02-28 10:00 Beijing
        assertThat(AuditPurgeJob.cutoff(clock, Period.ofMonths(6))).isEqualTo(Instant.parse("2026-02-28T02:00:00Z"));
        assertThat(AuditPurgeJob.cutoff(clock, Period.ofYears(1))).isEqualTo(Instant.parse("2025-08-31T02:00:00Z"));
    }
}
