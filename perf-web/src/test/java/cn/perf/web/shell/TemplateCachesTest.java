package cn.perf.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * A page with more distinct expressions than Thymeleaf keeps by default (500): rendered again, it parses nothing
 * again with the application's cache, and re-parses everything with Thymeleaf's default.
 */
class TemplateCachesTest {

    /** 400 rows × 2 expressions each, written as the form pages write them: one expression per row index. */
    private static final String PAGE = "<table>" + String.join("", IntStream.range(0, 400)
            .mapToObj(i -> "<tr><td th:text=\"${rows[" + i + "].name}\"></td><td th:text=\"${rows[" + i
                    + "].amount + 1}\"></td></tr>").toList()) + "</table>";

    @Test
    void aPageOfManyRowsRenderedAgainParsesNoExpressionAgain() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SpringTemplateEngine engine = engine();
        withBeanPostProcessor(20_000, registry).postProcessBeforeInitialization(engine, "templateEngine");

        String first = engine.process(PAGE, context());
        double missesAfterFirst = misses(registry);
        String second = engine.process(PAGE, context());

        assertThat(second).isEqualTo(first).contains("<td>行399</td><td>400</td>");
        assertThat(missesAfterFirst).isGreaterThanOrEqualTo(800);
        assertThat(misses(registry)).as("expressions parsed again on the second render").isEqualTo(missesAfterFirst);
        assertThat(registry.get("perf.thymeleaf.cache.size").tag("cache", "expressions").gauge().value())
                .isGreaterThanOrEqualTo(800);
    }

    @Test
    void thymeleafsDefaultOf500ParsesThePageAgain() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SpringTemplateEngine engine = engine();
        withBeanPostProcessor(500, registry).postProcessBeforeInitialization(engine, "templateEngine");

        engine.process(PAGE, context());
        double missesAfterFirst = misses(registry);
        engine.process(PAGE, context());

        assertThat(misses(registry) - missesAfterFirst).as("expressions parsed again").isGreaterThan(400);
    }

    private static SpringTemplateEngine engine() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        engine.setEnableSpringELCompiler(true);
        return engine;
    }

    private static BeanPostProcessor withBeanPostProcessor(int expressions, SimpleMeterRegistry registry) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("registry", registry);
        return TemplateCaches.templateCacheSizes(expressions, 1000,
                beans.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
    }

    private static Context context() {
        Context context = new Context();
        context.setVariable("rows", IntStream.range(0, 400).mapToObj(i -> new Row("行" + i, i)).toList());
        return context;
    }

    private static double misses(SimpleMeterRegistry registry) {
        return registry.get("perf.thymeleaf.cache.gets").tags("cache", "expressions", "result", "miss")
                .functionCounter().count();
    }

    public record Row(String name, int amount) {
    }
}
