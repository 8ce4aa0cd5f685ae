package cn.perf.web.export;

import static cn.perf.web.export.Downloads.cells;
import static cn.perf.web.export.Downloads.fileName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.perf.domain.export.ExportJob;
import cn.perf.domain.export.ExportQueue;
import cn.perf.domain.export.ExportStatus;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.web.session.TestSessions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

/**
 * A list's 导出 in the background (issue 12), on the demo data and the real PostgreSQL: the list's button queues the
 * export and the browser lands on its page; the worker writes the same file the direct download gives; the page's
 * status panel offers it; only its owner reaches the job, its status and its file; a zip over
 * {@code perf.export.batch-max} (2 here, as in {@link ListExportTest}) is given up with the Chinese reason; a user with
 * {@link ExportQueue#MAX_UNFINISHED} exports on the way is refused with a message; a job whose node died goes back in
 * the queue and is finished by another worker.
 */
@SpringBootTest(properties = {"perf.demo-data=true", "perf.export.batch-max=2"})
@AutoConfigureMockMvc
class ExportJobTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ExportQueue queue;
    @Autowired
    ExportWorker worker;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ListExports exports;
    @Autowired
    ScopeResolver scopes;
    @Autowired
    JsonMapper json;

    @Test
    void aQueuedSummaryIsTheSameWorkbookAsTheDirectDownloadAndOnlyItsOwnerGetsIt() throws Exception {
        MvcResult queued = post("finance", "/declarations/summary.xlsx?year=2021&sort=PROJECT_NAME&dir=asc");
        long id = jobId(queued);

        ExportJob done = awaitFinished("finance", id);
        assertThat(done.status()).isEqualTo(ExportStatus.DONE);
        assertThat(done.title()).isEqualTo("2021年度绩效目标申报汇总表");

        MockHttpServletResponse file = get("finance", "/exports/" + id + "/file");
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentType()).isEqualTo(XlsxExportTest.XLSX);
        assertThat(fileName(file)).isEqualTo("2021年度绩效目标申报汇总表.xlsx");
        MockHttpServletResponse direct = get("finance", "/declarations/summary.xlsx?year=2021&sort=PROJECT_NAME&dir=asc");
        List<List<String>> rows = cells(file.getContentAsByteArray());
        assertThat(rows).as("the queued file, cell for cell").isEqualTo(cells(direct.getContentAsByteArray()));
        assertThat(rows.size() - 2).as("rows under the title and header").isEqualTo(done.rows()).isGreaterThan(1);

        String page = get("finance", "/exports/" + id).getContentAsString();
        assertThat(page).contains("2021年度绩效目标申报汇总表", "已生成，可以下载", "href=\"/exports/" + id + "/file\"",
                "data-status=\"DONE\"").doesNotContain("hx-get=\"/exports/");
        assertThat(page).as("opened later, not from the click: the file is offered, not fetched")
                .doesNotContain("data-download-now");
        assertThat(get("finance", "/exports/" + id + "?download=1").getContentAsString())
                .as("the page the click led to, the file ready: fetched at once").contains("data-download-now=\"true\"");
        String polled = get("finance", "/exports/" + id + "/status?download=1").getContentAsString();
        assertThat(polled).as("the click page's poll that finds it finished fetches the file")
                .contains("data-download-now=\"true\"").doesNotContain("<html");
        assertThat(get("finance", "/exports/" + id + "/status").getContentAsString()).doesNotContain("data-download-now");
        assertThat(get("finance", "/exports").getContentAsString()).contains("data-id=\"" + id + "\"");

        for (String other : List.of("reviewer-001239", "filer-001276")) {
            for (String url : List.of("/exports/" + id, "/exports/" + id + "/status", "/exports/" + id + "/file")) {
                assertThat(get(other, url).getStatus()).as(other + " " + url).isEqualTo(404);
            }
            assertThat(get(other, "/exports").getContentAsString()).doesNotContain("data-id=\"" + id + "\"");
        }
        assertThat(get("finance", "/exports/" + (id + 100000)).getStatus()).as("a made-up id").isEqualTo(404);
    }

    @Test
    void aQueuedZipHoldsThePdfsOfTheSearch() throws Exception {
        long id = jobId(post("filer-001276", "/declarations/pdfs.zip?year=2021&name=互联网"));
        ExportJob done = awaitFinished("filer-001276", id);
        assertThat(done.status()).isEqualTo(ExportStatus.DONE);

        MockHttpServletResponse file = get("filer-001276", "/exports/" + id + "/file");
        assertThat(file.getContentType()).isEqualTo("application/zip");
        assertThat(fileName(file)).isEqualTo("2021年度绩效目标申报表.zip");
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(file.getContentAsByteArray()), FormZip.GBK)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
                assertThat(new String(in.readAllBytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            }
        }
        assertThat(entries).hasSize(done.rows()).isNotEmpty()
                .allSatisfy(name -> assertThat(name).contains("互联网").endsWith("-申报表.pdf"));
    }

    @Test
    void aZipOverTheBatchLimitIsGivenUpWithTheReasonOnItsPage() throws Exception {
        long id = jobId(post("finance", "/declarations/pdfs.zip"));

        ExportJob failed = awaitFinished("finance", id);

        assertThat(failed.status()).isEqualTo(ExportStatus.FAILED);
        assertThat(failed.error()).contains("超过一次批量导出的上限 2 张", "缩小查询范围");
        assertThat(get("finance", "/exports/" + id).getContentAsString())
                .contains("导出未能完成", "上限 2 张", "id=\"export-error\"");
        assertThat(get("finance", "/exports/" + id + "/file").getStatus()).isEqualTo(404);
    }

    @Test
    void aUserWithThreeExportsOnTheWayIsRefusedWithAMessage() throws Exception {
        // three exports of filer-xxzx being written on another node (stored as running: no worker here takes them)
        List<Long> elsewhere = new ArrayList<>();
        for (int i = 0; i < ExportQueue.MAX_UNFINISHED; i++) {
            elsewhere.add(jdbc.queryForObject("""
                    insert into export_job (owner, kind, parameters, title, status, attempts, node, created_at,
                                            started_at, heartbeat_at, expires_at)
                    values ('filer-xxzx', 'EVALUATION_SUMMARY', '{}', '别处生成中', 'RUNNING', 1, 'other-node', now(),
                            now(), now(), now() + interval '1 day') returning id""", Long.class));
        }
        try {
            MvcResult refused = post("filer-xxzx", "/evaluations/summary.xlsx");
            assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/exports");
            assertThat(refused.getFlashMap().get("busy")).isEqualTo(ExportQueue.MAX_UNFINISHED);
            String page = mvc.perform(TestSessions.carrying(MockMvcRequestBuilders.get("/exports"), refused)
                    .with(user(users.loadUserByUsername("filer-xxzx")))).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("id=\"export-busy\"", "您已有 3 个导出正在生成，请等其完成后再导出");
            assertThat(queue.jobs("filer-xxzx")).extracting(ExportJob::id).containsExactlyInAnyOrderElementsOf(elsewhere);
        } finally {
            jdbc.update("delete from export_job where owner = 'filer-xxzx' and node = 'other-node'");
        }
    }

    @Test
    void aJobWhoseNodeDiedIsQueuedAgainAndFinishedHere() throws Exception {
        // filer-001276's summary, claimed by a node that then fell silent two minutes ago
        long id = jdbc.queryForObject("""
                insert into export_job (owner, kind, parameters, title, status, attempts, node, created_at, started_at,
                                        heartbeat_at, expires_at)
                values ('filer-001276', 'DECLARATION_SUMMARY', '{"year":2021}', '2021年度绩效目标申报汇总表', 'RUNNING',
                        1, 'dead-node', now() - interval '3 minutes', now() - interval '3 minutes',
                        now() - interval '2 minutes', now() + interval '1 day') returning id""", Long.class);

        assertThat(queue.tidy()).as("put back in the queue").isGreaterThanOrEqualTo(1);
        worker.wake();

        ExportJob done = awaitFinished("filer-001276", id);
        assertThat(done.status()).isEqualTo(ExportStatus.DONE);
        assertThat(done.attempts()).as("started again once").isEqualTo(2);
        assertThat(jdbc.queryForObject("select node from export_job where id = ?", String.class, id))
                .isEqualTo(worker.node());
        assertThat(cells(get("filer-001276", "/exports/" + id + "/file").getContentAsByteArray()).get(0))
                .containsExactly("2021年度绩效目标申报汇总表");
    }

    @Test
    void aStoppingNodeHandsItsRunningJobBackAndAnotherNodeFinishesItAtOnce() throws Exception {
        // a second node's worker (on the same queue) has just claimed filer-001276's summary when it is stopped
        ExportWorker stopping = new ExportWorker(queue, exports, scopes, json, 1);
        long id = jdbc.queryForObject("""
                insert into export_job (owner, kind, parameters, title, status, attempts, node, created_at, started_at,
                                        heartbeat_at, expires_at)
                values ('filer-001276', 'DECLARATION_SUMMARY', '{"year":2021}', '2021年度绩效目标申报汇总表', 'RUNNING',
                        1, ?, now(), now(), now(), now() + interval '1 day') returning id""", Long.class,
                stopping.node());

        stopping.destroy();
        ExportJob back = queue.job("filer-001276", id);
        assertThat(back.status()).as("back in the queue, without waiting for a minute of silence")
                .isEqualTo(ExportStatus.QUEUED);
        assertThat(back.attempts()).as("the stop is not counted as an attempt").isZero();
        worker.wake();

        ExportJob done = awaitFinished("filer-001276", id);
        assertThat(done.status()).isEqualTo(ExportStatus.DONE);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select node from export_job where id = ?", String.class, id))
                .isEqualTo(worker.node());
    }

    // ------------------------------------------------------------------ helpers

    private ExportJob awaitFinished(String owner, long id) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> queue.job(owner, id), job -> !job.unfinished());
    }

    private MvcResult post(String username, String url) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(url).with(user(users.loadUserByUsername(username))).with(csrf()))
                .andReturn();
    }

    private static long jobId(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).as("the browser goes to the job's page, to fetch the file").matches("/exports/\\d+\\?download=1");
        return Long.parseLong(location.substring("/exports/".length(), location.indexOf('?')));
    }

    private MockHttpServletResponse get(String username, String url) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url).with(user(users.loadUserByUsername(username))))
                .andReturn().getResponse();
    }
}
