package cn.perf.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perf.domain.account.AccountEvent;
import cn.perf.domain.account.UserAccounts;
import cn.perf.web.session.TestSessions;
import jakarta.servlet.http.Cookie;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Outside demo mode: a seeded account must change its password before anything else; the password page (errors
 * next to fields, in Chinese); on a real server, the session cookie's flags and the idle timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"perf.demo-data=true", "perf.security.enforce-password-change=true"})
@AutoConfigureMockMvc
@RecordApplicationEvents
class PasswordChangeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SecurityTestAccounts testAccounts;

    @Autowired
    ApplicationEvents events;

    @Autowired
    WebServerApplicationContext server;

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private Cookie logIn(String username, String password) throws Exception {
        return TestSessions.of(mvc.perform(formLogin().user(username).password(password))
                .andExpect(authenticated()).andReturn());
    }

    @Test
    void aSeededAccountIsSentToThePasswordPageUntilItHasChangedThePassword() throws Exception {
        String username = testAccounts.create("seeded", true);
        Cookie session = logIn(username, SecurityTestAccounts.PASSWORD);
        for (String page : List.of("/", "/declarations", "/admin/security/locks")) {
            mvc.perform(get(page).cookie(session)).andExpect(redirectedUrl("/account/password"));
        }
        mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("请先设置新密码")));

        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", SecurityTestAccounts.PASSWORD)
                        .param("newPassword", "Lv7-yuan-qiao").param("repeatPassword", "Lv7-yuan-qiao"))
                .andExpect(redirectedUrl("/account/password?changed"));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(events.stream(AccountEvent.class).filter(e -> e.subjectId().equals(username)))
                .singleElement().satisfies(e -> {
                    assertThat(e.action()).isEqualTo("account.passwordChanged");
                    assertThat(e.actor()).isEqualTo(username);
                    assertThat(e.details().toString()).doesNotContain("Lv7-yuan-qiao")
                            .doesNotContain(SecurityTestAccounts.PASSWORD);
                });

        logIn(username, "Lv7-yuan-qiao");
        mvc.perform(get("/").cookie(logIn(username, "Lv7-yuan-qiao"))).andExpect(status().isOk());
    }

    @Test
    void errorsAreShownNextToTheirFieldsInChinese() throws Exception {
        String username = testAccounts.create("errors", false);
        Cookie session = logIn(username, SecurityTestAccounts.PASSWORD);
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "not-it").param("newPassword", "P@ssw0rd")
                        .param("repeatPassword", "P@ssw0rd!"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"currentPassword-error\""), containsString("当前密码不正确"),
                        containsString("id=\"newPassword-error\""), containsString("这是常见密码"),
                        containsString("id=\"repeatPassword-error\""), containsString("两次输入的新密码不一致"),
                        not(containsString("value=\"P@ssw0rd\"")), not(containsString("??")))));
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", SecurityTestAccounts.PASSWORD).param("newPassword", "abc")
                        .param("repeatPassword", "abc"))
                .andExpect(content().string(allOf(containsString("密码至少 8 位"),
                        containsString("至少 3 类"))));
        assertThat(events.stream(AccountEvent.class).filter(e -> e.subjectId().equals(username))).isEmpty();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndSecureBehindTls() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> plain = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains(TestSessions.COOKIE + "=").contains("HttpOnly").contains("SameSite=Lax")
                .doesNotContain("Secure");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();

        HttpResponse<String> proxied = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/login")).header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure")
                .contains("HttpOnly");
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    /** Whether the demo accounts existed when the web server had started (and began to answer HTTP). */
    @TestConfiguration
    static class DemoDataAtServerStart {
        static volatile Boolean demoAccountsExisted;

        @Bean
        ApplicationListener<ServletWebServerInitializedEvent> demoAccountsAtServerStart(UserAccounts accounts) {
            return event -> demoAccountsExisted = accounts.existsByUsername("filer-001239");
        }
    }

    @Test
    void demoDataIsLoadedBeforeTheWebServerAnswers() {
        assertThat(DemoDataAtServerStart.demoAccountsExisted).isTrue();
    }

    @Test
    void sessionsEndAfterThirtyIdleMinutes() throws Exception {
        // the session a browser gets is stored in PostgreSQL with the idle timeout of server.servlet.session.timeout
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String value = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0]
                .substring(TestSessions.COOKIE.length() + 1);
        assertThat(jdbc.queryForObject("""
                select max_inactive_interval from spring_session where session_id = ?""", Integer.class,
                TestSessions.id(value))).as("seconds").isEqualTo(30 * 60);
        // the container's own sessions are not used, but say the same
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost()
                .findChildren()[0];
        assertThat(context.getSessionTimeout()).as("minutes").isEqualTo(30);
    }
}
