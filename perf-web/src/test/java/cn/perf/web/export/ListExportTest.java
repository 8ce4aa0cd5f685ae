package cn.perf.web.export;

import static cn.perf.web.export.Downloads.fileName;
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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
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
 * The list pages' exports on the demo data: {@code /declarations/summary.xlsx}, {@code /evaluations/summary.xlsx}
 * (every row of the current search, not only the page, in the list's scope and order, read back with POI) and
 * {@code /declarations/pdfs.zip}, {@code /evaluations/pdfs.zip} (one PDF per form of the search, read back with
 * OpenPDF); a search larger than {@code perf.export.batch-max} (2 here) gets a Chinese message and no zip.
 */
@SpringBootTest(properties = {"perf.demo-data=true", "perf.export.batch-max=2"})
@AutoConfigureMockMvc
class ListExportTest {

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
    void theDeclarationSummaryHoldsEveryRowOfTheSearchInTheListsScopeAndOrder() throws Exception {
        List<DeclarationListRow> expected = declarationRows("finance", null);
        assertThat(expected.size()).as("the demo gives the bureau more than one page of 1").isGreaterThan(1);

        MockHttpServletResponse r = get("finance", "/declarations/summary.xlsx?size=1&page=1&sort=PROJECT_NAME&dir=asc");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo(XlsxExportTest.XLSX);
        assertThat(fileName(r)).isEqualTo("绩效目标申报汇总表.xlsx");
        try (XSSFWorkbook wb = workbook(r)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(texts(sheet.getRow(1))).containsExactly("序号", "项目名称", "单位", "年度", "模板",
                    "资金合计（万元）", "指标数", "状态", "更新时间");
            assertThat(sheet.getLastRowNum()).as("every row, not the page of 1").isEqualTo(expected.size() + 1);
            List<String> names = new ArrayList<>();
            for (int i = 2; i <= sheet.getLastRowNum(); i++) {
                names.add(sheet.getRow(i).getCell(1).getStringCellValue());
            }
            assertThat(names).containsExactlyElementsOf(expected.stream().map(DeclarationListRow::projectName).toList());
            assertThat(names).doesNotContain(cn.perf.domain.demo.DemoDeclarations.JINING_PROJECT).contains(PdfExportTest.SEED_001);
            Row seed001 = sheet.getRow(2 + names.indexOf(PdfExportTest.SEED_001));
            assertThat(seed001.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(seed001.getCell(5).getNumericCellValue()).isEqualTo(expected.stream()
                    .filter(x -> x.projectName().equals(PdfExportTest.SEED_001)).findFirst().orElseThrow()
                    .totalAmount().wan().doubleValue());
            assertThat(seed001.getCell(7).getStringCellValue()).isNotBlank();
        }
    }

    @Test
    void aFilersSummaryHoldsItsOwnUnitOnlyAndTheYearFilterNamesTheYear() throws Exception {
        MockHttpServletResponse r = get("filer-001276", "/declarations/summary.xlsx?year=2021");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(fileName(r)).isEqualTo("2021年度绩效目标申报汇总表.xlsx");
        try (XSSFWorkbook wb = workbook(r)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2021年度绩效目标申报汇总表");
            assertThat(sheet.getLastRowNum()).isEqualTo(declarationRows("filer-001276", 2021).size() + 1)
                    .isGreaterThan(1);
            for (int i = 2; i <= sheet.getLastRowNum(); i++) {
                assertThat(sheet.getRow(i).getCell(2).getStringCellValue()).isEqualTo("苏州市住房和城乡建设局");
                assertThat(sheet.getRow(i).getCell(3).getNumericCellValue()).isEqualTo(2021);
            }
        }
    }

    @Test
    void theEvaluationSummaryShowsFiledAndComputedTotalsAsNumbers() throws Exception {
        MockHttpServletResponse r = get("finance", "/evaluations/summary.xlsx");
        assertThat(r.getStatus()).isEqualTo(200);
        try (XSSFWorkbook wb = workbook(r)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(texts(sheet.getRow(1))).containsExactly("序号", "项目名称", "单位", "年度", "样式", "自评总分",
                    "计算总分", "等级", "问题数", "状态");
            assertThat(sheet.getLastRowNum()).isEqualTo(evaluationRows("finance").size() + 1);
            Row seed002 = null;
            for (int i = 2; i <= sheet.getLastRowNum(); i++) {
                if (sheet.getRow(i).getCell(1).getStringCellValue().equals(PdfExportTest.SEED_002)) {
                    seed002 = sheet.getRow(i);
                }
            }
            assertThat(seed002).as("seed 002 in the bureau's summary").isNotNull();
            assertThat(seed002.getCell(5).getNumericCellValue()).isEqualTo(80.0);
            assertThat(seed002.getCell(6).getNumericCellValue()).isEqualTo(77.90);
            assertThat(seed002.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.00");
        }
    }

    @Test
    void theZipHoldsOnePdfPerFormOfTheSearch() throws Exception {
        // narrowed to the demo's seed 001 (other test classes add forms of the same unit to the shared database)
        List<DeclarationListRow> expected = declarationRows("filer-001276", 2021).stream()
                .filter(r -> r.projectName().contains("互联网")).toList();
        assertThat(expected).hasSizeBetween(1, 2);

        MockHttpServletResponse r = get("filer-001276", "/declarations/pdfs.zip?year=2021&name=互联网");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo("application/zip");
        assertThat(fileName(r)).isEqualTo("2021年度绩效目标申报表.zip");
        Map<String, String> pdfs = pdfTexts(r.getContentAsByteArray());
        assertThat(pdfs).hasSize(expected.size());
        for (DeclarationListRow row : expected) {
            assertThat(pdfs.keySet()).anySatisfy(name -> assertThat(name).startsWith(row.projectName() + "-申报表"));
        }
        assertThat(pdfs.values()).anySatisfy(text -> assertThat(text).contains("苏州市级财政支出项目绩效目标申报表"));

        MockHttpServletResponse evaluationsZip = get("filer-xxzx", "/evaluations/pdfs.zip");
        assertThat(evaluationsZip.getStatus()).isEqualTo(200);
        Map<String, String> evaluationPdfs = pdfTexts(evaluationsZip.getContentAsByteArray());
        assertThat(evaluationPdfs).containsKey(PdfExportTest.SEED_002 + "-自评表.pdf");
        assertThat(evaluationPdfs.get(PdfExportTest.SEED_002 + "-自评表.pdf")).contains("77.90");
    }

    @Test
    void aSearchOverTheBatchLimitIsRefusedWithAMessageAndNoZip() throws Exception {
        int forms = declarationRows("finance", null).size();
        assertThat(forms).as("the bureau sees more than the limit of 2").isGreaterThan(2);

        MockHttpServletResponse r = get("finance", "/declarations/pdfs.zip");
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getHeader("Content-Disposition")).isNull();
        assertThat(r.getContentAsString()).contains("共 " + forms + " 张表", "上限 2 张", "缩小查询范围");
    }

    @Test
    void bothListsPostTheirExportsWithTheCurrentSearch() throws Exception {
        String declarationsPage = get("finance", "/declarations?year=2021&name=监管&page=0&size=20")
                .getContentAsString();
        assertThat(declarationsPage)
                .contains("action=\"/declarations/summary.xlsx?year=2021&amp;name=%E7%9B%91%E7%AE%A1\"")
                .contains("action=\"/declarations/pdfs.zip?year=2021&amp;name=%E7%9B%91%E7%AE%A1\"")
                .contains("导出汇总（Excel）", "批量导出PDF");
        assertThat(get("filer-xxzx", "/evaluations?status=SUBMITTED").getContentAsString())
                .contains("action=\"/evaluations/summary.xlsx?status=SUBMITTED\"")
                .contains("action=\"/evaluations/pdfs.zip?status=SUBMITTED\"");
    }

    // ------------------------------------------------------------------ helpers

    private MockHttpServletResponse get(String username, String url) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url).with(user(users.loadUserByUsername(username))))
                .andReturn().getResponse();
    }

    private static XSSFWorkbook workbook(MockHttpServletResponse r) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()));
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }

    /** Each entry's name and the text of its PDF, in the zip's order. */
    private static Map<String, String> pdfTexts(byte[] zip) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), FormZip.GBK)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(FormZipTest.unicodePath(e.getExtra())).as("the UTF-8 name beside the GBK one")
                        .isEqualTo(e.getName());
                byte[] pdf = in.readAllBytes();
                assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                PdfReader reader = new PdfReader(pdf);
                try {
                    StringBuilder text = new StringBuilder();
                    PdfTextExtractor extractor = new PdfTextExtractor(reader);
                    for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                        text.append(extractor.getTextFromPage(p)).append('\n');
                    }
                    out.put(e.getName(), text.toString());
                } finally {
                    reader.close();
                }
            }
        }
        return out;
    }

    private List<DeclarationListRow> declarationRows(String username, Integer year) {
        List<DeclarationListRow> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result = declarations.search(scopes.viewer(username).scope(), new DeclarationSearch(year, null, null,
                    null, null, page, DeclarationSearch.MAX_SIZE, DeclarationSearch.Sort.PROJECT_NAME, true));
            rows.addAll(result.rows());
            if (!result.hasNext()) {
                return rows;
            }
        }
    }

    private List<EvaluationListRow> evaluationRows(String username) {
        return evaluations.search(scopes.viewer(username).scope(), new EvaluationSearch(null, null, null, null, null,
                0, EvaluationSearch.MAX_SIZE, EvaluationSearch.Sort.YEAR, false)).rows();
    }
}
