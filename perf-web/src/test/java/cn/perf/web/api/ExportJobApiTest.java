package cn.perf.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static cn.perf.web.export.Downloads.cells;
import static cn.perf.web.export.Downloads.fileName;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.perf.domain.export.ExportQueue;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/exports}: a list's 导出 queued by a program and followed to its file, on the demo data, the real
 * PostgreSQL and the application's own export worker — the same queue, files and owner-only rule as the pages'
 * 我的导出 ({@code ExportJobTest}). Jobs another node is "writing" are stored as running with a fresh heartbeat, so no
 * worker here takes them.
 */
class ExportJobApiTest extends ApiTestSupport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    UserDetailsService users;

    @Test
    void aQueuedSummaryIsFollowedToItsWorkbookWhichOnlyItsOwnerReaches() throws Exception {
        String finance = token("finance");
        String key = UUID.randomUUID().toString();
        String body = "{\"kind\": \"DECLARATION_SUMMARY\", \"year\": 2021, \"sort\": \"PROJECT_NAME\", "
                + "\"dir\": \"asc\"}";

        MockHttpServletResponse queued = post(body, finance, key);
        assertThat(queued.getStatus()).as(queued.getContentAsString()).isEqualTo(202);
        JsonNode job = read(queued);
        long id = job.get("id").asLong();
        assertThat(queued.getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/exports/" + id);
        assertThat(queued.getHeader(ApiWrites.REPLAYED)).isEqualTo("false");
        assertThat(job.get("kind").asString()).isEqualTo("DECLARATION_SUMMARY");
        assertThat(job.get("kindLabel").asString()).isEqualTo("申报汇总表（Excel）");
        assertThat(job.get("title").asString()).isEqualTo("2021年度绩效目标申报汇总表");
        assertThat(job.get("status").asString()).isIn("QUEUED", "RUNNING", "DONE");
        assertThat(job.get("search").get("year").asInt()).isEqualTo(2021);
        assertThat(job.get("search").get("sort").asString()).isEqualTo("PROJECT_NAME");
        assertThat(job.get("createdAt").asString()).endsWith("Z");
        assertThat(job.get("links").get("self").asString()).isEqualTo("/api/v1/exports/" + id);

        JsonNode done = awaitFinished(id, finance);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("statusLabel").asString()).isEqualTo("已生成");
        assertThat(done.get("fileName").asString()).isEqualTo("2021年度绩效目标申报汇总表.xlsx");
        assertThat(done.get("finishedAt").isNull()).isFalse();
        assertThat(done.get("error").isNull()).isTrue();
        assertThat(done.get("links").get("file").asString()).isEqualTo("/api/v1/exports/" + id + "/file");
        int rows = done.get("rows").asInt();
        assertThat(rows).as("every 2021 declaration finance sees, not one page")
                .isEqualTo(ok("/api/v1/declarations?year=2021&size=1", finance).get("total").asInt())
                .isGreaterThan(1);

        MockHttpServletResponse file = get("/api/v1/exports/" + id + "/file", finance);
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentType()).isEqualTo(XLSX);
        assertThat(fileName(file)).isEqualTo("2021年度绩效目标申报汇总表.xlsx");
        MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.get("/exports/" + id + "/file")
                .with(user(users.loadUserByUsername("finance")))).andReturn().getResponse();
        assertThat(file.getHeader(HttpHeaders.CONTENT_DISPOSITION)).as("the pages' download of the same job")
                .isEqualTo(page.getHeader(HttpHeaders.CONTENT_DISPOSITION));
        assertThat(file.getContentAsByteArray()).isEqualTo(page.getContentAsByteArray());
        List<List<String>> cells = cells(file.getContentAsByteArray());
        assertThat(cells.get(0)).containsExactly("2021年度绩效目标申报汇总表");
        assertThat(cells.get(1)).contains("序号", "项目名称");
        assertThat(cells).hasSize(rows + 2);
        List<String> names = cells.subList(2, cells.size()).stream().map(r -> r.get(1)).toList();
        List<String> listed = new ArrayList<>();
        ok("/api/v1/declarations?year=2021&sort=PROJECT_NAME&dir=asc&size=100", finance).get("rows")
                .forEach(r -> listed.add(r.get("projectName").asString()));
        assertThat(names).as("the list's rows in the list's order").contains(SEED_000, SEED_001)
                .containsExactlyElementsOf(listed);

        JsonNode mine = ok("/api/v1/exports", finance);
        assertThat(mine.get("maxUnfinished").asInt()).isEqualTo(ExportQueue.MAX_UNFINISHED);
        assertThat(mine.get("keptHours").asLong()).isEqualTo(24);
        assertThat(mine.get("jobs").findValues("id").stream().map(JsonNode::asLong).toList()).contains(id);

        // the same request again with its key: nothing new is queued, the first job is answered
        int before = mine.get("jobs").size();
        MockHttpServletResponse again = post(body, finance, key);
        assertThat(again.getStatus()).isEqualTo(202);
        assertThat(again.getHeader(ApiWrites.REPLAYED)).isEqualTo("true");
        assertThat(again.getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/exports/" + id);
        assertThat(read(again).get("status").asString()).isEqualTo("DONE");
        assertThat(ok("/api/v1/exports", finance).get("jobs").size()).isEqualTo(before);
        problem(post("{\"kind\": \"EVALUATION_SUMMARY\"}", finance, key), 422, "idempotency-conflict");

        // another user (of the same unit too), a made-up id: 404, and nothing of the job in their list
        for (String other : List.of("reviewer-001239", ZHUJIAN_FILER)) {
            for (String url : List.of("/api/v1/exports/" + id, "/api/v1/exports/" + id + "/file")) {
                problem(get(url, token(other)), 404, "not-found");
            }
            assertThat(ok("/api/v1/exports", token(other)).toString()).doesNotContain("\"id\":" + id + ",");
        }
        problem(get("/api/v1/exports/" + (id + 100000), finance), 404, "not-found");
    }

    @Test
    void aQueuedZipHoldsThePdfsOfItsSearch() throws Exception {
        String filer = token(ZHUJIAN_FILER);
        MockHttpServletResponse queued = post("{\"kind\": \"DECLARATION_PDFS\", \"year\": 2021, \"name\": \"互联网\"}",
                filer, null);
        assertThat(queued.getStatus()).as(queued.getContentAsString()).isEqualTo(202);
        long id = read(queued).get("id").asLong();

        JsonNode done = awaitFinished(id, filer);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        MockHttpServletResponse file = get("/api/v1/exports/" + id + "/file", filer);
        assertThat(file.getContentType()).isEqualTo("application/zip");
        assertThat(fileName(file)).isEqualTo("2021年度绩效目标申报表.zip");
        assertThat(file.getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("filename=\"export-" + id + ".zip\"");
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(file.getContentAsByteArray()),
                Charset.forName("GBK"))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
                assertThat(new String(in.readAllBytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            }
        }
        assertThat(entries).hasSize(done.get("rows").asInt()).isNotEmpty()
                .allSatisfy(name -> assertThat(name).contains("互联网").endsWith("-申报表.pdf"));
    }

    @Test
    void theSelfEvaluationSummaryTakesTheEvaluationListsFilters() throws Exception {
        String finance = token("finance");
        MockHttpServletResponse queued = post("{\"kind\": \"EVALUATION_SUMMARY\", \"year\": 2020, "
                + "\"layout\": \"SUZHOU_2017\", \"sort\": \"COMPUTED_TOTAL\", \"dir\": \"desc\"}", finance, null);
        assertThat(queued.getStatus()).as(queued.getContentAsString()).isEqualTo(202);
        long id = read(queued).get("id").asLong();
        assertThat(read(queued).get("title").asString()).isEqualTo("2020年度绩效自评汇总表");

        JsonNode done = awaitFinished(id, finance);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        List<List<String>> cells = cells(get("/api/v1/exports/" + id + "/file", finance).getContentAsByteArray());
        assertThat(cells.get(0)).containsExactly("2020年度绩效自评汇总表");
        assertThat(cells.subList(2, cells.size())).as("the self-evaluations of 2020 in the Suzhou layout")
                .hasSize(ok("/api/v1/evaluations?year=2020&layout=SUZHOU_2017&size=1", finance).get("total").asInt())
                .anySatisfy(row -> assertThat(row).contains("电子政务项目建设资金", "77.90"));
    }

    @Test
    void theFileOfAJobBeingWrittenOrGivenUpIsAConflictWithItsState() throws Exception {
        String filer = token(JINING_FILER);
        long running = stored(JINING_FILER, "RUNNING", null);
        long failed = stored(JINING_FILER, "FAILED", "导出时出错，请稍后重试；若再次出错，请缩小查询范围后导出");
        long expired = jdbc.queryForObject("""
                insert into export_job (owner, kind, parameters, title, status, attempts, created_at, finished_at,
                                        expires_at, file_name, content_type, content, row_count)
                values (?, 'DECLARATION_SUMMARY', '{}', '过期的导出', 'DONE', 1, now() - interval '2 days',
                        now() - interval '2 days', now() - interval '1 day', 'old.xlsx', 'application/zip',
                        convert_to('old', 'UTF8'), 0) returning id""", Long.class, JINING_FILER);
        try {
            JsonNode job = ok("/api/v1/exports/" + running, filer);
            assertThat(job.get("status").asString()).isEqualTo("RUNNING");
            assertThat(job.get("links").get("file").isNull()).as("no file link before it is ready").isTrue();
            JsonNode notReady = problem(get("/api/v1/exports/" + running + "/file", filer), 409, "export-not-ready");
            assertThat(notReady.get("detail").asString()).contains("别处生成中的导出", "生成中",
                    "/api/v1/exports/" + running);

            JsonNode gaveUp = problem(get("/api/v1/exports/" + failed + "/file", filer), 409, "export-failed");
            assertThat(gaveUp.get("detail").asString()).contains("缩小查询范围");
            assertThat(ok("/api/v1/exports/" + failed, filer).get("error").asString()).contains("缩小查询范围");

            problem(get("/api/v1/exports/" + expired, filer), 404, "not-found");
            problem(get("/api/v1/exports/" + expired + "/file", filer), 404, "not-found");
        } finally {
            jdbc.update("delete from export_job where id in (?, ?, ?)", running, failed, expired);
        }
    }

    @Test
    void aCallerWithThreeExportsOnTheWayIsRefusedAndMayRetryTheSameKeyLater() throws Exception {
        String owner = "filer-dzzw";
        String token = token(owner);
        assertThat(jdbc.queryForObject("select count(*) from export_job where owner = ? and status in "
                + "('QUEUED', 'RUNNING')", Integer.class, owner)).isZero();
        List<Long> elsewhere = new ArrayList<>();
        for (int i = 0; i < ExportQueue.MAX_UNFINISHED; i++) {
            elsewhere.add(stored(owner, "RUNNING", null));
        }
        String key = UUID.randomUUID().toString();
        String body = "{\"kind\": \"EVALUATION_SUMMARY\", \"year\": 2099}";
        try {
            JsonNode refused = problem(post(body, token, key), 429, "too-many-exports");
            assertThat(refused.get("title").asString()).isEqualTo("导出过多");
            assertThat(refused.get("detail").asString()).contains("您已有 3 个导出正在生成", "未新建导出");
            assertThat(refused.get("instance").asString()).isEqualTo("/api/v1/exports");
            assertThat(ok("/api/v1/exports", token).get("jobs").findValues("id").stream().map(JsonNode::asLong)
                    .toList()).containsExactlyInAnyOrderElementsOf(elsewhere);
        } finally {
            jdbc.update("delete from export_job where owner = ?", owner);
        }
        // the refusal claimed nothing: the same key runs once the others are done
        MockHttpServletResponse retried = post(body, token, key);
        assertThat(retried.getStatus()).as(retried.getContentAsString()).isEqualTo(202);
        assertThat(retried.getHeader(ApiWrites.REPLAYED)).isEqualTo("false");
        long id = read(retried).get("id").asLong();
        assertThat(awaitFinished(id, token).get("rows").asInt()).as("nothing in 2099").isZero();
    }

    @Test
    void aKindOrASearchValueNoListTakesIsRefusedInChineseAndNothingIsQueued() throws Exception {
        String owner = JINING_FILER;
        String token = token(owner);
        int jobs = ok("/api/v1/exports", token).get("jobs").size();

        JsonNode kind = problem(post("{\"kind\": \"SUMMARY\", \"year\": 2021}", token, null), 400, "invalid-field");
        assertThat(kind.get("detail").asString()).isEqualTo("字段“kind”的值格式不正确，未做任何修改。");
        assertThat(kind.get("violations").get(0).get("field").asString()).isEqualTo("kind");
        assertThat(kind.get("violations").get(0).get("message").asString()).isEqualTo("“SUMMARY”不是可用的取值，"
                + "应为以下之一：DECLARATION_SUMMARY、EVALUATION_SUMMARY、DECLARATION_PDFS、EVALUATION_PDFS");

        // a declaration list's layout and sort for the self-evaluation list: both reported, with its values
        JsonNode search = problem(post("{\"kind\": \"EVALUATION_PDFS\", \"layout\": \"SUZHOU\", \"status\": \"DRAFT\", "
                + "\"sort\": \"TOTAL_AMOUNT\"}", token, null), 400, "invalid-field");
        assertThat(search.get("violations").findValuesAsString("field")).containsExactly("layout", "sort");
        assertThat(search.get("violations").get(0).get("message").asString())
                .isEqualTo("“SUZHOU”不是可用的取值，应为以下之一：SUZHOU_2017、NATIONAL_2020");
        assertThat(search.get("violations").get(1).get("message").asString()).contains("COMPUTED_TOTAL")
                .doesNotContain("TOTAL_AMOUNT、");

        JsonNode missing = problem(post("{\"year\": 2021}", token, null), 422, "invalid-command");
        assertThat(missing.get("violations").get(0).get("field").asString()).isEqualTo("kind");
        assertThat(missing.get("violations").get(0).get("message").asString()).isEqualTo("必填");

        JsonNode year = problem(post("{\"kind\": \"DECLARATION_SUMMARY\", \"year\": \"二〇二一\"}", token, null), 400,
                "invalid-field");
        assertThat(year.get("violations").get(0).get("field").asString()).isEqualTo("year");
        problem(post("{\"kind\": \"DECLARATION_SUMMARY\", \"colour\": \"red\"}", token, null), 400, "unknown-field");
        problem(post("{\"kind\": ", token, null), 400, "malformed-json");
        problem(get("/api/v1/exports/abc", token), 400, "invalid-parameter");

        assertThat(ok("/api/v1/exports", token).get("jobs").size()).as("nothing queued").isEqualTo(jobs);
    }

    @Test
    void theDocumentDescribesTheExportEndpoints() throws Exception {
        JsonNode paths = ok("/v3/api-docs", token(CHENGGUAN_FILER)).get("paths");
        JsonNode queue = paths.get("/api/v1/exports").get("post");
        assertThat(queue.get("responses").propertyNames()).contains("202", "400", "401", "403", "422", "429")
                .as("no version and no state to conflict with").doesNotContain("409");
        assertThat(queue.get("responses").get("429").get("description").asString()).contains("已有");
        assertThat(queue.get("parameters").findValuesAsString("name")).contains("Idempotency-Key");
        assertThat(paths.get("/api/v1/exports").get("get")).isNotNull();
        assertThat(paths.get("/api/v1/exports/{id}").get("get").get("responses").propertyNames()).contains("200",
                "404");
        JsonNode file = paths.get("/api/v1/exports/{id}/file").get("get").get("responses");
        assertThat(file.propertyNames()).contains("200", "404", "409");
        assertThat(file.get("409").get("description").asString()).as("its own description kept")
                .isEqualTo("文件尚未生成，或导出未能完成");
    }

    // ------------------------------------------------------------------ helpers

    private MockHttpServletResponse post(String body, String token, String key) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/api/v1/exports")
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return call(request, token).getResponse();
    }

    /** Polls the job as a program does until it is done or given up. */
    private JsonNode awaitFinished(long id, String token) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> ok("/api/v1/exports/" + id, token),
                        job -> !List.of("QUEUED", "RUNNING").contains(job.get("status").asString()));
    }

    /** A job of {@code owner} in {@code status} as another node left it (running: with a fresh heartbeat). */
    private long stored(String owner, String status, String error) {
        return jdbc.queryForObject("""
                insert into export_job (owner, kind, parameters, title, status, attempts, node, created_at,
                                        started_at, heartbeat_at, finished_at, expires_at, error)
                values (?, 'DECLARATION_SUMMARY', '{"year":2021}', '别处生成中的导出', ?, 1, 'other-node', now(),
                        now(), now(), case when ? = 'FAILED' then now() end, now() + interval '1 day', ?)
                returning id""", Long.class, owner, status, status, error);
    }
}
