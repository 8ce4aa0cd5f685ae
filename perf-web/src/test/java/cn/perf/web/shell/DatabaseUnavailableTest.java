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
import cn.perf.domain.apitoken.ApiTokenService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The database cannot serve a request (issue 12's faults): the pool has no free connection within its wait, or a
 * statement runs past {@code statement_timeout}. The user gets the Chinese 503 page with {@code Retry-After} within the
 * configured wait — on real Tomcat, through the security chain that reads the caller's roles from the database — and
 * the app serves again as soon as connections are free. A program calling the JSON API with its token gets the same
 * 503 and Retry-After as a problem detail (application/problem+json, 系统繁忙，请稍后重试), never the HTML page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "perf.demo-data=true", "spring.datasource.hikari.maximum-pool-size=3",
        "spring.datasource.hikari.connection-timeout=500",
        // the signing backfill's start-up run would race the tests for the pool's three connections
        "perf.signing.backfill-enabled=false"})
class DatabaseUnavailableTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApiTokenService tokens;

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
    void anApiCallDuringAnOutageIsAProblem503WithRetryAfterAndTheApiServesAgainAfterwards() throws Exception {
        String token = tokens.create(new ApiTokenService.CreateToken("filer-001239", "故障测试", 1)).text();
        HttpClient program = HttpClient.newHttpClient();
        assertThat(api(program, token, "/api/v1/declarations").statusCode()).isEqualTo(200);

        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(dataSource.getConnection());
            }
            for (String path : List.of("/api/v1/declarations", "/api/v1/scoring/regimes")) {
                HttpResponse<String> busy = api(program, token, path);
                assertThat(busy.statusCode()).as(path).isEqualTo(503);
                assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(busy.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(busy.body()).contains("\"type\":\"urn:perf:problem:database-unavailable\"",
                        "\"title\":\"系统繁忙，请稍后重试\"", "\"status\":503", "\"instance\":\"" + path + "\"")
                        .doesNotContain("<html", "Exception", "at cn.");
            }
            HttpResponse<String> write = program.send(HttpRequest.newBuilder(uri("/api/v1/declarations/1/submit"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"version\":0}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(write.statusCode()).isEqualTo(503);
            assertThat(write.body()).contains("未做任何修改");
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(api(program, token, "/api/v1/declarations").statusCode()).as("served again").isEqualTo(200);
    }

    private HttpResponse<String> api(HttpClient client, String token, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
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
