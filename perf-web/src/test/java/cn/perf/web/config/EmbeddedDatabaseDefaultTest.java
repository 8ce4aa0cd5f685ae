package cn.perf.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** With a database configured, nothing embedded starts and no demo data is loaded unless asked. */
@SpringBootTest
@AutoConfigureMockMvc
class EmbeddedDatabaseDefaultTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

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

    @Test
    void withoutDemoDataTheLoginPageDoesNotAdvertiseTheDemoPassword() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(allOf(containsString("用户登录"),
                not(containsString("Demo@2026")))));
    }
}
