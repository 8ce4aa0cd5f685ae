package cn.perf.reports.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationContent.IndicatorRow;
import cn.perf.domain.declaration.DeclarationContent.SubProjectRow;
import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationDiff;
import cn.perf.domain.declaration.DeclarationTexts;
import cn.perf.domain.evaluation.EvaluationCommands.RecordEvaluation;
import cn.perf.domain.evaluation.ImplementationReport;
import cn.perf.domain.evaluation.SelfEvaluationDetail;
import cn.perf.domain.evaluation.SelfEvaluationDetail.IndicatorView;
import cn.perf.domain.shared.Money;
import cn.perf.domain.shared.Paragraphs;
import cn.perf.domain.shared.Violation;
import cn.perf.reports.SeedForms;
import cn.perf.reports.view.DeclarationViews;
import cn.perf.reports.view.EvaluationViews;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Export → import gives back the same form (issue 10): each seed's .xlsx, as {@link XlsxRenderer} writes it, read by
 * {@link XlsxImport} and compared field by field with the read model it was drawn from — for each layout (Suzhou and
 * national 申报表, Suzhou and national 自评表) and each seed (000, 001, 002, 003). Text blocks compare as their
 * paragraphs (the file holds the paragraphs, one per line; seeds store {@code <p>} markup), and read onto the stored
 * form they are the stored text again, so the import of an unchanged file changes nothing.
 */
class XlsxImportRoundTripTest {

    private final XlsxImport reader = new XlsxImport();

    static Stream<Arguments> declarations() {
        return Stream.of(
                Arguments.of("000", (Supplier<DeclarationDetail>) SeedForms::seed000, false),
                Arguments.of("001", (Supplier<DeclarationDetail>) SeedForms::seed001, true),
                Arguments.of("003", (Supplier<DeclarationDetail>) SeedForms::seed003, false));
    }

    static Stream<Arguments> evaluations() {
        return Stream.of(
                Arguments.of("002", (Supplier<SelfEvaluationDetail>) SeedForms::seed002),
                Arguments.of("national-2020", (Supplier<SelfEvaluationDetail>) SeedForms::national2020));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("declarations")
    void anExportedDeclarationReadsBackFieldByField(String seed, Supplier<DeclarationDetail> detail,
                                                    boolean withHistory) {
        DeclarationDetail d = detail.get();
        byte[] xlsx = new XlsxRenderer().render(withHistory ? DeclarationViews.of(d, SeedForms.seed001History())
                : DeclarationViews.of(d));

        ImportedDeclaration read = (ImportedDeclaration) reader.read(xlsx, seed + ".xlsx");

        assertThat(read.problems()).as("problems of seed %s", seed).isEmpty();
        assertSameDeclaration(read, d);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("declarations")
    void readOntoItsStoredFormAnUnchangedFileChangesNothing(String seed, Supplier<DeclarationDetail> detail,
                                                            boolean withHistory) {
        DeclarationDetail d = detail.get();
        ImportedDeclaration read = (ImportedDeclaration) reader.read(new XlsxRenderer().render(
                DeclarationViews.of(d)), null);

        DeclarationContent onto = read.onto(d.content());

        assertThat(DeclarationDiff.between(d.content(), onto).rows()).isEmpty();
        assertThat(onto.texts()).isEqualTo(d.content().texts());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("evaluations")
    void anExportedSelfEvaluationReadsBackFieldByField(String seed, Supplier<SelfEvaluationDetail> detail) {
        SelfEvaluationDetail e = detail.get();
        byte[] xlsx = new XlsxRenderer().render(EvaluationViews.of(e));

        ImportedEvaluation read = (ImportedEvaluation) reader.read(xlsx, seed + ".xlsx");

        assertThat(read.problems().stream().filter(ImportProblem::blocking)).as("problems of %s", seed).isEmpty();
        assertSameEvaluation(read, e);
    }

    @Test
    void rowsMovedAndInsertedStillRead() throws IOException {
        DeclarationDetail d = SeedForms.seed001();
        byte[] moved;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(new XlsxRenderer().render(
                DeclarationViews.of(d))))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            // two notes above the form, and an empty row after 联系电话 (the rows below it move down)
            sheet.shiftRows(0, sheet.getLastRowNum(), 2);
            sheet.createRow(0).createCell(0).setCellValue("填表前请阅读填报说明");
            int phone = rowOf(sheet, "联系电话");
            sheet.shiftRows(phone + 1, sheet.getLastRowNum(), 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            moved = out.toByteArray();
        }

        ImportedDeclaration read = (ImportedDeclaration) reader.read(moved, "moved.xlsx");

        assertThat(read.problems()).isEmpty();
        assertSameDeclaration(read, d);
    }

    @Test
    void anUnreadableTargetIsANoticeAtItsRowAndAnUnreadableAmountAnError() throws IOException {
        byte[] edited;
        int targetRow;
        int amountRow;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(new XlsxRenderer().render(
                DeclarationViews.of(SeedForms.seed000()))))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            int header = rowOf(sheet, "对应子项目名称");
            int targetCol = colOf(sheet.getRow(header), "目标值");
            targetRow = header + 1 + 12; // the 13th indicator row
            sheet.getRow(targetRow).getCell(targetCol).setCellValue("约35个");
            amountRow = rowOf(sheet, "项目监理");
            sheet.getRow(amountRow).getCell(colOf(sheet.getRow(rowOf(sheet, "子项目名称")), "预算金额（万元）"))
                    .setCellValue("约2万元");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            edited = out.toByteArray();
        }

        ImportedDeclaration read = (ImportedDeclaration) reader.read(edited, "000.xlsx");

        assertThat(read.problems()).extracting(ImportProblem::text).containsExactly(
                "第 " + (amountRow + 1) + " 行 预算金额：无法识别金额“约2万元”（应为数字，单位万元）",
                "第 " + (targetRow + 1) + " 行 目标值：无法识别“约35个”：“约”表示约数，不是确切的值");
        assertThat(read.problems()).extracting(ImportProblem::blocking).containsExactly(true, false);
        assertThat(read.content().indicators().get(12).targetText()).isEqualTo("约35个");
    }

