package cn.perf.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The deadline week (issue 12): every filer of a city saves, scores and exports at once.
 *
 * <p>Each virtual user is a filer account of its own (the one-session-per-user rule: a second login would end the
 * first session), read from the feeder {@code perf.load.feeder} (username, its 草稿 申报表, a 自评表 of its unit; written
 * by {@code scripts/load-deadline-week.sh} from {@code loadgen.filer}, which {@code scripts/generate-data.sh} fills). It
 * logs in (a refusal while the node is busy, 429, is tried again after Retry-After), then
 * {@code perf.load.iterations} times: opens 待办, searches the list by a project-name fragment, opens its
 * 申报表, opens the edit page and saves it with a changed field (the form as the page has it: the version and the CSRF
 * token included), opens its 自评表 and has it scored live twice as htmx does while one types ({@code POST
 * /evaluations/{id}/preview}, the whole form, the CSRF header), and fetches the app's stylesheet (a static file, so
 * every figure also stands as a ratio to it). After the last round it submits the 申报表 and exports its PDF. Think
 * time between steps: uniformly 5–15 s. Load: {@code perf.load.users} concurrent users (a closed model: a user who is
 * done is replaced by the next account), reached over {@code perf.load.rampSeconds}, held for {@code
 * perf.load.minutes}.
 *
 * <p>Assertions (issue 12's goal): no failed request, p95 &lt; 150 ms, p99 &lt; 300 ms over all requests.
 */
public class DeadlineWeekSimulation extends Simulation {

    static final String BASE = System.getProperty("perf.load.baseUrl", "http://127.0.0.1:8080");
    static final String FEEDER = System.getProperty("perf.load.feeder", "target/load-users.csv");
    static final int USERS = Integer.getInteger("perf.load.users", 100);
    static final int RAMP_SECONDS = Integer.getInteger("perf.load.rampSeconds", 120);
    static final int MINUTES = Integer.getInteger("perf.load.minutes", 10);
    static final int ITERATIONS = Integer.getInteger("perf.load.iterations", 5);
    static final int PAUSE_MIN = Integer.getInteger("perf.load.pauseMin", 5);
    static final int PAUSE_MAX = Integer.getInteger("perf.load.pauseMax", 15);
    static final String PASSWORD = System.getProperty("perf.load.password", "Demo@2026");

    /** Fragments of generated project names (three or more characters: the trigram index serves them). */
    static final List<String> TERMS = List.of("绿化养护", "道路照明", "信息系统", "平台运维", "老旧小区", "垃圾分类",
            "视频监控", "网络安全", "档案数字化", "应急物资", "污水管网", "养老服务", "热线运营", "公交场站");
    static final List<String> LEADERS = List.of("张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十");

    final HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .acceptLanguageHeader("zh-CN,zh;q=0.9")
            .acceptEncodingHeader("gzip, deflate")
            .userAgentHeader("perf-load (Gatling) deadline week");

    static ChainBuilder think() {
        return pause(Duration.ofSeconds(PAUSE_MIN), Duration.ofSeconds(PAUSE_MAX));
    }

    final ChainBuilder staticFile = exec(http("static /css/perf.css").get("/css/perf.css")
            .check(status().is(200), substring("body")));

    /**
     * Signs in as a user does: the login page, then the form posted. A sign-in refused while the node is busy (429,
     * 登录请求过多，请稍后再试, {@code Retry-After}: LoginThrottle) is tried again after {@code Retry-After}, as the
     * page asks, at most {@code LOGIN_TRIES} times in all; each refusal still counts as a failed request. (Until
     * 2026-12-02 a refused user carried on without a session, so one refusal also failed each of that user's later
     * pages, about ten requests.)
     */
    final ChainBuilder login = exec(session -> session.set("signedIn", false).set("tries", 0))
            .asLongAs(session -> !session.getBoolean("signedIn") && session.getInt("tries") < LOGIN_TRIES).on(
                    exec(http("login page").get("/login")
                            .check(status().is(200), regex(META_CSRF).saveAs("csrf"))),
                    exec(http("login").post("/login")
                            .formParam("username", "#{username}")
                            .formParam("password", PASSWORD)
                            .formParam("_csrf", "#{csrf}")
                            // 302 to / and the home page: a wrong password or a locked account comes back to /login
                            .check(status().saveAs("loginStatus"), header("Retry-After").optional().saveAs("retryAfter"),
                                    currentLocation().saveAs("where"),
                                    status().is(200), currentLocationRegex(".*/$"))),
                    exec(session -> session.set("tries", session.getInt("tries") + 1)
                            .set("signedIn", session.contains("loginStatus") && session.getInt("loginStatus") == 200
                                    && session.contains("where") && session.getString("where").endsWith("/"))
                            .remove("loginStatus").remove("where")),
                    doIf(session -> !session.getBoolean("signedIn")).then(pause(session -> Duration.ofSeconds(
                            session.contains("retryAfter") ? Long.parseLong(session.getString("retryAfter")) : 5)))
                            .exec(session -> session.remove("retryAfter")));

    static final int LOGIN_TRIES = Integer.getInteger("perf.load.loginTries", 5);
    static final String META_CSRF = "<meta name=\"_csrf\" content=\"([^\"]+)\"";

    final ChainBuilder round = exec(
            think(),
            exec(http("todo").get("/todo").check(status().is(200), substring("待办"))),
            think(),
            exec(session -> session.set("term", URLEncoder.encode(
                    TERMS.get(ThreadLocalRandom.current().nextInt(TERMS.size())), StandardCharsets.UTF_8))),
            exec(http("search").get("/declarations?name=#{term}").check(status().is(200))),
            think(),
            exec(http("open declaration").get("/declarations/#{declaration}").check(status().is(200))),
            exec(http("edit page").get("/declarations/#{declaration}/edit")
                    .check(status().is(200), currentLocationRegex(".*/edit$"), bodyString().saveAs("editBody"))),
            think(),
            exec(http("save").post("/declarations/#{declaration}/edit")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .body(StringBody(session -> urlEncoded(editedDeclaration(session))))
                    // saved: redirected back to the edit page with 已保存; a 409 (stale version) or a 422 fails here
                    .check(bodyString().saveAs("saveBody"), status().is(200),
                            currentLocationRegex(".*/declarations/\\d+/edit$"), substring("已保存"))),
            exec(DeadlineWeekSimulation::keepFailedSave),
            think(),
            exec(http("evaluation page").get("/evaluations/#{evaluation}/edit")
                    .check(status().is(200), bodyString().saveAs("evaluationBody"),
                            regex(META_CSRF).saveAs("csrf"),
                            regex("<meta name=\"_csrf_header\" content=\"([^\"]+)\"").is("X-CSRF-TOKEN"))),
            think(),
            repeat(2).on(exec(http("live score").post("/evaluations/#{evaluation}/preview")
                    .header("X-CSRF-TOKEN", "#{csrf}")
                    .header("HX-Request", "true")
                    .header("HX-Trigger", "live-trigger")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .body(StringBody(session -> urlEncoded(typedEvaluation(session))))
                    .check(status().is(200), substring("id=\"live-shown\""))), pause(Duration.ofSeconds(2))),
            exec(session -> session.remove("evaluationBody")),
            staticFile);

    final ChainBuilder submitAndExport = exec(
            think(),
            exec(http("open declaration").get("/declarations/#{declaration}")
                    .check(status().is(200),
                            regex("(?s)action=\"[^\"]*/submit\"[^>]*>(?:(?!</form>).)*?name=\"version\" value=\"(\\d+)\"")
                                    .saveAs("version"),
                            regex(META_CSRF).saveAs("csrf"))),
            think(),
            exec(http("submit").post("/declarations/#{declaration}/submit")
                    .formParam("version", "#{version}")
                    .formParam("_csrf", "#{csrf}")
                    .check(bodyString().saveAs("saveBody"), status().is(200),
                            currentLocationRegex(".*/declarations/\\d+$"), substring("已提交，等待主管部门审核"))),
            exec(DeadlineWeekSimulation::keepFailedSave),
            think(),
            exec(http("pdf").get("/declarations/#{declaration}/pdf")
                    .check(status().is(200), header("Content-Type").is("application/pdf"))));

    final ScenarioBuilder deadlineWeek = scenario("deadline week")
            .feed(csv(FEEDER).queue())
            .exec(login, staticFile)
            .repeat(ITERATIONS).on(round)
            .exec(submitAndExport);

    static final String DEBUG_DIR = System.getProperty("perf.load.debugDir");

    /** With -Dperf.load.debugDir: the answer to a save that did not save, and the form that was posted. */
    static Session keepFailedSave(Session session) {
        if (DEBUG_DIR != null && session.isFailed() && session.contains("saveBody")) {
            try {
                java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of(DEBUG_DIR));
                java.nio.file.Files.writeString(dir.resolve(session.getString("username") + "-save.html"),
                        session.getString("saveBody"));
                java.nio.file.Files.writeString(dir.resolve(session.getString("username") + "-form.txt"),
                        String.valueOf(new java.util.TreeMap<>(editedDeclaration(session))));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return session.remove("saveBody").remove("editBody");
    }

    /** The edit form as the page had it, with one field changed (as a filer corrects the 项目负责人). */
    static Map<String, Object> editedDeclaration(Session session) {
        Map<String, Object> form = FormFields.of(session.getString("editBody"), "declaration-form");
        form.put("projectLeader", LEADERS.get(ThreadLocalRandom.current().nextInt(LEADERS.size())));
        return form;
    }

    /**
     * The form as a browser encodes it: a field with several values (a {@code <select multiple>}) once per value.
     * (formParamMap sends a collection's toString, so the body is built here.)
     */
    static String urlEncoded(Map<String, Object> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> {
            Iterable<?> values = value instanceof Iterable<?> it ? it : List.of(value == null ? "" : value);
            for (Object v : values) {
                if (!body.isEmpty()) {
                    body.append('&');
                }
                body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
            }
        });
        return body.toString();
    }

    static final java.util.regex.Pattern ACTUAL = java.util.regex.Pattern.compile("rows\\[\\d+]\\.actual");

    /**
     * The self-evaluation form as htmx posts it after a keystroke: the page's values (with the page's
     * {@code liveShown}, so the answer holds only what changed) and one row's 实际完成值 typed anew.
     */
    static Map<String, Object> typedEvaluation(Session session) {
        Map<String, Object> form = FormFields.of(session.getString("evaluationBody"), "evaluation-form");
        List<String> actuals = form.keySet().stream().filter(k -> ACTUAL.matcher(k).matches()).sorted().toList();
        if (!actuals.isEmpty()) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            form.put(actuals.get(random.nextInt(actuals.size())), Integer.toString(random.nextInt(1, 200)));
        }
        return form;
    }

    {
        setUp(deadlineWeek.injectClosed(
                        rampConcurrentUsers(0).to(USERS).during(Duration.ofSeconds(RAMP_SECONDS)),
                        constantConcurrentUsers(USERS).during(Duration.ofMinutes(MINUTES))))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(RAMP_SECONDS + MINUTES * 60L))
                .assertions(global().failedRequests().count().is(0L),
                        global().responseTime().percentile(95.0).lt(150),
                        global().responseTime().percentile(99.0).lt(300));
    }
}
