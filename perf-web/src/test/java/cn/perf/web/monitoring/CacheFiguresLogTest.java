package cn.perf.web.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class CacheFiguresLogTest {

    @Test
    void eachCachesHitsMissesEvictionsAndSizeMakeOneLine() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Cache<String, String> pages = Caffeine.newBuilder().maximumSize(2).executor(Runnable::run).recordStats().build();
        Cache<String, String> rows = Caffeine.newBuilder().recordStats().build();
        CaffeineCacheMetrics.monitor(registry, pages, "renderedPages");
        CaffeineCacheMetrics.monitor(registry, rows, "keptFragments");
        pages.put("a", "1");
        pages.getIfPresent("a");
        pages.getIfPresent("a");
        pages.getIfPresent("a");
        pages.getIfPresent("b");
        pages.put("b", "2");
        pages.put("c", "3");
        pages.put("d", "4");
        pages.cleanUp();

        var figures = CacheFiguresLog.figures(registry);

        assertThat(figures).containsOnlyKeys("keptFragments", "renderedPages");
        assertThat(figures.get("renderedPages")).isEqualTo("3 hits, 1 misses (75.0 % hits), 2 evicted, 2 held");
        assertThat(figures.get("keptFragments")).isEqualTo("0 hits, 0 misses (0.0 % hits), 0 evicted, 0 held");
    }
}
