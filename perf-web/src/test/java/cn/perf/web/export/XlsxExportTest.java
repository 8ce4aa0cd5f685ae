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
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * {@code GET /declarations/{id}/xlsx} and {@code GET /evaluations/{id}/xlsx} on the demo's seed forms: the form's
 * Excel file as an attachment named after the project, read back with POI; the same scope as the pages (another
 * unit's form, another region's, a made-up id: 404 and no workbook); the read views link to it.
 */
@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
class XlsxExportTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String SEED_001 = PdfExportTest.SEED_001;
    static final String SEED_002 = PdfExportTest.SEED_002;
    static final long NO_SUCH_ID = PdfExportTest.NO_SUCH_ID;

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
    void aDeclarationDownloadsAsItsExcelFile() throws Exception {
        long id = declarationId("filer-001276", SEED_001, 2021);
        MockHttpServletResponse r = get("filer-001276", "/declarations/" + id + "/xlsx");

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo(XLSX);
        assertThat(r.getHeader("Cache-Control")).isEqualTo("private, no-store");
        String disposition = r.getHeader("Content-Disposition");
        assertThat(disposition).startsWith("attachment; filename=\"declaration-" + id + ".xlsx\"; filename*=UTF-8''");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .isEqualTo(SEED_001 + "-申报表.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            assertThat(texts(wb)).contains("苏州市级财政支出项目绩效目标申报表", "433.60", "41.86");
            assertThat(numbers(wb)).contains(433.60, 41.86);
            assertThat(wb.getSheetAt(0).getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(wb.getSheetAt(0).getNumMergedRegions()).isPositive();
        }
    }

    @Test
    void aSelfEvaluationDownloadsAsItsExcelFile() throws Exception {
        long id = evaluationId("filer-xxzx", SEED_002);
        MockHttpServletResponse r = get("filer-xxzx", "/evaluations/" + id + "/xlsx");

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo(XLSX);
        String disposition = r.getHeader("Content-Disposition");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .isEqualTo(SEED_002 + "-自评表.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            assertThat(texts(wb)).contains("苏州市级财政支出项目绩效自我评价报告", SEED_002, "3773.00", "3513.00", "77.90");
            assertThat(numbers(wb)).contains(3773.00, 3513.00, 77.90);
        }
    }

    @Test
    void anotherUnitsOrRegionsFormOrAMadeUpIdIsNotFoundAndNoWorkbook() throws Exception {
        long declaration = declarationId("filer-001276", SEED_001, 2021);
        long evaluation = evaluationId("filer-xxzx", SEED_002);

        assertNotFound(get("filer-001239", "/declarations/" + declaration + "/xlsx"), SEED_001);
        assertNotFound(get("finance-jining", "/declarations/" + declaration + "/xlsx"), SEED_001);
        assertNotFound(get("filer-001239", "/declarations/" + NO_SUCH_ID + "/xlsx"), SEED_001);
        assertNotFound(get("filer-001239", "/evaluations/" + evaluation + "/xlsx"), SEED_002);
        assertNotFound(get("finance-jining", "/evaluations/" + evaluation + "/xlsx"), SEED_002);
        assertNotFound(get("filer-001239", "/evaluations/" + NO_SUCH_ID + "/xlsx"), SEED_002);

        assertThat(get("finance", "/evaluations/" + evaluation + "/xlsx").getStatus())
                .as("the bureau of the region sees it").isEqualTo(200);
        assertThat(get("admin", "/declarations/" + declaration + "/xlsx").getStatus())
                .as("administrators fill no forms").isEqualTo(403);
        MockHttpServletResponse anonymous = mvc.perform(MockMvcRequestBuilders.get("/evaluations/" + evaluation
                + "/xlsx")).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(302);
        assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void theReadViewsLinkToTheirExcelFileBesideThePdf() throws Exception {
        long declaration = declarationId("filer-001276", SEED_001, 2021);
        long evaluation = evaluationId("filer-xxzx", SEED_002);
        assertThat(get("filer-001276", "/declarations/" + declaration).getContentAsString())
                .contains("href=\"/declarations/" + declaration + "/xlsx\"").contains("导出Excel").contains("导出PDF");
        assertThat(get("filer-xxzx", "/evaluations/" + evaluation).getContentAsString())
                .contains("href=\"/evaluations/" + evaluation + "/xlsx\"").contains("导出Excel").contains("导出PDF");
    }

    // ------------------------------------------------------------------ helpers

    private MockHttpServletResponse get(String username, String url) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url).with(user(users.loadUserByUsername(username))))
                .andReturn().getResponse();
    }

    private static void assertNotFound(MockHttpServletResponse r, String secret) throws Exception {
        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(r.getContentType()).doesNotContain("spreadsheet");
        assertThat(r.getHeader("Content-Disposition")).isNull();
        assertThat(r.getContentAsString()).doesNotContain(secret);
    }

    private static List<String> texts(XSSFWorkbook wb) {
        DataFormatter format = new DataFormatter();
        List<String> texts = new ArrayList<>();
        wb.getSheetAt(0).forEach(row -> row.forEach(c -> texts.add(format.formatCellValue(c))));
        return texts;
    }

    private static List<Double> numbers(XSSFWorkbook wb) {
        List<Double> numbers = new ArrayList<>();
        wb.getSheetAt(0).forEach(row -> row.forEach(c -> {
            if (c.getCellType() == CellType.NUMERIC) {
                numbers.add(c.getNumericCellValue());
            }
        }));
        return numbers;
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
}
