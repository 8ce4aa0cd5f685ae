package cn.perf.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** With a database configured, nothing embedded starts and no demo data is loaded unless asked. */
@SpringBootTest
class EmbeddedDatabaseDefaultTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aConfiguredDatabaseOnTheCommandLineWins() {
        assertThat(EmbeddedDatabaseDefault.applyIfNoDatabaseConfigured(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/perf")).isFalse();
    }

    @Test
    void demoDataIsOffUnlessAsked() {
        assertThat(context.getEnvironment().getProperty("perf.demo-data")).isEqualTo("false");
        assertThat(context.getBeanNamesForType(org.springframework.boot.ApplicationRunner.class))
                .doesNotContain("demoDataRunner");
    }
}
