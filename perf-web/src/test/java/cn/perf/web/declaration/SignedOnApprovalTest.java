package cn.perf.web.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.declaration.DeclarationSignatures;
import cn.perf.domain.declaration.SignedDeclarationPdf;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.web.signing.Poppler;
import com.lowagie.text.pdf.PdfReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.MultiValueMap;

/**
 * Signed on approval through the pages (issue 10): the bureau's 良 through the review form signs the declaration's
 * PDF after the approval commits; {@code GET /declarations/{id}/signed.pdf} serves exactly the stored bytes, every
 * time, which {@code pdfsig} calls valid (and invalid once one byte changes), with the form's text and the
 * signature block's; the read view links to it (下载签章版) once it exists; within the pages' scope (another unit or
 * region, a forged id: 404); before approval a 404 page says why. The demo's approved seed gets its signed PDF from
 * the start-up backfill.
 */
class SignedOnApprovalTest extends DeclarationPageSupport {

    static final String REVIEWER = "reviewer-001239";
    static final String FINANCE = "finance";

    @Autowired
    DeclarationSignatures signatures;
    @Autowired
    ScopeResolver scopes;

    @Test
    void theBureausApprovalSignsThePdfWhichIsServedByteForByteAndVerifies() throws Exception {
        String name = unique("签章审核");
        long id = departmentApproved(name);
        assertThat(page(CHENGGUAN_FILER, "/declarations/" + id)).doesNotContain("export-signed-pdf");
        MockHttpServletResponse before = get(CHENGGUAN_FILER, "/declarations/" + id + "/signed.pdf");
        assertThat(before.getStatus()).isEqualTo(404);
        assertThat(before.getContentAsString()).contains("暂无签章版", "尚未通过财政审核").doesNotContain("%PDF");

        String afterApproval = follow(FINANCE, review(FINANCE, id, "grade", "GOOD", "comment", "压缩运维经费至10万元"));
        assertThat(afterApproval).as("the page the bureau lands on offers the signed PDF")
                .contains("状态：财政审核通过").contains("id=\"export-signed-pdf\"")
                .contains("href=\"/declarations/" + id + "/signed.pdf\"").contains("下载签章版");

        MockHttpServletResponse first = get(CHENGGUAN_FILER, "/declarations/" + id + "/signed.pdf");
        MockHttpServletResponse second = get(CHENGGUAN_FILER, "/declarations/" + id + "/signed.pdf");
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getContentType()).isEqualTo("application/pdf");
        String disposition = first.getHeader("Content-Disposition");
        assertThat(disposition).startsWith("attachment; filename=\"declaration-" + id + "-signed.pdf\"; filename*=UTF-8''");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .isEqualTo(name + "-申报表-签章版.pdf");
        byte[] pdf = first.getContentAsByteArray();
        assertThat(second.getContentAsByteArray()).as("the same bytes every time").isEqualTo(pdf);
        SignedDeclarationPdf stored = signatures.signedPdf(scopes.viewer(CHENGGUAN_FILER).scope(), id).orElseThrow();
        assertThat(pdf).as("exactly the stored bytes").isEqualTo(stored.pdf());
        assertThat(SignedDeclarationPdf.sha256(pdf)).isEqualTo(stored.sha256());
        assertThat(stored.demoKey()).isTrue();

        String report = Poppler.pdfsig(pdf);
        assertThat(report).contains("Signature Validation: Signature is Valid.", "Total document signed",
                "adbe.pkcs7.detached");
        byte[] tampered = pdf.clone();
        int stream = new String(pdf, StandardCharsets.ISO_8859_1).indexOf("stream\n", pdf.length / 3);
        tampered[stream + 40] ^= 0x01; // a byte of a stream's data, inside the signed range
        assertThat(Poppler.pdfsig(tampered)).doesNotContain("Signature is Valid").contains("Digest Mismatch");

