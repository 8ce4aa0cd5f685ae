package cn.perf.web.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationDiff;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationListRow;
import cn.perf.domain.declaration.DeclarationSearch;
import cn.perf.domain.declaration.DeclarationService;
import cn.perf.domain.declaration.DeclarationTexts;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.DeclarationCommands.ReviseDeclaration;
import cn.perf.domain.evaluation.EvaluationFiling;
import cn.perf.domain.evaluation.SelfEvaluationDetail;
import cn.perf.domain.imports.ImportFiling;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Paragraphs;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.IndicatorFramework;
import cn.perf.reports.xlsx.ImportedDeclaration;
import cn.perf.reports.xlsx.XlsxImport;
import cn.perf.web.evaluation.EvaluationFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * 导入导出 through the pages (issue 10): an exported form, filled in Excel, uploaded, previewed with every problem at
 * its row, and stored only on confirmation — through the same use cases as the pages, in one transaction, with the
 * version check; a hostile file refused with nothing stored; an upload its owner's only.
 */
@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
class ImportPagesTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CHENGGUAN = "苏州市城市管理局";

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
    @Autowired
    ImportFiling imports;
    @Autowired
    DeclarationService declarationService;
    @Autowired
    Declarations declarationRepository;
    @Autowired
    BudgetUnits units;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    XlsxImport reader;

    // ------------------------------------------------------------------ new declarations, each seed

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({
        "000, filer-001239, 苏州市城管执法考核系统, 2021",
        "001, filer-001276, 苏州市住建局“互联网+监管”, 2021",
        "003, filer-jining, 济宁高新区数字化城市管理数据采集及坐席队伍市场化运作项目, 2020"})
    void anExportedSeedImportsAsANewDeclarationOfMyUnitFieldByField(String seed, String filer, String project,
                                                                   int year) throws Exception {
        long seedId = declarationId(filer, project, year);
        String renamed = project + "（导入" + run() + "）";
        byte[] file = edit(get(filer, "/declarations/" + seedId + "/xlsx").getContentAsByteArray(),
                sheet -> right(sheet, "项目名称").setCellValue(renamed));

        long pending = upload(filer, "NEW_DECLARATION", "unitId", unitOf(filer), seed + ".xlsx", file);
        String preview = get(filer, "/imports/" + pending).getContentAsString();
        assertThat(preview).contains("0 个错误").contains("将新建的申报表").contains(renamed)
                .doesNotContain("id=\"import-confirm\" disabled");

        MockHttpServletResponse confirmed = confirm(filer, pending, 0);
        assertThat(confirmed.getStatus()).isEqualTo(302);
        long created = Long.parseLong(confirmed.getRedirectedUrl().replaceAll("\\D", ""));
        assertThat(confirmed.getRedirectedUrl()).isEqualTo("/declarations/" + created + "/edit");

        DeclarationDetail original = declarations.page(scope(filer), seedId).detail();
        DeclarationDetail imported = declarations.page(scope(filer), created).detail();
        assertThat(imported.layout()).isEqualTo(original.layout());
        assertThat(imported.year()).isEqualTo(original.year());
        assertThat(imported.frameworkCode()).isEqualTo(original.frameworkCode());
        assertThat(imported.unitId()).isEqualTo(original.unitId());
        assertThat(DeclarationDiff.between(asLines(original.content()), imported.content()).rows())
                .as("field by field, the project name only differs")
                .extracting(DeclarationDiff.Row::field).containsExactly("projectName");
        assertThat(get(filer, "/imports/" + pending).getStatus()).as("a confirmed upload is gone").isEqualTo(404);
    }

    // ------------------------------------------------------------------ updating a draft

    @Test
    void anUnchangedExportImportsOntoItsDraftWithoutAChangeAndAnEditedOneChangesOnlyWhatWasEdited()
            throws Exception {
        long draft = fixtures().suzhouDraft(CHENGGUAN, "导入草稿" + run(),
                EvaluationFixtures.Row.suzhou("产出", "平台上线模块数", "≥8个"));
        byte[] exported = get("filer-001239", "/declarations/" + draft + "/xlsx").getContentAsByteArray();
        DeclarationDetail before = declarations.page(scope("filer-001239"), draft).detail();

        long same = upload("filer-001239", "DECLARATION", "declarationId", draft, "same.xlsx", exported);
        assertThat(get("filer-001239", "/imports/" + same).getContentAsString()).contains("0 个错误")
                .contains("文件与现有内容相同");

        byte[] edited = edit(exported, sheet -> {
            right(sheet, "联系人").setCellValue("王小明");
            cellInColumn(sheet, "对应子项目名称", "目标值", "≥8个").setCellValue("≥10个");
        });
        long pending = upload("filer-001239", "DECLARATION", "declarationId", draft, "edited.xlsx", edited);
        String preview = get("filer-001239", "/imports/" + pending).getContentAsString();
        assertThat(preview).contains("将修改的内容").contains("李晓梅").contains("王小明").contains("≥10个");

        assertThat(confirm("filer-001239", pending, before.version()).getRedirectedUrl())
                .isEqualTo("/declarations/" + draft + "/edit");
        DeclarationDetail after = declarations.page(scope("filer-001239"), draft).detail();
        assertThat(after.version()).isGreaterThan(before.version());
        assertThat(DeclarationDiff.between(before.content(), after.content()).rows())
                .extracting(DeclarationDiff.Row::field).containsExactlyInAnyOrder("contactPerson", "targetText");
        assertThat(after.indicators()).extracting(DeclarationDetail.IndicatorRow::id)
                .as("rows updated in place, not replaced").containsExactlyElementsOf(
                        before.indicators().stream().map(DeclarationDetail.IndicatorRow::id).toList());
        assertThat(after.indicators()).extracting(DeclarationDetail.IndicatorRow::weight)
                .as("权重 (not printed) kept").containsExactlyElementsOf(
                        before.indicators().stream().map(DeclarationDetail.IndicatorRow::weight).toList());
    }

    @Test
    void aDraftSavedSinceTheUploadIsNotOverwritten() throws Exception {
        long draft = fixtures().suzhouDraft(CHENGGUAN, "导入过时" + run(),
                EvaluationFixtures.Row.suzhou("产出", "平台上线模块数", "≥8个"));
        byte[] exported = edit(get("filer-001239", "/declarations/" + draft + "/xlsx").getContentAsByteArray(),
                sheet -> right(sheet, "联系人").setCellValue("王小明"));
        long version = declarations.page(scope("filer-001239"), draft).detail().version();
        long pending = upload("filer-001239", "DECLARATION", "declarationId", draft, "stale.xlsx", exported);

        MockHttpServletResponse forged = confirm("filer-001239", pending, -1);
        assertThat(forged.getStatus()).as("a version other than the upload's").isEqualTo(409);

        DeclarationContent meanwhile = declarations.page(scope("filer-001239"), draft).detail().content();
        declarations.revise(scope("filer-001239"), new ReviseDeclaration(draft, version, new DeclarationContent(
                meanwhile.projectName(), meanwhile.projectType(), meanwhile.projectAttribute(),
                meanwhile.governmentProcurement(), meanwhile.governmentPurchasedService(), "另一位负责人",
                meanwhile.contactPerson(), meanwhile.contactPhone(), null, null, null, null, null,
                meanwhile.texts(), meanwhile.priorYearFunds(), meanwhile.fundsRequest(), meanwhile.subProjects(),
                meanwhile.fundingSources(), meanwhile.indicators(), meanwhile.milestones(), meanwhile.signOff())));

        String preview = get("filer-001239", "/imports/" + pending).getContentAsString();
        assertThat(preview).contains("上传后表格已被他人修改").contains("上传后申报表已被修改");
        MockHttpServletResponse refused = confirm("filer-001239", pending, version);
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("未导入");
        DeclarationDetail stored = declarations.page(scope("filer-001239"), draft).detail();
        assertThat(stored.projectLeader()).isEqualTo("另一位负责人");
        assertThat(stored.contactPerson()).as("the upload changed nothing").isEqualTo("李晓梅");
    }

    // ------------------------------------------------------------------ self-evaluations

    @Test
    void aSelfEvaluationDraftIsFilledFromItsExportedFile() throws Exception {
        long approved = fixtures().approvedSuzhou(CHENGGUAN, "导入自评" + run(),
                EvaluationFixtures.Row.suzhou("产出", "平台上线模块数", "≥8个"),
                EvaluationFixtures.Row.suzhou("结果", "系统可用率", "≥99%"));
        long evaluation = evaluations.start(scope("filer-001239"), approved);
        SelfEvaluationDetail before = evaluations.page(viewer("filer-001239"), evaluation).detail();
        byte[] filled = edit(get("filer-001239", "/evaluations/" + evaluation + "/xlsx").getContentAsByteArray(),
                sheet -> {
                    int header = rowOf(sheet, "实际完成值");
                    int target = colOf(sheet.getRow(header), "目标值");
                    int actual = colOf(sheet.getRow(header), "实际完成值");
                    for (int r = header + 1; r <= header + before.indicators().size(); r++) {
                        Row row = sheet.getRow(r);
                        row.getCell(actual).setCellValue(row.getCell(target).getStringCellValue());
                    }
                    right(sheet, "填报人").setCellValue("赵填报");
                });

        long pending = upload("filer-001239", "SELF_EVALUATION", "evaluationId", evaluation, "自评.xlsx", filled);
        String preview = get("filer-001239", "/imports/" + pending).getContentAsString();
        assertThat(preview).contains("0 个错误").contains("将填入自评表的内容").contains("按评分规则计算（导入后）")
                .contains("赵填报");

        assertThat(confirm("filer-001239", pending, before.version()).getRedirectedUrl())
                .isEqualTo("/evaluations/" + evaluation + "/edit");
        SelfEvaluationDetail after = evaluations.page(viewer("filer-001239"), evaluation).detail();
        assertThat(after.indicators()).extracting(SelfEvaluationDetail.IndicatorView::actual)
                .containsExactlyElementsOf(before.indicators().stream().map(i -> i.target().strip()).toList());
        assertThat(after.filer()).isEqualTo("赵填报");
        assertThat(after.version()).isGreaterThan(before.version());
    }

    // ------------------------------------------------------------------ problems, refusals, owners

    @Test
    void rowLevelErrorsBlockTheImportAndNothingIsStored() throws Exception {
        long seedId = declarationId("filer-001239", "苏州市城管执法考核系统", 2021);
        byte[] file = edit(get("filer-001239", "/declarations/" + seedId + "/xlsx").getContentAsByteArray(), sheet -> {
            right(sheet, "项目名称").setCellValue("有错误的导入" + run());
            right(sheet, "项目监理").setCellValue("约2万元");
            cellInColumn(sheet, "对应子项目名称", "目标值", "=6个").setCellValue("约35个");
        });
        long pending = upload("filer-001239", "NEW_DECLARATION", "unitId", unitOf("filer-001239"), "errors.xlsx",
                file);
        int amountRow;
        int targetRow;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            amountRow = rowOf(wb.getSheetAt(0), "项目监理") + 1;
            targetRow = rowOfValue(wb.getSheetAt(0), "约35个") + 1;
        }
        long before = count("filer-001239");

        String preview = get("filer-001239", "/imports/" + pending).getContentAsString();
        assertThat(preview).contains("1 个错误，1 个提示")
                .contains("第 " + amountRow + " 行").contains("无法识别金额“约2万元”（应为数字，单位万元）")
                .contains("第 " + targetRow + " 行").contains("无法识别“约35个”：“约”表示约数，不是确切的值")
                .contains("id=\"import-confirm\" disabled");
        MockHttpServletResponse refused = confirm("filer-001239", pending, 0);
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("未导入，未保存任何内容");
        assertThat(count("filer-001239")).isEqualTo(before);
    }

    @Test
    void aYearTheDomainRefusesIsAnErrorAtItsRow() throws Exception {
        long seedId = declarationId("filer-001239", "苏州市城管执法考核系统", 2021);
        byte[] file = edit(get("filer-001239", "/declarations/" + seedId + "/xlsx").getContentAsByteArray(), sheet -> {
            right(sheet, "项目名称").setCellValue("年度有误" + run());
            right(sheet, "项目年度").setCellValue("2200");
        });
        int yearRow;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            yearRow = rowOf(wb.getSheetAt(0), "项目年度") + 1;
        }
        long pending = upload("filer-001239", "NEW_DECLARATION", "unitId", unitOf("filer-001239"), "year.xlsx", file);

        assertThat(get("filer-001239", "/imports/" + pending).getContentAsString()).contains("1 个错误")
                .contains("第 " + yearRow + " 行").contains("项目年度应在 2000–2100 之间：2200");
    }

    @Test
    void aConfirmationTheDomainRefusesChangesNothingAndTheUploadWaits() throws Exception {
        long seedId = declarationId("filer-001239", "苏州市城管执法考核系统", 2021);
        byte[] file = get("filer-001239", "/declarations/" + seedId + "/xlsx").getContentAsByteArray();
        long pending = upload("filer-001239", "NEW_DECLARATION", "unitId", unitOf("filer-001239"), "refused.xlsx",
                file);
        DeclarationContent content = ((ImportedDeclaration) reader.read(file, "refused.xlsx")).content();
        long before = count("filer-001239");

        // the same project and year again: DeclarationFiling.create refuses it inside the confirmation's transaction
        assertThatThrownBy(() -> imports.confirmNewDeclaration(scope("filer-001239"), pending, 0, FormLayout.SUZHOU,
                2021, IndicatorFramework.SUZHOU_2017, content))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("年度申报表已存在");

        assertThat(count("filer-001239")).isEqualTo(before);
        assertThat(imports.find(scope("filer-001239"), pending).id())
                .as("the upload's removal was rolled back with the refused save").isEqualTo(pending);
        assertThat(get("filer-001239", "/imports/" + pending).getContentAsString())
                .as("and the preview says why").contains("项目“苏州市城管执法考核系统”的 2021 年度申报表已存在");
    }

    @Test
    void hostileAndForeignFilesAreRefusedOnUploadAndNothingIsStored() throws Exception {
        int waiting = imports.mine(scope("filer-001239")).size();
        MockHttpServletResponse macro = uploadResponse("filer-001239", "NEW_DECLARATION", "unitId",
                unitOf("filer-001239"), "宏.xlsm", new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThat(macro.getStatus()).isEqualTo(422);
        assertThat(macro.getContentAsString()).contains("文件已拒绝，未保存任何内容")
                .contains("含宏的工作簿（.xlsm、VBA 宏、宏表或 ActiveX）不能导入");
        MockHttpServletResponse pdf = uploadResponse("filer-001239", "NEW_DECLARATION", "unitId",
                unitOf("filer-001239"), "form.xlsx", "%PDF-1.4".getBytes());
        assertThat(pdf.getStatus()).isEqualTo(422);
        assertThat(pdf.getContentAsString()).contains("这不是 Excel（.xlsx）文件");
        byte[] foreign;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("名单").createRow(0).createCell(0).setCellValue("姓名");
            wb.write(out);
            foreign = out.toByteArray();
        }
        MockHttpServletResponse wrong = uploadResponse("filer-001239", "NEW_DECLARATION", "unitId",
                unitOf("filer-001239"), "名单.xlsx", foreign);
        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(wrong.getContentAsString()).contains("不是本系统的模板");
        assertThat(imports.mine(scope("filer-001239"))).hasSize(waiting);
    }

    @Test
    void anUploadIsItsOwnersOnly() throws Exception {
        long seedId = declarationId("filer-001239", "苏州市城管执法考核系统", 2021);
        long pending = upload("filer-001239", "NEW_DECLARATION", "unitId", unitOf("filer-001239"), "mine.xlsx",
                get("filer-001239", "/declarations/" + seedId + "/xlsx").getContentAsByteArray());

        assertThat(get("filer-001239", "/imports/" + pending).getStatus()).isEqualTo(200);
        assertThat(get("leader-001239", "/imports/" + pending).getStatus()).as("same unit, not the owner")
                .isEqualTo(404);
        assertThat(confirm("leader-001239", pending, 0).getStatus()).isEqualTo(404);
        assertThat(get("filer-001239", "/imports/987654321").getStatus()).as("a made-up id").isEqualTo(404);
        assertThat(get("reviewer-001239", "/imports/" + pending).getStatus()).as("reviewers import nothing")
                .isEqualTo(403);
        assertThat(get("filer-001239", "/imports").getContentAsString()).contains("mine.xlsx")
                .contains("href=\"/imports/" + pending + "\"");
        assertThat(get("leader-001239", "/imports").getContentAsString()).doesNotContain("mine.xlsx");
    }

    @Test
    void theUploadPageOffersWhatTheUserMayImportAndTheMenuLinksToIt() throws Exception {
        String page = get("filer-001239", "/imports").getContentAsString();
        assertThat(page).contains("Excel 导入").contains("新建本单位的申报表").contains("更新申报表草稿")
                .contains("填报自评表草稿").contains(CHENGGUAN).contains("不超过 10 MB")
                .contains("action=\"/imports?_csrf=").contains("enctype=\"multipart/form-data\"")
                .contains("href=\"/imports\"").contains("导入导出");
        assertThat(get("reviewer-001239", "/").getContentAsString()).doesNotContain("href=\"/imports\"");
        assertThat(get("reviewer-001239", "/imports").getStatus()).isEqualTo(403);
        MockHttpServletResponse noFile = mvc.perform(MockMvcRequestBuilders.multipart("/imports")
                .param("kind", "NEW_DECLARATION").param("unitId", String.valueOf(unitOf("filer-001239")))
                .with(csrf()).with(user(users.loadUserByUsername("filer-001239")))).andReturn().getResponse();
        assertThat(noFile.getStatus()).isEqualTo(200);
        assertThat(noFile.getContentAsString()).contains("请选择要上传的 Excel 文件");
    }

    // ------------------------------------------------------------------ helpers

    private long upload(String who, String kind, String targetParam, long target, String name, byte[] file)
            throws Exception {
        MockHttpServletResponse r = uploadResponse(who, kind, targetParam, target, name, file);
        assertThat(r.getStatus()).as("upload of %s: %s", name, r.getContentAsString()).isEqualTo(302);
        assertThat(r.getRedirectedUrl()).startsWith("/imports/");
        return Long.parseLong(r.getRedirectedUrl().substring("/imports/".length()));
    }

    private MockHttpServletResponse uploadResponse(String who, String kind, String targetParam, long target,
                                                   String name, byte[] file) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.multipart("/imports")
                        .file(new MockMultipartFile("file", name, XLSX, file))
                        .param("kind", kind).param(targetParam, String.valueOf(target))
                        .with(csrf()).with(user(users.loadUserByUsername(who))))
                .andReturn().getResponse();
    }

    private MockHttpServletResponse confirm(String who, long id, long version) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/imports/" + id + "/confirm")
                        .param("version", String.valueOf(version))
                        .with(csrf()).with(user(users.loadUserByUsername(who))))
                .andReturn().getResponse();
    }

    private MockHttpServletResponse get(String who, String url) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url).with(user(users.loadUserByUsername(who))))
                .andReturn().getResponse();
    }

    private Scope scope(String who) {
        return scopes.viewer(who).scope();
    }

    private Viewer viewer(String who) {
        return scopes.viewer(who);
    }

    private long unitOf(String who) {
        return scopes.viewer(who).scope().fileableUnitIds().iterator().next();
    }

    private long count(String who) {
        return declarations.search(scope(who), DeclarationSearch.all()).total();
    }

    private long declarationId(String who, String project, int year) {
        return declarations.search(scope(who), new DeclarationSearch(year, null, null, null, project, 0, 100,
                        DeclarationSearch.Sort.UPDATED_AT, false)).rows().stream()
                .filter(r -> r.projectName().equals(project)).map(DeclarationListRow::id).findFirst().orElseThrow();
    }

    private EvaluationFixtures fixtures() {
        return new EvaluationFixtures(declarationService, declarationRepository, units, transactions);
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /** The content with its text blocks and explanations as lines (what a file holds of them). */
    static DeclarationContent asLines(DeclarationContent c) {
        DeclarationTexts t = c.texts();
        DeclarationTexts lines = new DeclarationTexts(l(t.overview()), l(t.establishmentBasis()), l(t.necessity()),
                l(t.safeguards()), l(t.implementationPlan()), l(t.overallGoal()), l(t.annualGoal()),
                l(t.otherIssues()), l(t.unitFunctions()), l(t.feasibility()), l(t.departmentOpinion()));
        return new DeclarationContent(c.projectName(), c.projectType(), c.projectAttribute(),
                c.governmentProcurement(), c.governmentPurchasedService(), c.projectLeader(), c.contactPerson(),
                c.contactPhone(), c.competentDepartmentName(), c.competentDepartmentCode(), c.projectUnitName(),
                c.periodStart(), c.periodEnd(), lines, c.priorYearFunds(), c.fundsRequest(), c.subProjects(),
                c.fundingSources(), c.indicators().stream().map(i -> new DeclarationContent.IndicatorRow(i.id(),
                        i.term(), i.category(), i.subCategory(), i.subProjectKeys(), i.name(), i.targetText(),
                        i.direction(), l(i.explanation()), i.targetBasis(), i.basisKind(), i.measureUnit(),
                        i.weight(), i.libraryEntryId())).toList(), c.milestones(), c.signOff());
    }

    private static String l(String stored) {
        String lines = Paragraphs.asLines(stored);
        return lines.isEmpty() ? null : lines;
    }

    /** The workbook edited by {@code change}. */
    static byte[] edit(byte[] xlsx, Consumer<XSSFSheet> change) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(wb.getSheetAt(0));
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The value cell right of the label cell reading {@code label} (after its merged region). */
    static Cell right(XSSFSheet sheet, String label) {
        int r = rowOf(sheet, label);
        int c = colOf(sheet.getRow(r), label);
        int last = c;
        for (CellRangeAddress m : sheet.getMergedRegions()) {
            if (m.isInRange(r, c)) {
                last = m.getLastColumn();
            }
        }
        Row row = sheet.getRow(r);
        Cell cell = row.getCell(last + 1);
        return cell != null ? cell : row.createCell(last + 1);
    }

    /** The cell under the header {@code column} (of the header row holding {@code headerLabel}) reading {@code value}. */
    static Cell cellInColumn(XSSFSheet sheet, String headerLabel, String column, String value) {
        int header = rowOf(sheet, headerLabel);
        int col = colOf(sheet.getRow(header), column);
        for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
            Cell c = sheet.getRow(r) == null ? null : sheet.getRow(r).getCell(col);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().strip().equals(value)) {
                return c;
            }
        }
        throw new AssertionError("no " + value + " under " + column);
    }

    static int rowOf(XSSFSheet sheet, String text) {
        return rowOfValue(sheet, text);
    }

    static int rowOfValue(XSSFSheet sheet, String text) {
        for (Row r : sheet) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().strip().equals(text)) {
                    return r.getRowNum();
                }
            }
        }
        throw new AssertionError("no cell reads " + text);
    }

    static int colOf(Row row, String text) {
        for (Cell c : row) {
            if (c.getCellType() == CellType.STRING && c.getStringCellValue().strip().equals(text)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no cell reads " + text + " in row " + row.getRowNum());
    }
}
