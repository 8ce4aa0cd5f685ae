package cn.perf.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The database cannot serve a request (issue 12's faults): the pool has no free connection within its wait, or a
 * statement runs past {@code statement_timeout}. The user gets the Chinese 503 page with {@code Retry-After} within the
 * configured wait — on real Tomcat, through the security chain that reads the caller's roles from the database — and
 * the app serves again as soon as connections are free.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "perf.demo-data=true", "spring.datasource.hikari.maximum-pool-size=3",
        "spring.datasource.hikari.connection-timeout=500"})
class DatabaseUnavailableTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void anExhaustedPoolIsA503PageWithRetryAfterWithinTheWaitAndServiceResumesAfterwards() throws Exception {
        HttpClient browser = loggedIn("filer-001239");
        assertThat(get(browser, "/declarations").statusCode()).isEqualTo(200);

        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(dataSource.getConnection());
            }
            long start = System.nanoTime();
            HttpResponse<String> busy = get(browser, "/declarations");
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(busy.body()).contains("系统繁忙，请稍后重试", "您的数据没有丢失").doesNotContain("Exception", "at cn.");
            assertThat(millis).as("answered after the pool's wait of 500 ms, not hung").isLessThan(5_000);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(get(browser, "/declarations").statusCode()).as("served again once connections are free")
                .isEqualTo(200);
    }

    @Test
    void aStatementPastTheStatementTimeoutIsCancelledByPostgresql() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("show statement_timeout");
            rs.next();
            assertThat(rs.getString(1)).as("set on every pooled connection").isEqualTo("30s");
            s.execute("set statement_timeout = '200ms'");
            SQLException cancelled = null;
            try {
                s.execute("select pg_sleep(2)");
            } catch (SQLException e) {
                cancelled = e;
            }
            assertThat((Throwable) cancelled).isNotNull();
            assertThat(cancelled.getSQLState()).isEqualTo("57014");
            assertThat(DatabaseUnavailable.isUnavailable(new RuntimeException(cancelled))).isTrue();
            s.execute("reset statement_timeout");
        }
    }

    @Test
    void otherFailuresAreNotMistakenForAnUnavailableDatabase() {
        assertThat(DatabaseUnavailable.isUnavailable(new IllegalStateException("x"))).isFalse();
        assertThat(DatabaseUnavailable.isUnavailable(new RuntimeException(new SQLException("dup", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.isUnavailable(new RuntimeException(new SQLException("gone", "08006"))))
                .isTrue();
    }

    private HttpClient loggedIn(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = get(client, "/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=" + URLEncoder.encode("Demo@2026", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