    @Test
    void theDomainsViolationsAreReportedAtTheirRows() {
        ImportedDeclaration read = (ImportedDeclaration) reader.read(new XlsxRenderer().render(
                DeclarationViews.of(SeedForms.seed000())), null);
        int row = read.rows().get("indicators[3]");

        List<ImportProblem> problems = read.problemsOf(List.of(
                Violation.of("indicators[3].name", "required", "指标名称不能为空", "指标名称"),
                Violation.of("projectName", "tooLong", "项目名称不能超过 200 个字（现有 201 个）", "项目名称", 200, 201)));

        assertThat(problems).extracting(ImportProblem::text).containsExactly(
                "第 " + row + " 行 指标名称：指标名称不能为空",
                "第 " + read.rows().get("projectName") + " 行 项目名称：项目名称不能超过 200 个字（现有 201 个）");
        assertThat(problems).allMatch(ImportProblem::blocking);
        assertThat(problems.get(0).code()).isEqualTo("violation.required");
    }

    @Test
    void aSelfEvaluationFileIsCheckedAgainstTheFormItUpdatesAndSaysWhatChanges() throws IOException {
        SelfEvaluationDetail e = SeedForms.seed002();
        byte[] exported = new XlsxRenderer().render(EvaluationViews.of(e));
        ImportedEvaluation same = (ImportedEvaluation) reader.read(exported, null);
        assertThat(same.problemsAgainst(e)).isEmpty();
        assertThat(same.changesFrom(e)).as("an unchanged export changes nothing").isEmpty();
        assertThat(same.problemsAgainst(SeedForms.national2020())).extracting(ImportProblem::code)
                .containsExactly("import.problem.layout.evaluation");

        int nameRow;
        byte[] edited;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            int header = rowOf(sheet, "实际完成值");
            nameRow = header + 2;
            sheet.getRow(nameRow).getCell(colOf(sheet.getRow(header), "指标名称")).setCellValue("改过的指标");
            sheet.getRow(header + 1).getCell(colOf(sheet.getRow(header), "实际完成值")).setCellValue("95%");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            edited = out.toByteArray();
        }
        ImportedEvaluation read = (ImportedEvaluation) reader.read(edited, null);

