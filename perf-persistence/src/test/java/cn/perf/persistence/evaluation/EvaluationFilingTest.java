package cn.perf.persistence.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.account.AccountDirectory;
import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.PasswordHasher;
import cn.perf.domain.account.Role;
import cn.perf.domain.declaration.DeclarationCommands.CreateDeclaration;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationReview;
import cn.perf.domain.declaration.DeclarationReview.ReviewCommand;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.FinanceGrade;
import cn.perf.domain.declaration.ReviewDecision;
import cn.perf.domain.declaration.ReviewLog;
import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.demo.DemoSelfEvaluation2020;
import cn.perf.domain.evaluation.EvaluationCommands.CityBudget;
import cn.perf.domain.evaluation.EvaluationCommands.CityUse;
import cn.perf.domain.evaluation.EvaluationCommands.RecordEvaluation;
import cn.perf.domain.evaluation.EvaluationCommands.RowEntry;
import cn.perf.domain.evaluation.EvaluationFiling;
import cn.perf.domain.evaluation.EvaluationIndicator;
import cn.perf.domain.evaluation.EvaluationPage;
import cn.perf.domain.evaluation.EvaluationSearch;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.ImplementationReport;
import cn.perf.domain.evaluation.ScoreBoard;
import cn.perf.domain.evaluation.ScoringRegimeCatalog;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.domain.evaluation.SelfEvaluationReview;
import cn.perf.domain.evaluation.SelfEvaluationScoring;
import cn.perf.domain.evaluation.SelfEvaluationService;
import cn.perf.domain.evaluation.SelfEvaluations;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.shared.Violation;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.IndicatorFramework;
import cn.perf.persistence.declaration.FilingContents;
import cn.perf.persistence.declaration.JdbcDeclarationStamps;
import cn.perf.persistence.declaration.RecordedEvents;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link EvaluationFiling} on PostgreSQL: the live preview scores exactly what a save then stores and stores nothing
 * itself; a save reports every refused value at once with the page's field paths; the submission waits for the
 * deviation reasons; scope hides other units' forms; and the stored total of seed 002 is the engine's.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({EvaluationFiling.class, JpaSelfEvaluationQueries.class, EvaluationSnapshotStore.class, cn.perf.persistence.audit.JdbcAuditLog.class, SelfEvaluationService.class,
        SelfEvaluationScoring.class, SelfEvaluationReview.class, ScoringRegimeCatalog.class, DeclarationFiling.class,
        DeclarationReview.class, JdbcDeclarationStamps.class, ReviewLog.class, AccountDirectory.class,
        RecordedEvents.class, DemoOrganization.class, DemoSelfEvaluation2020.class,
        cn.perf.domain.declaration.DeclarationService.class, cn.perf.domain.demo.DemoDeclarations.class,
        EvaluationFilingTest.Hasher.class})
class EvaluationFilingTest {

    @TestConfiguration
    static class Hasher {
        @Bean
        PasswordHasher passwordHasher() {
            return raw -> "{noop}" + raw;
        }
    }

    @Autowired
    EvaluationFiling filing;
    @Autowired
    DeclarationFiling declarations;
    @Autowired
    DeclarationReview review;
    @Autowired
    Declarations declarationRepository;
    @Autowired
    SelfEvaluations evaluations;
    @Autowired
    BudgetUnits units;
    @Autowired
    DemoOrganization organization;
    @Autowired
    DemoSelfEvaluation2020 demo;
    @Autowired
    cn.perf.domain.demo.DemoDeclarations demoDeclarations;
    @Autowired
    EntityManager em;
    @Autowired
    JdbcTemplate jdbc;

    BudgetUnit unit;
    Scope filer;
    Viewer filerViewer;

    @BeforeEach
    void units() {
        BudgetUnit bureau = units.save(BudgetUnit.financeBureau("自评测试财政局", "自评测试市"));
        unit = units.save(BudgetUnit.department("990501", "自评测试住建局", bureau.id(), "自评测试市"));
        filer = new Scope("filer", Set.of(unit.id()), null, Set.of(unit.id()));
        filerViewer = viewer(filer, Role.FILER);
    }

    private static Viewer viewer(Scope scope, Role role) {
        return new Viewer(new AccountProfile(scope.username(), scope.username(), EnumSet.of(role), null, null, null,
                null, null), scope);
    }

    private long declarationVersion(Long id) {
        em.flush();
        em.clear();
        return declarationRepository.findById(id).orElseThrow().version();
    }

    private long version(Long id) {
        em.flush();
        em.clear();
        return evaluations.findById(id).orElseThrow().version();
    }

