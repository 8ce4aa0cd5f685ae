package cn.perf.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, for real: the executable jar started as its own process with no database
 * configured, so it starts the embedded PostgreSQL under a data directory, loads the demo data and serves the
 * Chinese login page; a demo user logs in and sees role and unit; a second start on the same data directory
 * keeps everything: a unit written into the running embedded database is still there after the restart, and
 * the demo data is not loaded twice; after a crash (kill -9) the next start stops the orphaned PostgreSQL and keeps
 * the committed data. The trial is safe: the embedded PostgreSQL needs the generated password (file mode 600),
 * the demo listens on 127.0.0.1, and a second start on a data directory in use is refused without harming the first.
 */
class RunCommandIT {

    private static final Path JAR = Path.of("..", "perf-web", "target", "perf-web-exec.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path dataDir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            stop(p);
        }
    }

    @Test
    void theRunCommandServesTheAppOnAnEmbeddedPostgresAndKeepsDataAcrossRestarts() throws Exception {
        assertThat(JAR).as("perf-web must be packaged before src-it runs").exists();

        int port = freePort();
        Path log1 = dataDir.resolve("run1.log");
        Process first = start(port, log1);
        String startLog = awaitStarted(first, log1);
        assertThat(startLog)
                .contains("内嵌 PostgreSQL 已启动")
                .contains("新建")
                .contains("http://localhost:" + port + "/")
                .contains("filer-001239").contains("finance").contains("admin").contains("Demo@2026");
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
        assertThat(startLog).contains("监听地址：127.0.0.1");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("postgres-password")))).isEqualTo("rw-------");
        assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrl(startLog), "postgres", "postgres"))
                .as("the embedded PostgreSQL needs its generated password").isInstanceOf(SQLException.class);

        // a second start on the same data directory is refused, and the first run keeps serving
        Path logBusy = dataDir.resolve("run-busy.log");
        Process busy = start(freePort(), logBusy);
        assertThat(busy.waitFor(120, TimeUnit.SECONDS)).as("the second start exits").isTrue();
        assertThat(busy.exitValue()).isNotZero();
        assertThat(Files.readString(logBusy)).contains("正被另一个运行中的 perf 使用");

        HttpClient client = client();
        HttpResponse<String> login = client.send(get(port, "/login"), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("用户登录");

        String home = logIn(client, port, "filer-001239", "Demo@2026");
        assertThat(home).contains("单位填报人").contains("苏州市城市管理局").contains("001239");

        try (Connection db = connect(startLog); Statement st = db.createStatement()) {
            st.executeUpdate("insert into budget_unit (code, name, kind, region) "
                    + "values ('RESTART', '重启验证单位', 'BUDGET_UNIT', '苏州市')");
        }

        stop(first);

        Path log2 = dataDir.resolve("run2.log");
        Process second = start(port, log2);
        String secondLog = awaitStarted(second, log2);
        assertThat(secondLog).contains("沿用已有数据");
        String homeAgain = logIn(client(), port, "finance", "Demo@2026");
        assertThat(homeAgain).contains("财政局审核人").contains("苏州市财政局");
        assertThat(Files.readString(log2)).doesNotContain("ERROR");
        try (Connection db = connect(secondLog); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("select (select count(*) from budget_unit where code = 'RESTART'), "
                     + "(select count(*) from user_account where username = 'filer-001239')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("row written before the restart").isEqualTo(1);
            assertThat(rs.getInt(2)).as("demo users are not loaded twice").isEqualTo(1);
        }

        // A crash of the JVM (kill -9) leaves its PostgreSQL running on the data directory: the next start stops
        // that orphan and comes up on the same data, including what was committed just before the crash.
        try (Connection db = connect(secondLog); Statement st = db.createStatement()) {
            st.executeUpdate("insert into budget_unit (code, name, kind, region) "
                    + "values ('CRASH', '崩溃前写入的单位', 'BUDGET_UNIT', '苏州市')");
        }
        second.destroyForcibly().waitFor();

        Path log3 = dataDir.resolve("run3.log");
        Process third = start(port, log3);
        String thirdLog = awaitStarted(third, log3);
        assertThat(thirdLog).contains("发现上次未正常停止的内嵌 PostgreSQL");
        try (Connection db = connect(thirdLog); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from budget_unit where code in ('RESTART', 'CRASH')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("rows committed before the restart and before the crash").isEqualTo(2);
        }
        assertThat(logIn(client(), port, "filer-001239", "Demo@2026")).contains("苏州市城市管理局");
    }

    private Process start(int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove("PERF_DB_URL");
        pb.environment().remove("SPRING_DATASOURCE_URL");
        pb.environment().remove("PERF_DEMO_DATA");
        pb.environment().put("PERF_DATA_DIR", dataDir.toString());
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static String awaitStarted(Process p, Path log) throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains("已启动：http://localhost:")) {
                return text;
            }
            if (!p.isAlive()) {
                throw new AssertionError("the application exited with " + p.exitValue() + ":\n" + text);
            }
            p.waitFor(500, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("the application did not start within " + START_TIMEOUT + ":\n"
                + Files.readString(log));
    }

    private static void stop(Process p) throws InterruptedException {
        if (p.isAlive()) {
            p.destroy(); // SIGTERM: shutdown hooks stop Spring and the embedded PostgreSQL
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    private static String logIn(HttpClient client, int port, String user, String password) throws Exception {
        String page = client.send(get(port, "/login"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(uri(port, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.uri().getPath()).isEqualTo("/");
        return posted.body();
    }

    /** Connects to the embedded database whose JDBC URL the start-up log names, with the generated password. */
    private Connection connect(String startLog) throws SQLException, IOException {
        String password = Files.readString(dataDir.resolve("postgres-password")).strip();
        return DriverManager.getConnection(jdbcUrl(startLog), "postgres", password);
    }

    private static String jdbcUrl(String startLog) {
        Matcher url = Pattern.compile("(jdbc:postgresql://localhost:\\d+/postgres)").matcher(startLog);
        assertThat(url.find()).as("the log names the embedded database").isTrue();
        return url.group(1);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(uri(port, path)).GET().build();
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