        assertThat(read.problemsAgainst(e)).extracting(ImportProblem::text).containsExactly("第 " + (nameRow + 1)
                + " 行 指标名称：应为“" + e.indicators().get(1).name() + "”，文件中为“改过的指标”");
        assertThat(read.changesFrom(e)).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("实际完成值");
            assertThat(c.item()).isEqualTo("第 1 行 " + e.indicators().get(0).name());
            assertThat(c.before()).isEqualTo(e.indicators().get(0).actual().strip());
            assertThat(c.after()).isEqualTo("95%");
        });
    }

    @Test
    void aDeclarationFileOfAnotherLayoutOrYearDoesNotFitTheDraftAndTheLibraryGivesItsWeights() {
        ImportedDeclaration suzhou = (ImportedDeclaration) reader.read(new XlsxRenderer().render(
                DeclarationViews.of(SeedForms.seed000())), null);
        assertThat(suzhou.problemsAgainst(SeedForms.seed000())).isEmpty();
        assertThat(suzhou.problemsAgainst(SeedForms.seed003())).extracting(ImportProblem::code)
                .containsExactly("import.problem.layout", "import.problem.year.other");
        assertThat(suzhou.problemsForUnit("苏州市城市管理局")).isEmpty();
        assertThat(suzhou.problemsForUnit("苏州市住房和城乡建设局")).extracting(ImportProblem::blocking)
                .containsExactly(false);

        var first = suzhou.content().indicators().get(0);
        var entry = new cn.perf.domain.template.LibraryIndicator(77L, first.category(), first.name(),
                first.targetText(), first.explanation(), first.targetBasis(), new BigDecimal("2.5"));
        var filled = suzhou.withLibrary(List.of(entry)).indicators();
        assertThat(filled.get(0).weight()).isEqualByComparingTo("2.5");
        assertThat(filled.get(0).libraryEntryId()).isEqualTo(77L);
        assertThat(filled.get(1).weight()).isNull();
    }

    // ------------------------------------------------------------------ comparisons

    static void assertSameDeclaration(ImportedDeclaration read, DeclarationDetail d) {
        DeclarationContent want = d.content();
        DeclarationContent got = read.content();
        assertThat(read.layout()).isEqualTo(d.layout());
        assertThat(read.year()).isEqualTo(d.year().value());
        assertThat(got.projectName()).isEqualTo(want.projectName());
        assertThat(got.projectType()).isEqualTo(want.projectType());
        assertThat(got.projectAttribute()).isEqualTo(want.projectAttribute());
        assertThat(got.governmentProcurement()).isEqualTo(want.governmentProcurement());
        assertThat(got.governmentPurchasedService()).isEqualTo(want.governmentPurchasedService());
        assertThat(got.projectLeader()).isEqualTo(want.projectLeader());
        assertThat(got.contactPerson()).isEqualTo(want.contactPerson());
        assertThat(got.contactPhone()).isEqualTo(want.contactPhone());
        assertThat(got.competentDepartmentName()).isEqualTo(want.competentDepartmentName());
        assertThat(got.competentDepartmentCode()).isEqualTo(want.competentDepartmentCode());
        assertThat(got.projectUnitName()).isEqualTo(want.projectUnitName());
        assertThat(got.periodStart()).isEqualTo(want.periodStart());
        assertThat(got.periodEnd()).isEqualTo(want.periodEnd());
        assertSameTexts(got.texts(), want.texts());
        assertThat(got.priorYearFunds()).isEqualTo(want.priorYearFunds());
        assertThat(got.fundsRequest()).isEqualTo(want.fundsRequest());
        assertThat(got.subProjects()).extracting(SubProjectRow::name)
                .containsExactlyElementsOf(want.subProjects().stream().map(SubProjectRow::name).toList());
        assertThat(got.subProjects()).extracting(SubProjectRow::amount)
                .containsExactlyElementsOf(want.subProjects().stream().map(SubProjectRow::amount).toList());
        assertThat(got.fundingSources()).containsExactlyElementsOf(want.fundingSources());
        assertThat(got.indicators()).hasSameSizeAs(want.indicators());
        Map<String, String> gotNames = names(got);
        Map<String, String> wantNames = names(want);
        for (int i = 0; i < want.indicators().size(); i++) {
            IndicatorRow g = got.indicators().get(i);
            IndicatorRow w = want.indicators().get(i);
            String row = "indicator " + (i + 1) + " " + w.name();
            assertThat(g.term()).as(row).isEqualTo(w.term());
            assertThat(g.category()).as(row).isEqualTo(w.category());
            assertThat(g.subCategory()).as(row).isEqualTo(w.subCategory());
            assertThat(g.subProjectKeys().stream().map(gotNames::get).toList()).as(row)
                    .isEqualTo(w.subProjectKeys().stream().map(wantNames::get).toList());
            assertThat(g.name()).as(row).isEqualTo(w.name());
            assertThat(g.targetText()).as(row).isEqualTo(w.targetText());
            assertThat(Paragraphs.of(g.explanation())).as(row).isEqualTo(Paragraphs.of(w.explanation()));
            assertThat(g.targetBasis()).as(row).isEqualTo(w.targetBasis());
            assertThat(g.basisKind()).as(row).isEqualTo(w.basisKind());
            assertThat(g.measureUnit()).as(row).isEqualTo(w.measureUnit());
        }
        assertThat(got.milestones()).hasSameSizeAs(want.milestones());
        for (int i = 0; i < want.milestones().size(); i++) {
            assertThat(got.milestones().get(i).content()).isEqualTo(want.milestones().get(i).content());
            assertThat(got.milestones().get(i).startOn()).isEqualTo(want.milestones().get(i).startOn());
            assertThat(got.milestones().get(i).endOn()).isEqualTo(want.milestones().get(i).endOn());
        }
        assertThat(got.signOff()).isEqualTo(want.signOff());
    }

    private static Map<String, String> names(DeclarationContent c) {
        Map<String, String> out = new HashMap<>();
        c.subProjects().forEach(s -> out.put(s.key(), s.name()));
        return out;
    }

    static void assertSameTexts(DeclarationTexts got, DeclarationTexts want) {
        List<Function<DeclarationTexts, String>> blocks = List.of(DeclarationTexts::overview,
                DeclarationTexts::establishmentBasis, DeclarationTexts::necessity, DeclarationTexts::safeguards,
                DeclarationTexts::implementationPlan, DeclarationTexts::overallGoal, DeclarationTexts::annualGoal,
                DeclarationTexts::otherIssues, DeclarationTexts::unitFunctions, DeclarationTexts::feasibility,
                DeclarationTexts::departmentOpinion);
        for (Function<DeclarationTexts, String> b : blocks) {
            assertThat(Paragraphs.of(b.apply(got))).isEqualTo(Paragraphs.of(b.apply(want)));
        }
    }

    static void assertSameEvaluation(ImportedEvaluation read, SelfEvaluationDetail e) {
        assertThat(read.layout()).isEqualTo(e.layout());
        assertThat(read.projectName()).isEqualTo(e.projectName());
        assertThat(read.year()).isEqualTo(e.year());
        RecordEvaluation cmd = read.toCommand(e.id(), e.version());
        if (e.cityBudgetExecution() == null) {
            assertThat(cmd.cityBudget()).isNull();
        } else {
            assertSameAmount(cmd.cityBudget().initialBudget(), e.cityBudgetExecution().initialBudget());
            assertSameAmount(cmd.cityBudget().adjustment(), e.cityBudgetExecution().adjustment());
            assertSameAmount(cmd.cityBudget().appropriated(), e.cityBudgetExecution().appropriated());
            assertSameAmount(cmd.cityBudget().indicatorBalance(), e.cityBudgetExecution().indicatorBalance());
        }
        if (e.cityFundsUse() == null) {
            assertThat(cmd.cityFundsUse()).isNull();
        } else {
            assertSameAmount(cmd.cityFundsUse().appropriated(), e.cityFundsUse().appropriated());
            assertSameAmount(cmd.cityFundsUse().actualPaid(), e.cityFundsUse().actualPaid());
            assertSameAmount(cmd.cityFundsUse().balance(), e.cityFundsUse().balance());
            assertSameAmount(cmd.cityFundsUse().carryover(), e.cityFundsUse().carryover());
            assertSameAmount(cmd.cityFundsUse().recovered(), e.cityFundsUse().recovered());
        }
        assertThat(read.subProjects()).hasSameSizeAs(e.subProjects());
        for (int i = 0; i < e.subProjects().size(); i++) {
            assertThat(read.subProjects().get(i).name()).isEqualTo(e.subProjects().get(i).name());
            assertSameAmount(cmd.subProjects().get(i), e.subProjects().get(i).actualAmount());
        }
        if (e.nationalFunds().isEmpty()) {
            assertThat(cmd.nationalFunds()).isNull();
        } else {
            assertThat(cmd.nationalFunds()).hasSameSizeAs(e.nationalFunds());
            for (int i = 0; i < e.nationalFunds().size(); i++) {
                var want = e.nationalFunds().get(i);
                var got = cmd.nationalFunds().get(i);
                assertThat(got.kind()).isEqualTo(want.kind());
                assertThat(got.initialBudget()).isEqualTo(want.initialBudget());
                assertThat(got.annualBudget()).isEqualTo(want.annualBudget());
                assertThat(got.executed()).isEqualTo(want.executed());
            }
        }
        assertSameNumber(cmd.budgetScore(), e.budgetExecutionRecordedScore());
        assertThat(read.indicators()).hasSameSizeAs(e.indicators());
        for (int i = 0; i < e.indicators().size(); i++) {
            IndicatorView want = e.indicators().get(i);
            var got = read.indicators().get(i);
            var entry = cmd.rows().get(i);
            String row = "row " + want.position() + " " + want.name();
            assertThat(entry.position()).as(row).isEqualTo(want.position());
            assertThat(got.name()).as(row).isEqualTo(want.name());
            assertThat(got.target()).as(row).isEqualTo(want.target().strip());
            assertThat(entry.actual()).as(row).isEqualTo(want.actual().strip());
            assertSameNumber(entry.recordedScore(), want.recordedScore());
            assertThat(Paragraphs.of(entry.deviationReason())).as(row).isEqualTo(Paragraphs.of(want.deviationReason()));
        }
        ImplementationReport r = e.report();
        assertThat(Paragraphs.of(cmd.report().implementation())).isEqualTo(Paragraphs.of(r.implementation()));
        assertThat(Paragraphs.of(cmd.report().managementResults())).isEqualTo(Paragraphs.of(r.managementResults()));
        assertThat(Paragraphs.of(cmd.report().problems())).isEqualTo(Paragraphs.of(r.problems()));
        assertThat(Paragraphs.of(cmd.report().suggestions())).isEqualTo(Paragraphs.of(r.suggestions()));
        assertThat(Paragraphs.of(cmd.report().goalAchievement())).isEqualTo(Paragraphs.of(r.goalAchievement()));
        assertThat(cmd.signature().filer()).isEqualTo(e.filer());
        assertThat(cmd.signature().unitLeader()).isEqualTo(e.unitLeader());
        assertThat(cmd.signature().filingDate()).isEqualTo(e.filingDate());
    }

    private static void assertSameAmount(BigDecimal got, Money want) {
        if (want == null) {
            assertThat(got).isNull();
        } else {
            assertThat(got).isNotNull();
            assertThat(Money.ofWan(got)).isEqualTo(want);
        }
    }

    private static void assertSameNumber(BigDecimal got, BigDecimal want) {
        if (want == null) {
            assertThat(got).isNull();
        } else {
            assertThat(got).isNotNull().isEqualByComparingTo(want);
        }
    }

    static int rowOf(XSSFSheet sheet, String text) {
        for (Row r : sheet) {
            for (Cell c : r) {
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && c.getStringCellValue().strip().equals(text)) {
                    return r.getRowNum();
                }
            }
        }
        throw new AssertionError("no cell reads " + text);
    }

    static int colOf(Row row, String text) {
        for (Cell c : row) {
            if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && c.getStringCellValue().strip().equals(text)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no cell reads " + text + " in row " + row.getRowNum());
    }
}