    /** An approved Suzhou declaration of the test unit and its self-evaluation, started by the filer. */
    private Long started(String name) {
        Long id = declarations.create(filer, new CreateDeclaration(unit.id(), FormLayout.SUZHOU, 2021,
                IndicatorFramework.SUZHOU_2017, FilingContents.suzhou(name)));
        declarations.submit(filer, id, declarationVersion(id));
        review.review(viewer(new Scope("dept", Set.of(unit.id()), null, Set.of()), Role.DEPARTMENT_REVIEWER),
                new ReviewCommand(id, declarationVersion(id), ReviewDecision.APPROVE, null, null));
        review.review(viewer(new Scope("fin", Set.of(), "自评测试市", Set.of()), Role.FINANCE_REVIEWER),
                new ReviewCommand(id, declarationVersion(id), null, FinanceGrade.EXCELLENT, null));
        Long evaluation = filing.start(filer, id);
        em.flush();
        return evaluation;
    }

    /**
     * The form filled: balanced funds, every row met (qualitative rows 好, quantitative rows their target's number),
     * except row {@code shortRow} (1-based) which gets {@code shortActual}.
     */
    private RecordEvaluation filled(Long id, int shortRow, String shortActual, String shortReason) {
        SelfEvaluation e = evaluations.findById(id).orElseThrow();
        List<RowEntry> rows = new ArrayList<>();
        for (EvaluationIndicator i : e.indicators()) {
            String actual = i.target().isQualitative() ? "好" : i.target().originalText().replace("=", "");
            rows.add(i.position() == shortRow ? new RowEntry(i.position(), shortActual, null, shortReason)
                    : new RowEntry(i.position(), actual, null, null));
        }
        List<BigDecimal> subs = e.subProjects().stream().map(s -> s.actualAmount().wan()).toList();
        return new RecordEvaluation(id, version(id), new CityBudget(new BigDecimal("41.86"), BigDecimal.ZERO,
                new BigDecimal("41.86"), BigDecimal.ZERO), new CityUse(new BigDecimal("41.86"),
                new BigDecimal("40.00"), new BigDecimal("1.86"), new BigDecimal("1.86"), BigDecimal.ZERO), subs, null,
                null, rows, ImplementationReport.suzhou("第一段\n第二段", "成效", "问题", "建议"), null);
    }

    private static int positionOf(SelfEvaluation e, String name) {
        return e.indicators().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().position();
    }

    @Test
    void thePreviewScoresWhatTheSaveThenStoresAndStoresNothingItself() {
        Long id = started("预览与保存一致项目");
        SelfEvaluation before = evaluations.findById(id).orElseThrow();
        int modules = positionOf(before, "系统建设模块数");
        long versionBefore = version(id);

        ScoreBoard preview = filing.preview(filer, filled(id, modules, "3个", null));

        SelfEvaluation untouched = evaluations.findById(id).orElseThrow();
        assertThat(untouched.version()).isEqualTo(versionBefore);
        assertThat(untouched.indicators()).allSatisfy(i -> assertThat(i.actual().isBlank()).isTrue());
        assertThat(untouched.cityBudgetExecution()).isEmpty();
        ScoreBoard.Row shortRow = preview.rows().get(modules - 1);
        assertThat(shortRow.finalScore()).isLessThan(shortRow.weight());
        assertThat(shortRow.reasonRequired()).isTrue();
        assertThat(shortRow.trace()).contains("完成率 75.0%");
        assertThat(preview.violations()).isEmpty();

        long saved = filing.save(filer, filled(id, modules, "3个", null));

        em.flush();
        em.clear();
        SelfEvaluation stored = evaluations.findById(id).orElseThrow();
        assertThat(saved).isGreaterThan(versionBefore);
        assertThat(stored.computedTotal()).isEqualByComparingTo(preview.total());
        assertThat(stored.indicators().get(modules - 1).computedScore()).isEqualByComparingTo(shortRow.finalScore());
        assertThat(stored.report().implementation()).isEqualTo("第一段\n第二段");
        EvaluationPage page = filing.page(filerViewer, id);
        assertThat(page.board().total()).isEqualByComparingTo(stored.computedTotal());
        assertThat(page.editable()).isTrue();
    }

