package cn.perf.web.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The figures of this node's caches (kept pages, rows, forms, 自评表: the {@code cache.*} meters), written to the log
 * when the node stops, one line per cache: how often a lookup found its entry, how many entries were evicted to stay
 * within the cache's size, and how many are held. An operator sizing {@code PERF_PAGE_CACHE_MB} and its kin after a
 * deadline day reads them there, and the load script ({@code scripts/load-deadline-week.sh}) prints them after each
 * run, as only {@code /actuator/health} is exposed.
 */
@Component
class CacheFiguresLog {

    private static final Logger log = LoggerFactory.getLogger(CacheFiguresLog.class);

    private final ObjectProvider<MeterRegistry> meters;

    CacheFiguresLog(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    @EventListener(ContextClosedEvent.class)
    void onClose() {
        meters.ifAvailable(registry -> figures(registry).forEach((cache, line) ->
                log.info("cache {}: {}", cache, line)));
    }

    /** One line per cache named by the {@code cache} tag of the {@code cache.gets} meters. */
    static Map<String, String> figures(MeterRegistry registry) {
        Map<String, String> lines = new TreeMap<>();
        for (FunctionCounter gets : registry.find("cache.gets").tag("result", "hit").functionCounters()) {
            String cache = gets.getId().getTag("cache");
            if (cache == null) {
                continue;
            }
            double hits = gets.count();
            double misses = count(registry, "cache.gets", cache, "miss");
            double lookups = hits + misses;
            lines.put(cache, String.format("%.0f hits, %.0f misses (%.1f %% hits), %.0f evicted, %.0f held",
                    hits, misses, lookups == 0 ? 0.0 : 100.0 * hits / lookups,
                    count(registry, "cache.evictions", cache, null), gauge(registry, "cache.size", cache)));
        }
        return lines;
    }

    private static double count(MeterRegistry registry, String name, String cache, String result) {
        var search = registry.find(name).tag("cache", cache);
        if (result != null) {
            search = search.tag("result", result);
        }
        FunctionCounter counter = search.functionCounter();
        return counter == null ? 0 : counter.count();
    }

    private static double gauge(MeterRegistry registry, String name, String cache) {
        Gauge gauge = registry.find(name).tag("cache", cache).gauge();
        return gauge == null ? 0 : gauge.value();
    }
}
