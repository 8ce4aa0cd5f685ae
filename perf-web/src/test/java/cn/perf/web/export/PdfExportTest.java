package cn.perf.web.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationListRow;
import cn.perf.domain.declaration.DeclarationSearch;
import cn.perf.domain.evaluation.EvaluationFiling;
import cn.perf.domain.evaluation.EvaluationListRow;
import cn.perf.domain.evaluation.EvaluationSearch;
import cn.perf.domain.scope.ScopeResolver;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * {@code GET /declarations/{id}/pdf} and {@code GET /evaluations/{id}/pdf} on the demo's seed forms: the official PDF
 * as an attachment named after the project (RFC 5987), within the same scope as the pages — another unit's form,
 * another region's, or an id that does not exist is 404 and no PDF; the read views link to it.
 */
@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
class PdfExportTest {

    static final String SEED_001 = "苏州市住建局“互联网+监管”";
    static final String SEED_002 = "电子政务项目建设资金";
    static final long NO_SUCH_ID = 987_654_321L;

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ScopeResolver scopes;
    @Autowired
    DeclarationFiling declarations;
    @Autowired
    EvaluationFiling evaluations;

    @Test
    void anApprovedDeclarationDownloadsAsItsOfficialPdf() throws Exception {
        long id = declarationId("filer-001276", SEED_001, 2021);
        MockHttpServletResponse r = get("filer-001276", "/declarations/" + id + "/pdf");

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo("application/pdf");
        String disposition = r.getHeader("Content-Disposition");
        assertThat(disposition).startsWith("attachment; filename=\"declaration-" + id + ".pdf\"; filename*=UTF-8''");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .isEqualTo(SEED_001 + "-申报表.pdf");
        String text = text(r.getContentAsByteArray());
        // the demo approves seed 001 through the aggregate, without review steps: no history page (see
        // DeclarationReviewWorkflowTest for one reviewed through the pages)
        assertThat(text).contains("苏州市级财政支出项目绩效目标申报表", "苏州市住建局", "433.60", "41.86", "财政审核通过");
    }

    @Test
    void aSelfEvaluationDownloadsAsItsOfficialPdfWithTheComputedScore() throws Exception {
        long id = evaluationId("filer-xxzx", SEED_002);
        MockHttpServletResponse r = get("filer-xxzx", "/evaluations/" + id + "/pdf");

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo("application/pdf");
        String disposition = r.getHeader("Content-Disposition");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .isEqualTo(SEED_002 + "-自评表.pdf");
        String text = text(r.getContentAsByteArray());
        assertThat(text).contains("苏州市级财政支出项目绩效自我评价报告", SEED_002, "3773.00", "3513.00", "77.90", "填表说明");
    }

    @Test
    void anotherUnitsOrRegionsFormOrAMadeUpIdIsNotFoundAndNoPdf() throws Exception {
        long declaration = declarationId("filer-001276", SEED_001, 2021);
        long evaluation = evaluationId("filer-xxzx", SEED_002);

        assertNotFound(get("filer-001239", "/declarations/" + declaration + "/pdf"), SEED_001);
        assertNotFound(get("finance-jining", "/declarations/" + declaration + "/pdf"), SEED_001);
        assertNotFound(get("filer-001239", "/declarations/" + NO_SUCH_ID + "/pdf"), SEED_001);
        assertNotFound(get("filer-001239", "/evaluations/" + evaluation + "/pdf"), SEED_002);
        assertNotFound(get("finance-jining", "/evaluations/" + evaluation + "/pdf"), SEED_002);
        assertNotFound(get("filer-001239", "/evaluations/" + NO_SUCH_ID + "/pdf"), SEED_002);

        assertThat(get("finance", "/declarations/" + declaration + "/pdf").getStatus())
                .as("the bureau of the region sees it").isEqualTo(200);
        assertThat(get("admin", "/declarations/" + declaration + "/pdf").getStatus())
                .as("administrators fill no forms").isEqualTo(403);
        MockHttpServletResponse anonymous = mvc.perform(MockMvcRequestBuilders.get("/declarations/" + declaration
                + "/pdf")).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(302);
        assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void theReadViewsLinkToTheirPdf() throws Exception {
        long declaration = declarationId("filer-001276", SEED_001, 2021);
        long evaluation = evaluationId("filer-xxzx", SEED_002);
        assertThat(get("filer-001276", "/declarations/" + declaration).getContentAsString())
                .contains("href=\"/declarations/" + declaration + "/pdf\"").contains("导出PDF");
        assertThat(get("filer-xxzx", "/evaluations/" + evaluation).getContentAsString())
                .contains("href=\"/evaluations/" + evaluation + "/pdf\"").contains("导出PDF");
    }

    @Test
    void theFileNameKeepsChineseAndDropsWhatNoFileSystemTakes() {
        String header = FormDownloads.attachment("a/b:c*?\"<>|项目 甲.pdf", "declaration-1.pdf");
        assertThat(header).isEqualTo("attachment; filename=\"declaration-1.pdf\"; filename*=UTF-8''"
                + "a_b_c______%E9%A1%B9%E7%9B%AE%20%E7%94%B2.pdf");
    }

    // ------------------------------------------------------------------ helpers

    private MockHttpServletResponse get(String username, String url) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url).with(user(users.loadUserByUsername(username))))
                .andReturn().getResponse();
    }

    private static void assertNotFound(MockHttpServletResponse r, String secret) throws Exception {
        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(r.getContentType()).doesNotContain("pdf");
        assertThat(r.getHeader("Content-Disposition")).isNull();
        assertThat(r.getContentAsString()).doesNotContain(secret);
    }

    private long declarationId(String username, String project, int year) {
        return declarations.search(scopes.viewer(username).scope(), new DeclarationSearch(year, null, null, null,
                project, 0, DeclarationSearch.MAX_SIZE, DeclarationSearch.Sort.PROJECT_NAME, true)).rows().stream()
                .filter(r -> r.projectName().equals(project)).map(DeclarationListRow::id).min(Long::compare)
                .orElseThrow(() -> new AssertionError("demo declaration " + project + " not loaded"));
    }

    private long evaluationId(String username, String project) {
        return evaluations.search(scopes.viewer(username).scope(), new EvaluationSearch(null, null, null, null, project,
                0, EvaluationSearch.MAX_SIZE, EvaluationSearch.Sort.YEAR, true)).rows().stream()
                .filter(r -> r.projectName().equals(project)).map(EvaluationListRow::id).min(Long::compare)
                .orElseThrow(() -> new AssertionError("demo self-evaluation " + project + " not loaded"));
    }

    /** The text of every page, as OpenPDF's own extractor reads it (the ToUnicode map of the subset font). */
    private static String text(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder s = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                s.append(extractor.getTextFromPage(p));
            }
            return s.toString().replaceAll("\\s+", "");
        } finally {
            reader.close();
        }
    }
}