    @Test
    void aSaveReportsEveryRefusedValueAtOnceWithThePagePathsAndKeepsNothing() {
        Long id = started("一次报告全部错误项目");
        SelfEvaluation e = evaluations.findById(id).orElseThrow();
        int platform = positionOf(e, "信息化平台");
        RecordEvaluation good = filled(id, platform, "1套", null);
        List<RowEntry> rows = new ArrayList<>(good.rows());
        rows.set(platform - 1, new RowEntry(platform, "1套", new BigDecimal("99"), null));
        RecordEvaluation bad = new RecordEvaluation(id, good.expectedVersion(), new CityBudget(new BigDecimal("41.86"),
                BigDecimal.ZERO, new BigDecimal("40"), BigDecimal.ZERO), good.cityFundsUse(), good.subProjects(), null,
                null, rows, good.report(), null);

        assertThatThrownBy(() -> filing.save(filer, bad)).isInstanceOfSatisfying(InvalidCommandException.class, x ->
                assertThat(x.violations()).extracting(Violation::path)
                        .containsExactly("cityBudget.indicatorBalance", "rows[" + (platform - 1) + "].recordedScore"));
        em.clear();
        assertThat(evaluations.findById(id).orElseThrow().cityBudgetExecution()).isEmpty();
        ScoreBoard preview = filing.preview(filer, bad);
        assertThat(preview.violations()).extracting(Violation::message).anySatisfy(m ->
                assertThat(m).contains("指标结余数"));
    }

    @Test
    void theSubmissionWaitsForTheDeviationReasonThenTakesTheComputedScores() {
        Long id = started("偏差原因项目");
        int modules = positionOf(evaluations.findById(id).orElseThrow(), "系统建设模块数");
        filing.save(filer, filled(id, modules, "3个", null));

        assertThatThrownBy(() -> filing.submit(filer, id, version(id))).isInstanceOfSatisfying(
                InvalidCommandException.class, x -> assertThat(x.violations()).singleElement().satisfies(v -> {
                    assertThat(v.path()).isEqualTo("rows[" + (modules - 1) + "].deviationReason");
                    assertThat(v.message()).contains("系统建设模块数").contains("未达目标");
                }));

        filing.save(filer, filled(id, modules, "3个", "一个模块推迟到次年上线"));
        filing.submit(filer, id, version(id));

        em.flush();
        em.clear();
        SelfEvaluation submitted = evaluations.findById(id).orElseThrow();
        assertThat(submitted.status()).isEqualTo(EvaluationStatus.SUBMITTED);
        assertThat(submitted.indicators()).allSatisfy(i ->
                assertThat(i.recordedScore()).isEqualByComparingTo(i.computedScore()));
        assertThat(submitted.recordedTotal()).isEqualByComparingTo(submitted.computedTotal());
    }

    @Test
    void aTargetThatDiffersFromTheApprovedDeclarationIsOnThePageAndInThePreviewOnce() {
        Long id = started("目标不一致项目");
        int modules = positionOf(evaluations.findById(id).orElseThrow(), "系统建设模块数");
        em.flush();
        jdbc.update("update self_evaluation_indicator set target_text = '=3个' where self_evaluation_id = ? and position = ?",
                id, modules);
        em.clear();
        filing.save(filer, filled(id, modules, "3个", null));
        em.flush();
        em.clear();

        ScoreBoard page = filing.page(filerViewer, id).board();
        ScoreBoard preview = filing.preview(filer, filled(id, modules, "3个", null));

        for (ScoreBoard board : List.of(page, preview)) {
            assertThat(board.findings()).filteredOn(f -> f.code().equals("DIFFERS_FROM_DECLARATION")).singleElement()
                    .satisfies(f -> {
                        assertThat(f.rowPosition()).isEqualTo(modules);
                        assertThat(f.message()).contains("=3个").contains("=4个");
                    });
        }
        assertThat(evaluations.findById(id).orElseThrow().findings()).extracting(f -> f.toLine().code())
                .containsOnlyOnce("DIFFERS_FROM_DECLARATION");
    }

