package cn.perf.web.shell;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.cache.StandardCache;
import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Thymeleaf's caches of parsed templates and parsed expressions, sized for this application's pages.
 *
 * <p>Thymeleaf keeps at most 500 parsed expressions by default. A form page names its fields by row
 * ({@code *{rows[__${k}__].actual}}, {@code *{fundingSources[3].amount}}): every row index of every column is an
 * expression of its own, and Thymeleaf keeps the SpEL expression inside it as a second entry. The deadline-week
 * pages between them use several thousand, so at 500 the cache was emptied and refilled on every form page: each
 * expression parsed again and, with the SpEL compiler on, compiled again into a new class, which the JIT compiler
 * then compiled too (async-profiler: 12 % of rendering in parsing and SpEL compilation, and a third of the node's
 * CPU in the JIT compiler after warm-up; docs/performance.md). The expression cache now holds
 * {@code perf.thymeleaf.expression-cache-size} entries (default 20,000: a few tens of MB at most, a bounded set —
 * the expressions come from the templates and the row indexes, not from users' text) and the template cache
 * {@code perf.thymeleaf.template-cache-size} (a template and each fragment selected from it is an entry; default
 * 1,000). Their sizes, hits and misses are published as {@code perf.thymeleaf.cache.*} for 运行监控.
 */
@Configuration(proxyBeanMethods = false)
class TemplateCaches {

    @Bean
    static BeanPostProcessor templateCacheSizes(@Value("${perf.thymeleaf.expression-cache-size:20000}") int expressions,
                                                @Value("${perf.thymeleaf.template-cache-size:1000}") int templates,
                                                ObjectProvider<MeterRegistry> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof SpringTemplateEngine engine) {
                    StandardCacheManager caches = new StandardCacheManager();
                    caches.setExpressionCacheMaxSize(expressions);
                    caches.setExpressionCacheInitialSize(Math.min(expressions, 4096));
                    caches.setExpressionCacheEnableCounters(true);
                    caches.setTemplateCacheMaxSize(templates);
                    caches.setTemplateCacheEnableCounters(true);
                    engine.setCacheManager(caches);
                    meters.ifAvailable(registry -> {
                        monitor(registry, "expressions", (StandardCache<?, ?>) caches.getExpressionCache());
                        monitor(registry, "templates", (StandardCache<?, ?>) caches.getTemplateCache());
                    });
                }
                return bean;
            }
        };
    }

    private static void monitor(MeterRegistry registry, String name, StandardCache<?, ?> cache) {
        Gauge.builder("perf.thymeleaf.cache.size", cache, StandardCache::size).tag("cache", name)
                .description("entries in Thymeleaf's cache").register(registry);
        FunctionCounter.builder("perf.thymeleaf.cache.gets", cache, StandardCache::getHitCount).tag("cache", name)
                .tag("result", "hit").register(registry);
        FunctionCounter.builder("perf.thymeleaf.cache.gets", cache, StandardCache::getMissCount).tag("cache", name)
                .tag("result", "miss").register(registry);
    }
}
