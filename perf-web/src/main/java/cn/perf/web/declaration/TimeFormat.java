package cn.perf.web.declaration;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times as Chinese finance offices read them: Beijing time, {@code 2026-11-30 14:05}. For templates. */
@Component("timeFormat")
class TimeFormat {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    public String minute(Instant t) {
        return t == null ? "" : MINUTE.format(t);
    }
}
