package cn.perf.web.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import cn.perf.domain.account.Role;
import cn.perf.domain.account.UserAccount;
import cn.perf.domain.account.UserAccounts;
import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.shared.CommittedChanges;
import cn.perf.testdb.TestDatabase;
import cn.perf.web.PerfApplication;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Two application nodes on one PostgreSQL, as behind a load balancer: this test's application (node A) and a second
 * one started beside it (node B). A browser session begun on one node is honoured by the other, with its CSRF token and
 * its flash message; a new sign-in on one node ends the user's older session on the other; static files never read
 * or write the session table; a page reads its session at most once and, once the node has a copy of it, not at all;
 * inside the touch interval it writes nothing. A change made on one node reaches the other's copy of the session once
 * its notification has arrived ({@link CommittedChanges#awaitDelivered}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"perf.demo-data=true", "perf.session.touch-interval=PT1M"})
class SessionsAcrossNodesTest {

    private static final String PASSWORD = "Kq83!mzt07x";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static ConfigurableApplicationContext nodeB;

    @LocalServerPort
    int portA;
    @Autowired
    UserAccounts accounts;
    @Autowired
    BudgetUnits units;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;
    /** Node A's change feed: what another node commits reaches A's copies through it. */
    @Autowired
    CommittedChanges changes;
    /** Spring Session's JDBC repository (a JdbcIndexedSessionRepository), watched. */
    @SuppressWarnings("rawtypes")
    @MockitoSpyBean(name = "sessionRepository")
    SessionRepository stored;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startNodeB() {
        TestDatabase.Connection db = TestDatabase.get();
        // as arguments: they must win over application.yml (spring.datasource.url: ${PERF_DB_URL:})
        nodeB = new SpringApplicationBuilder(PerfApplication.class).run(
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                "--server.port=0", "--perf.demo-data=true", "--perf.signing.backfill-enabled=false",
                "--spring.datasource.hikari.minimum-idle=1", "--spring.jmx.enabled=false");
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    private String nodeB() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) nodeB).getWebServer().getPort();
    }

    private String nodeA() {
        return "http://127.0.0.1:" + portA;
    }

    @Test
    void aSessionBegunOnOneNodeWorksOnTheOtherWithItsCsrfTokenAndFlashMessage() throws Exception {
        String user = account();
        String cookie = signIn(nodeA(), user);

        assertThat(get(nodeB(), "/", cookie).statusCode()).as("signed in on node B too").isEqualTo(200);
        // the token page is rendered on A (its CSRF token is in the session), the form posted to B
        HttpResponse<String> form = get(nodeA(), "/account/tokens", cookie);
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> created = post(nodeB(), "/account/tokens", cookie,
                Map.of("_csrf", csrf(form.body()), "name", "两节点", "validDays", "30"));
        assertThat(created.statusCode()).as("accepted with the token of node A's page").isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/account/tokens");
        // the flash message (the token's text, shown once) was put in the session by B and is shown by A, once B's
        // change has reached A's copy of the session (a browser's redirect takes longer than that; this client may not)
        assertThat(changes.awaitDelivered(PATIENCE)).isTrue();
        HttpResponse<String> shown = get(nodeA(), "/account/tokens", cookie);
        assertThat(shown.body()).contains("id=\"issued-token\"").contains("两节点");
        assertThat(get(nodeB(), "/account/tokens", cookie).body()).as("shown once").doesNotContain("id=\"issued-token\"");
        // the two attributes every page reads are stored in SessionAttributeCodec's compact form, not Java-serialized
        assertThat(storedAttribute(user, "SPRING_SECURITY_CONTEXT")).startsWith((byte) 'P', (byte) 'S', (byte) 'C');
        assertThat(storedAttribute(user, HttpSessionCsrfTokenRepository.class.getName() + ".CSRF_TOKEN"))
                .startsWith((byte) 'P', (byte) 'C', (byte) 'T');

        // signing out on B ends the session for A as well, once B's change has reached A's copy of the session
        HttpResponse<String> out = post(nodeB(), "/logout", cookie, Map.of("_csrf", csrf(shown.body())));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(changes.awaitDelivered(PATIENCE)).isTrue();
        assertThat(get(nodeA(), "/", cookie).headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    /**
     * A one-time notice of plain values (令牌已撤销, 已保存 …) travels in a signed cookie, not in the session: the step
     * that sets it and the page that shows it write nothing to the session table, either node shows it, once; the
     * cookie is bound to the session (another session's cookie, or an altered one, shows nothing and fails nothing).
     */
    @Test
    void aPlainOneTimeNoticeTravelsInASignedCookieNotInTheSession() throws Exception {
        String user = account();
        String cookie = signIn(nodeA(), user);
        HttpResponse<String> form = get(nodeA(), "/account/tokens", cookie);
        HttpResponse<String> created = post(nodeA(), "/account/tokens", cookie,
                Map.of("_csrf", csrf(form.body()), "name", "撤销用", "validDays", "30"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(changes.awaitDelivered(PATIENCE)).isTrue();
        HttpResponse<String> list = get(nodeA(), "/account/tokens", cookie); // shows the issued token: session
        assertThat(list.body()).contains("id=\"issued-token\"");
        Matcher revoke = Pattern.compile("action=\"(/account/tokens/\\d+/revoke)\"").matcher(list.body());
        assertThat(revoke.find()).as("a revoke button").isTrue();
        assertThat(changes.awaitDelivered(PATIENCE)).isTrue();
        get(nodeA(), "/account/tokens", cookie); // this node's copy of the session is current again

        clearInvocations(stored);
        HttpResponse<String> revoked = post(nodeA(), revoke.group(1), cookie, Map.of("_csrf", csrf(list.body())));
        assertThat(revoked.statusCode()).isEqualTo(302);
        String flash = revoked.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(CookieFlashMaps.COOKIE + "-")).findFirst()
                .orElseThrow(() -> new AssertionError("no notice cookie: " + revoked.headers()));
        assertThat(flash).contains("HttpOnly").contains("SameSite=Lax").contains("Max-Age=");
        String notice = flash.split(";")[0];

        HttpResponse<String> other = get(nodeB(), "/account/tokens", signIn(nodeB(), account()) + "; " + notice);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).as("another session's notice").doesNotContain("令牌已撤销");
        String forged = notice.substring(0, notice.lastIndexOf('.') + 1) + "AAAA";
        assertThat(get(nodeB(), "/account/tokens", cookie + "; " + forged).body()).as("a forged signature")
                .doesNotContain("令牌已撤销");

        HttpResponse<String> shown = get(nodeB(), "/account/tokens", cookie + "; " + notice);
        assertThat(shown.body()).contains("令牌已撤销");
        assertThat(shown.headers().allValues("Set-Cookie")).as("the notice's cookie removed once shown")
                .anyMatch(c -> c.startsWith(notice.substring(0, notice.indexOf('=')) + "=;")
                        && c.contains("Max-Age=0"));
        verify(stored, never()).save(any()); // node A: neither the step nor its notice wrote the session
        assertThat(jdbc.queryForObject("select count(*) from spring_session_attributes a join spring_session s"
                + " on s.primary_id = a.session_primary_id where s.principal_name = ? and a.attribute_name like ?",
                Integer.class, user, "%FLASH_MAPS")).isZero();
    }

    @Test
    void aNewSignInOnOneNodeEndsTheUsersOlderSessionOnTheOther() throws Exception {
        String user = account();
        String onA = signIn(nodeA(), user);
        assertThat(get(nodeA(), "/", onA).statusCode()).isEqualTo(200);
        String onB = signIn(nodeB(), user);

        assertThat(get(nodeB(), "/", onB).statusCode()).isEqualTo(200);
        assertThat(changes.awaitDelivered(PATIENCE)).isTrue(); // B marked A's session expired
        HttpResponse<String> older = get(nodeA(), "/", onA);
        assertThat(older.statusCode()).isEqualTo(302);
        assertThat(older.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
                Integer.class, user)).as("sessions of the user left").isEqualTo(1);
    }

    @Test
    void staticFilesNeverReadOrWriteTheSessionAndPagesWriteItOnlyAfterTheTouchInterval() throws Exception {
        String user = account();
        String cookie = signIn(nodeA(), user);
        long signedIn = lastAccess(cookie);

        clearInvocations(stored);
        for (String file : new String[] {"/css/perf.css", "/webjars/htmx.org/dist/htmx.min.js"}) {
            HttpResponse<String> r = get(nodeA(), file, cookie);
            assertThat(r.statusCode()).as(file).isEqualTo(200);
            assertThat(r.headers().firstValue("Set-Cookie")).as(file).isEmpty();
        }
        verify(stored, never()).findById(anyString());
        verify(stored, never()).save(any());
        verify(stored, never()).createSession();

        assertThat(changes.awaitDelivered(PATIENCE)).isTrue(); // the sign-in's own notifications are in
        assertThat(get(nodeA(), "/", cookie).statusCode()).isEqualTo(200);
        // at most once for the whole request: Spring Session's filter (before and after saving) and the session
        // registry share one read, and none at all once this node has a copy of the session
        verify(stored, atMost(1)).findById(anyString());
        // that first page stored the session's new CSRF token: a write, which dropped this node's copy at once; its
        // notification drops it again when it arrives, so the next page reads and keeps a copy only once it has
        // arrived (otherwise, on a loaded machine, the late notification drops the fresh copy: one more read)
        assertThat(changes.awaitDelivered(PATIENCE)).isTrue();
        assertThat(get(nodeA(), "/", cookie).statusCode()).isEqualTo(200);
        clearInvocations(stored);
        assertThat(get(nodeA(), "/", cookie).statusCode()).isEqualTo(200);
        assertThat(get(nodeA(), "/", cookie).statusCode()).isEqualTo(200);
        verify(stored, never()).findById(anyString()); // served from the copy
        verify(stored, never()).save(any());
        assertThat(lastAccess(cookie)).as("no write within the touch interval (1 min)").isEqualTo(signedIn);

        // as if 61 s had passed: the interval is measured from the stored last-access time; the change (plain SQL,
        // as another node's write) drops this node's copy once its notification arrives
        jdbc.update("update spring_session set last_access_time = last_access_time - 61000 where session_id = ?",
                TestSessions.id(cookie.substring(cookie.indexOf('=') + 1)));
        assertThat(changes.awaitDelivered(PATIENCE)).isTrue();
        assertThat(get(nodeA(), "/", cookie).statusCode()).isEqualTo(200);
        verify(stored, times(1)).findById(anyString());
        assertThat(lastAccess(cookie)).as("written once the interval is over").isGreaterThan(signedIn);
    }

    @Autowired
    org.springframework.session.jdbc.JdbcIndexedSessionRepository storedSessions;

    /**
     * Two requests of one session that both add the same new attribute (both read the session without it): the second
     * write is an upsert, not a duplicate key on the attribute table (a 500 before).
     */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void twoRequestsAddingTheSameNewAttributeAtOnceBothSave() {
        org.springframework.session.SessionRepository<org.springframework.session.Session> repository =
                (org.springframework.session.SessionRepository) storedSessions;
        org.springframework.session.Session created = repository.createSession();
        repository.save(created);
        org.springframework.session.Session first = repository.findById(created.getId());
        org.springframework.session.Session second = repository.findById(created.getId());
        first.setAttribute("token", "one");
        second.setAttribute("token", "two");
        repository.save(first);
        repository.save(second);
        assertThat(repository.findById(created.getId()).<String>getAttribute("token")).isEqualTo("two");
        repository.deleteById(created.getId());
    }

    private long lastAccess(String cookie) {
        return jdbc.queryForObject("select last_access_time from spring_session where session_id = ?", Long.class,
                TestSessions.id(cookie.substring(cookie.indexOf('=') + 1)));
    }

    private String account() {
        String username = "nodes-" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        UserAccount account = UserAccount.open(username, encoder.encode(PASSWORD), "两节点测试", units
                .findByName(DemoOrganization.SUZHOU_FINANCE).orElseThrow().id(), EnumSet.of(Role.FILER));
        account.waivePasswordChange();
        accounts.save(account);
        return username;
    }

    /** Signs in on a node as a browser does; returns the session cookie ({@code SESSION=…}). */
    private String signIn(String node, String username) throws Exception {
        HttpResponse<String> page = get(node, "/login", null);
        // the login page starts no session: its CSRF token is a cookie until the sign-in (SignInCsrfTokens)
        String anonymous = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0])
                .reduce((a, b) -> a + "; " + b).orElseThrow(() -> new AssertionError("no CSRF cookie: " + page));
        assertThat(anonymous).doesNotContain(TestSessions.COOKIE + "=");
        HttpResponse<String> login = post(node, "/login", anonymous,
                Map.of("_csrf", csrf(page.body()), "username", username, "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return sessionCookie(login);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(TestSessions.COOKIE + "=")).map(c -> c.split(";")[0])
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no session cookie: " + response));
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String node, String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String node, String path, String cookie, Map<String, String> fields)
            throws Exception {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private byte[] storedAttribute(String user, String name) {
        return jdbc.queryForObject("select a.attribute_bytes from spring_session_attributes a join spring_session s"
                + " on s.primary_id = a.session_primary_id where s.principal_name = ? and a.attribute_name = ?",
                byte[].class, user, name);
    }
}
