package cn.perf.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A flood of sign-ins (issue 12): when this node already checks as many passwords as it may and as many wait as may
 * wait, a further {@code POST /login} is answered with 429, {@code Retry-After} and the Chinese page
 * 登录请求过多，请稍后再试 within the configured wait — on real Tomcat, before Spring Security: the refused attempt is
 * not a failed sign-in (no lockout count, no audit entry), and signing in works again once the gate is free.
 * (The same server settings as UploadLimitTest, so both share one application context.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "perf.demo-data=true")
class LoginThrottleTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("loginThrottleFilter")
    FilterRegistrationBean<?> registration;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityTestAccounts accounts;

    @Test
    void aSignInBeyondTheLimitIsRefusedWith429AndTheChinesePageAndIsNoFailedSignIn() throws Exception {
        String user = accounts.create("throttle", false);
        LoginThrottle.Gate gate = ((LoginThrottle.Filter) registration.getFilter()).gate();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String token = csrf(browser);
        long audited = audited(user);
        int failures = jdbc.queryForObject("select failed_logins from user_account where username = ?",
                Integer.class, user);

        int held = 0;
        // the waiting room filled by sign-ins that wait their turn (each enters and leaves once it gets one)
        ExecutorService waiters = Executors.newFixedThreadPool(Math.max(1, gate.maxWaiting()));
        try {
            for (int i = 0; i < gate.concurrent(); i++) {
                assertThat(gate.tryEnter()).isTrue();
                held++;
            }
            for (int i = 0; i < gate.maxWaiting(); i++) {
                waiters.submit(() -> {
                    if (gate.tryEnter()) {
                        gate.leave();
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> gate.waiting() == gate.maxWaiting());
            long start = System.nanoTime();
            HttpResponse<String> refused = signIn(browser, token, user, "wrong-Password-1");
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(refused.body()).contains("登录请求过多，请稍后再试", "本次登录未处理", "href=\"/login\"")
                    .doesNotContain("Exception", "_csrf");
            // every place taken: answered at once, never queued behind the hashes
            assertThat(millis).as("refused at once (%d ms)", millis).isLessThan(5_000);
            assertThat(signIn(browser, token, user, "wrong-Password-2").body()).as("the same page every time")
                    .isEqualTo(refused.body());
        } finally {
            for (int i = 0; i < held; i++) {
                gate.leave();
            }
            waiters.shutdown();
            assertThat(waiters.awaitTermination(30, TimeUnit.SECONDS)).as("the waiting sign-ins got their turns")
                    .isTrue();
        }
        assertThat(jdbc.queryForObject("select failed_logins from user_account where username = ?", Integer.class,
                user)).as("a refused attempt is no failed sign-in").isEqualTo(failures);
        assertThat(audited(user)).as("nor an audit entry (login.failed)")
                .isEqualTo(audited);

        HttpResponse<String> signedIn = signIn(browser, token, user, SecurityTestAccounts.PASSWORD);
        assertThat(signedIn.statusCode()).as("the gate free, signing in works").isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private long audited(String user) {
        return jdbc.queryForObject("select count(*) from audit_entry where actor = ?", Long.class, user);
    }

    private String csrf(HttpClient browser) throws Exception {
        String login = browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF_FIELD.matcher(login);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private HttpResponse<String> signIn(HttpClient browser, String token, String user, String password)
            throws Exception {
        return browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