        String text = Poppler.pdftotext(pdf);
        assertThat(text).as("the form with its review history").contains(name, "苏州市城市管理局", "41.86", "审核记录",
                "压缩运维经费至10万元");
        assertThat(text).as("the signature block").contains("财政审核电子签章", "审核人：财政局审核人（演示）·苏州市财政局",
                "审核结论：财政审核通过", "审核等级：良", "演示证书");

        Path dir = Files.createDirectories(Path.of("target", "signed-pdf"));
        Files.write(dir.resolve("approved-through-the-pages.pdf"), pdf);
        PdfReader reader = new PdfReader(pdf);
        int pages = reader.getNumberOfPages();
        reader.close();
        assertThat(Files.size(Poppler.pdftoppm(pdf, pages, 60, dir, "approved-through-the-pages-last-page")))
                .isPositive();
    }

    @Test
    void theSignedPdfHasTheSameScopeAsThePages() throws Exception {
        String name = unique("签章范围");
        long id = departmentApproved(name);
        follow(FINANCE, review(FINANCE, id, "grade", "EXCELLENT", "comment", ""));
        String url = "/declarations/" + id + "/signed.pdf";

        assertThat(get(CHENGGUAN_FILER, url).getStatus()).isEqualTo(200);
        assertThat(get(REVIEWER, url).getStatus()).isEqualTo(200);
        assertThat(get(FINANCE, url).getStatus()).as("the bureau of the region").isEqualTo(200);
        for (String outsider : new String[] {ZHUJIAN_FILER, "finance-jining", JINING_FILER}) {
            MockHttpServletResponse r = get(outsider, url);
            assertThat(r.getStatus()).as(outsider).isEqualTo(404);
            assertThat(r.getHeader("Content-Disposition")).isNull();
            assertThat(r.getContentAsString()).doesNotContain(name).doesNotContain("%PDF");
        }
        MockHttpServletResponse forged = get(CHENGGUAN_FILER, "/declarations/987654321/signed.pdf");
        assertThat(forged.getStatus()).isEqualTo(404);
        assertThat(forged.getContentAsString()).doesNotContain("暂无签章版");
        assertThat(get("admin", url).getStatus()).as("administrators see no forms").isEqualTo(403);
        MockHttpServletResponse anonymous = mvc.perform(MockMvcRequestBuilders.get(url)).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(302);
        assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void theDemosApprovedDeclarationGetsItsSignedPdfFromTheStartUpBackfill() throws Exception {
        long id = seedId(ZHUJIAN_FILER, SEED_001, 2021);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!signatures.signed(scopes.viewer(ZHUJIAN_FILER).scope(), id) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        MockHttpServletResponse r = get(ZHUJIAN_FILER, "/declarations/" + id + "/signed.pdf");
        assertThat(r.getStatus()).isEqualTo(200);
        byte[] pdf = r.getContentAsByteArray();
        assertThat(Poppler.pdfsig(pdf)).contains("Signature is Valid.", "Total document signed");
        assertThat(Poppler.pdftotext(pdf)).contains(SEED_001, "433.60", "审核人：未记录", "审核等级：优", "演示证书");
        assertThat(page(ZHUJIAN_FILER, "/declarations/" + id)).contains("href=\"/declarations/" + id + "/signed.pdf\"");
    }

    // ------------------------------------------------------------------ helpers (as DeclarationReviewWorkflowTest)

    private long departmentApproved(String name) throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, name, 2027);
        String version = valueOf(page(CHENGGUAN_FILER, "/declarations/" + id + "/edit"), "version");
        follow(CHENGGUAN_FILER, post(CHENGGUAN_FILER, "/declarations/" + id + "/submit", params("version", version)));
        follow(REVIEWER, review(REVIEWER, id, "decision", "APPROVE", "comment", ""));
        return id;
    }

    private MvcResult review(String username, long id, String... fields) throws Exception {
        String html = page(username, "/declarations/" + id);
        MultiValueMap<String, String> form = formOf(html, "review-form");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.set(fields[i], fields[i + 1]);
        }
        MvcResult r = post(username, "/declarations/" + id + "/review", form);
        assertThat(r.getResponse().getStatus()).as("review as %s", username).isEqualTo(302);
        return r;
    }
}