    @Test
    void anotherUnitsFormIsNotFoundOnEveryUseCase() {
        Long id = started("他单位不可见项目");
        Scope stranger = new Scope("stranger", Set.of(-1L), null, Set.of(-1L));
        RecordEvaluation cmd = filled(id, 1, "好", null);

        assertThatThrownBy(() -> filing.page(viewer(stranger, Role.FILER), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> filing.preview(stranger, cmd)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> filing.save(stranger, cmd)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> filing.submit(stranger, id, cmd.expectedVersion()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> filing.compare(viewer(stranger, Role.FILER), id, null))
                .isInstanceOf(NotFoundException.class);
        assertThat(filing.search(stranger, EvaluationSearch.all()).rows())
                .noneMatch(r -> r.id().equals(id));
        assertThat(filing.search(filer, EvaluationSearch.all()).rows()).anyMatch(r -> r.id().equals(id));
    }

    /**
     * Seeds 000 and 001 (Suzhou) and 003 (national): approved, their self-evaluations started and filled through the use
     * cases (every row given a value, a national 定性 row its weight as the chosen score); the stored total and the
     * stored findings are the engine's, exactly as the page shows them.
     */
    @Test
    void everySeedsSelfEvaluationStoresTheTotalAndFindingsThePageShows() {
        int listedFindings = 0;
        organization.loadIfAbsent();
        demoDeclarations.loadIfAbsent();
        em.flush();
        for (String project : List.of(cn.perf.domain.demo.DemoDeclarations.CHENGGUAN_PROJECT,
                cn.perf.domain.demo.DemoDeclarations.ZHUJIAN_PROJECT, cn.perf.domain.demo.DemoDeclarations.JINING_PROJECT)) {
            Long declarationId = jdbc.queryForObject("select id from declaration where project_name = ?", Long.class,
                    project);
            cn.perf.domain.declaration.Declaration d = declarationRepository.findById(declarationId).orElseThrow();
            if (d.status() == cn.perf.domain.declaration.DeclarationStatus.SUBMITTED) {
                d.approveByDepartment();
            }
            if (d.status() == cn.perf.domain.declaration.DeclarationStatus.DEPARTMENT_APPROVED) {
                d.grade(FinanceGrade.EXCELLENT, null);
            }
            em.flush();
            Scope seedFiler = new Scope("seed-filer", Set.of(d.unitId()), null, Set.of(d.unitId()));
            Long id = filing.start(seedFiler, declarationId);
            em.flush();
            em.clear();
            SelfEvaluation e = evaluations.findById(id).orElseThrow();
            List<RowEntry> rows = new ArrayList<>();
            for (EvaluationIndicator i : e.indicators()) {
                boolean qualitative = i.target().isQualitative();
                String actual = qualitative ? (e.layout() == cn.perf.domain.evaluation.EvaluationLayout.SUZHOU_2017
                        ? "好" : "达成预期指标") : i.target().originalText().replaceAll("[=≥≤<>＝＜＞]", "");
                BigDecimal chosen = qualitative && e.layout() != cn.perf.domain.evaluation.EvaluationLayout.SUZHOU_2017
                        ? i.weight() : null;
                rows.add(new RowEntry(i.position(), actual, chosen, "说明"));
            }
            filing.save(seedFiler, new RecordEvaluation(id, e.version(), null, null,
                    e.subProjects().stream().map(x -> x.actualAmount().wan()).toList(), null, null, rows, null, null));
            em.flush();
            em.clear();

            SelfEvaluation stored = evaluations.findById(id).orElseThrow();
            ScoreBoard board = filing.page(viewer(seedFiler, Role.FILER), id).board();
            assertThat(stored.computedTotal()).as(project).isNotNull().isEqualByComparingTo(board.total());
            assertThat(stored.computedGrade()).as(project).isEqualTo(board.grade());
            assertThat(stored.findings()).as(project).extracting(f -> f.toLine().code())
                    .containsExactlyInAnyOrderElementsOf(board.findings().stream()
                            .map(cn.perf.domain.evaluation.ScoringOutcome.FindingLine::code).toList());
            assertThat(board.rows()).as(project).allSatisfy(r -> assertThat(r.finalScore()).isNotNull());
            // the list's 问题 column counts the same findings (one-unit scope and counts by array parameter)
            assertThat(filing.search(seedFiler, EvaluationSearch.all()).rows())
                    .filteredOn(r -> r.id().equals(id)).singleElement()
                    .satisfies(r -> assertThat(r.findings()).as(project).isEqualTo(stored.findings().size()));
            listedFindings += stored.findings().size();
        }
        assertThat(listedFindings).as("findings counted in the list, the three seeds together").isPositive();
    }

    @Test
    void seed002sStoredTotalIsTheEnginesAndItsFiledScoresStandBesideTheComputedOnes() {
        organization.loadIfAbsent();
        demo.loadIfAbsent();
        em.flush();
        Long id = jdbc.queryForObject("select id from self_evaluation where origin = 'IMPORTED'", Long.class);
        SelfEvaluation stored = evaluations.findById(id).orElseThrow();
        BudgetUnit seedUnit = units.findById(stored.unitId()).orElseThrow();
        Viewer finance = viewer(new Scope("finance", Set.of(), seedUnit.region(), Set.of()), Role.FINANCE_REVIEWER);

        ScoreBoard board = filing.page(finance, id).board();

        assertThat(board.total()).isEqualByComparingTo("77.90");
        assertThat(board.recordedTotal()).isEqualByComparingTo("80");
        ScoreBoard.Row budget = board.rows().stream().filter(r -> r.name().equals("预算执行率")).findFirst()
                .orElseThrow();
        assertThat(budget.recordedScore()).isEqualByComparingTo("6");
        assertThat(budget.finalScore()).isEqualByComparingTo("3.90");
        assertThat(budget.recordedDiffers()).isTrue();
        assertThat(board.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("RECORDED_SCORE_MISMATCH");
            assertThat(f.rowPosition()).isEqualTo(budget.position());
        });
        if (stored.computedTotal() != null) {
            assertThat(stored.computedTotal()).isEqualByComparingTo(board.total());
        }
    }
}
