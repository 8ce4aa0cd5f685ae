package cn.perf.persistence.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.NationalHeader;
import cn.perf.domain.declaration.SuzhouHeader;
import cn.perf.domain.evaluation.CategoryLine;
import cn.perf.domain.evaluation.CityBudgetExecution;
import cn.perf.domain.evaluation.CityFundsUse;
import cn.perf.domain.evaluation.DeclarationCarryOver;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.ImplementationReport;
import cn.perf.domain.evaluation.IndicatorLine;
import cn.perf.domain.evaluation.NationalFundKind;
import cn.perf.domain.evaluation.NationalFundLine;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.domain.evaluation.SelfEvaluationDetail;
import cn.perf.domain.evaluation.SelfEvaluationFilter;
import cn.perf.domain.evaluation.SelfEvaluationSummary;
import cn.perf.domain.evaluation.SelfEvaluations;
import cn.perf.domain.evaluation.SignOff;
import cn.perf.domain.evaluation.SubProjectLine;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.project.Project;
import cn.perf.domain.project.Projects;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.IndicatorValue;
import cn.perf.domain.shared.Money;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

@DataJpaTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(JpaSelfEvaluationQueries.class)
class SelfEvaluationPersistenceTest {

    private static final Instant T = Instant.parse("2021-03-01T02:00:00Z");

    @Autowired
    BudgetUnits units;
    @Autowired
    Projects projects;
    @Autowired
    Declarations declarations;
    @Autowired
    SelfEvaluations evaluations;
    @Autowired
    JpaSelfEvaluationQueries queries;
    @Autowired
    EntityManager em;
    @Autowired
    JdbcTemplate jdbc;

    BudgetUnit bureau;
    BudgetUnit unit;

    @BeforeEach
    void units() {
        bureau = units.save(BudgetUnit.financeBureau("自评测试财政局", "测试市"));
        unit = units.save(BudgetUnit.department("990101", "自评测试单位", bureau.id(), "测试市"));
    }

    private Long suzhouDeclaration(String projectName) {
        Project p = projects.save(Project.open(unit.id(), projectName, "信息化工程及维护类", null, FiscalYear.of(2020)));
        return declarations.save(Declaration.newSuzhou(unit.id(), p.id(), FiscalYear.of(2020),
                new SuzhouHeader(projectName, "信息化工程及维护类", null, null, null, null, null, null), List.of())).id();
    }

    private Long nationalDeclaration(String projectName) {
        Project p = projects.save(Project.open(unit.id(), projectName, null, null, FiscalYear.of(2020)));
        return declarations.save(Declaration.newNational(unit.id(), p.id(), FiscalYear.of(2020),
                new NationalHeader(projectName, NationalHeader.CONTINUING_PROJECT, bureau.name(), null, unit.name(), null, null,
                        null, null),
                "NATIONAL_2020")).id();
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static Money wan(String s) {
        return Money.ofWan(s);
    }

    private SelfEvaluation submittedSuzhou(Long declarationId, int extraRows) {
        return submittedSuzhou(declarationId, extraRows, "电子政务测试项目");
    }

    private SelfEvaluation submittedSuzhou(Long declarationId, int extraRows, String projectName) {
        List<IndicatorLine> rows = new ArrayList<>(List.of(
                IndicatorLine.suzhou("投入", "预算执行率", "=100%", "6"),
                IndicatorLine.suzhou("产出", "圈存机布点数", "=805个", "2.18"),
                IndicatorLine.suzhou("结果", "APP下载数", "≥500000 个", "2.44")));
        for (int i = 0; i < extraRows; i++) {
            rows.add(IndicatorLine.suzhou("影响力", "影响力指标" + i, "提升", "0.01"));
        }
        SelfEvaluation e = SelfEvaluation.fromDeclaration(new DeclarationCarryOver(declarationId,
                EvaluationLayout.SUZHOU_2017, unit.id(), null, projectName, FiscalYear.of(2020), "概况",
                "总目标", "年度目标",
                List.of(new CategoryLine("投入", d("26")), new CategoryLine("产出", d("24")),
                        new CategoryLine("结果", d("22")), new CategoryLine("影响力", d("8"))),
                rows, List.of(new SubProjectLine("监理服务", wan("153")), new SubProjectLine("2019年项目尾款", wan("402")))));
        e.recordCityBudgetExecution(CityBudgetExecution.derived(wan("555"), wan("0"), wan("555")));
        e.recordCityFundsUse(CityFundsUse.of(wan("555"), wan("500.123456"), wan("54.876544"), wan("50"),
                wan("4.876544")));
        e.recordResult(1, IndicatorValue.of("=93%"), d("6"), null);
        e.recordResult(2, IndicatorValue.of("=1000个"), d("2.18"), null);
        e.recordResult(3, IndicatorValue.of("=2690000 个"), d("2.44"), null);
        for (int i = 0; i < extraRows; i++) {
            e.recordResult(4 + i, IndicatorValue.of("提升"), d("0.01"), null);
        }
        e.describe(ImplementationReport.suzhou("<p>实施情况</p>", "成效", "问题", "建议"));
        e.signOff(SignOff.of("填报人甲", "负责人乙", LocalDate.of(2021, 2, 28)));
        e.submit(T);
        return e;
    }

    @Test
    void aSuzhouSelfEvaluationRoundTripsWithEveryBlock() {
        Long declarationId = suzhouDeclaration("电子政务测试项目");
        Long id = evaluations.save(submittedSuzhou(declarationId, 0)).id();
        em.flush();
        em.clear();

        SelfEvaluation e = evaluations.findById(id).orElseThrow();
        assertThat(e.declarationId()).isEqualTo(declarationId);
        assertThat(e.layout()).isEqualTo(EvaluationLayout.SUZHOU_2017);
        assertThat(e.status()).isEqualTo(EvaluationStatus.SUBMITTED);
        assertThat(e.year()).isEqualTo(FiscalYear.of(2020));
        assertThat(e.cityBudgetExecution().orElseThrow().indicatorBalance()).isEqualTo(Money.ZERO);
        CityFundsUse use = e.cityFundsUse().orElseThrow();
        assertThat(use.actualPaid().wan()).isEqualByComparingTo("500.123456");
        assertThat(use.recovered().wan()).isEqualByComparingTo("4.876544");
        assertThat(e.subProjects()).extracting(s -> s.position() + s.name() + s.actualAmount().display())
                .containsExactly("1监理服务153.00", "22019年项目尾款402.00");
        assertThat(e.subProjectTotal()).isEqualTo(wan("555"));
        assertThat(e.categories()).extracting(c -> c.name() + c.points()).containsExactly("投入26.00", "产出24.00",
                "结果22.00", "影响力8.00");
        assertThat(e.indicators()).extracting(i -> i.position() + "|" + i.name() + "|" + i.target().originalText()
                        + "|" + i.weight() + "|" + i.actual().originalText() + "|" + i.recordedScore())
                .containsExactly("1|预算执行率|=100%|6.00|=93%|6.00", "2|圈存机布点数|=805个|2.18|=1000个|2.18",
                        "3|APP下载数|≥500000 个|2.44|=2690000 个|2.44");
        assertThat(e.indicators().get(2).target().number()).isEqualByComparingTo("500000");
        assertThat(e.indicators().get(2).actual().unit()).isEqualTo("个");
        assertThat(e.indicators()).allSatisfy(i -> assertThat(i.computedScore()).isNull());
        assertThat(e.recordedTotal()).isEqualByComparingTo("10.62");
        assertThat(e.computedTotal()).isNull();
        assertThat(e.report().implementation()).isEqualTo("<p>实施情况</p>");
        assertThat(e.report().suggestions()).isEqualTo("建议");
        assertThat(e.overview()).isEqualTo("概况");
        assertThat(e.signOff().filer()).isEqualTo("填报人甲");
        assertThat(e.signOff().filingDate()).isEqualTo(LocalDate.of(2021, 2, 28));
        assertThat(e.submittedAt()).isEqualTo(T);
        assertThat(jdbc.queryForObject("select use_actual_paid::text from self_evaluation where id = ?", String.class,
                id)).isEqualTo("500.123456");
    }

    @Test
    void aNationalSelfEvaluationRoundTrips() {
        Long declarationId = nationalDeclaration("全国样式测试项目");
        SelfEvaluation e = SelfEvaluation.fromDeclaration(new DeclarationCarryOver(declarationId,
                EvaluationLayout.NATIONAL_2020, unit.id(), bureau.id(), "全国样式测试项目", FiscalYear.of(2020), null,
                "长期目标", "年度目标：完成执法车辆购置",
                List.of(new CategoryLine("产出指标", d("50")), new CategoryLine("效益指标", d("30")),
                        new CategoryLine("满意度指标", d("10"))),
                List.of(new IndicatorLine("产出指标", "数量指标", "执法车辆购置数", IndicatorValue.of("=6个"), d("50"), null),
                        new IndicatorLine("效益指标", "社会效益指标", "提供就业机会", IndicatorValue.of("提供78个就业机会"),
                                d("30"), "指标解释"),
                        new IndicatorLine("满意度指标", "服务对象满意度指标", "群众满意度", IndicatorValue.of("≥85%"), d("10"),
                                null)),
                List.of()));
        e.recordNationalFunds(List.of(
                new NationalFundLine(NationalFundKind.TOTAL, wan("300"), wan("320"), wan("310.5")),
                new NationalFundLine(NationalFundKind.CURRENT_APPROPRIATION, wan("300"), wan("300"), wan("290.5")),
                new NationalFundLine(NationalFundKind.PRIOR_CARRYOVER, wan("0"), wan("20"), wan("20")),
                NationalFundLine.zero(NationalFundKind.OTHER)));
        e.recordBudgetExecutionScore(d("9.70"));
        e.recordResult(1, IndicatorValue.of("=6个"), d("50"), null);
        e.recordResult(2, IndicatorValue.of("提供80个就业机会"), d("30"), null);
        e.recordResult(3, IndicatorValue.of("=82%"), d("9.65"), "宣传不足；下年度加强政策公开");
        e.describe(ImplementationReport.national("完成 6 台执法车辆购置"));
        e.submit(T);
        Long id = evaluations.save(e).id();
        em.flush();
        em.clear();

        SelfEvaluation loaded = evaluations.findById(id).orElseThrow();
        assertThat(loaded.layout()).isEqualTo(EvaluationLayout.NATIONAL_2020);
        assertThat(loaded.departmentId()).isEqualTo(bureau.id());
        assertThat(loaded.cityFundsUse()).isEmpty();
        assertThat(loaded.nationalFunds()).extracting(r -> r.kind() + ":" + r.annualBudget().display() + "/"
                + r.executed().display()).containsExactly("TOTAL:320.00/310.50", "CURRENT_APPROPRIATION:300.00/290.50",
                "PRIOR_CARRYOVER:20.00/20.00", "OTHER:0.00/0.00");
        assertThat(loaded.budgetExecutionRatePercent()).isEqualByComparingTo("97.03");
        assertThat(loaded.budgetExecutionPoints()).isEqualByComparingTo("10");
        assertThat(loaded.budgetExecutionRecordedScore()).isEqualByComparingTo("9.70");
        assertThat(loaded.indicators()).extracting(i -> i.category() + "/" + i.subCategory() + "/" + i.name())
                .containsExactly("产出指标/数量指标/执法车辆购置数", "效益指标/社会效益指标/提供就业机会", "满意度指标/服务对象满意度指标/群众满意度");
        assertThat(loaded.indicators().get(1).explanation()).isEqualTo("指标解释");
        assertThat(loaded.indicators().get(2).deviationReason()).isEqualTo("宣传不足；下年度加强政策公开");
        assertThat(loaded.report().goalAchievement()).isEqualTo("完成 6 台执法车辆购置");
        assertThat(loaded.annualGoal()).isEqualTo("年度目标：完成执法车辆购置");
        assertThat(loaded.recordedTotal()).isEqualByComparingTo("99.35");
        assertThat(loaded.totalPoints()).isEqualByComparingTo("100");
        assertThat(loaded.subProjectTotal()).isNull();
    }

    @Test
    void aStaleCopyCannotOverwriteANewerReview() {
        Long id = evaluations.save(submittedSuzhou(suzhouDeclaration("乐观锁测试项目"), 0)).id();
        em.flush();
        em.clear();

        SelfEvaluation stale = evaluations.findById(id).orElseThrow();
        em.detach(stale);
        SelfEvaluation fresh = evaluations.findById(id).orElseThrow();
        fresh.startReview("财政局审核人");
        em.flush();
        em.clear();

        stale.returnForRevision("过期页面上的退回");
        assertThatThrownBy(() -> {
            em.merge(stale);
            em.flush();
        }).isInstanceOf(OptimisticLockException.class);
    }

    @Test
    void aDeclarationHasAtMostOneSelfEvaluation() {
        Long declarationId = suzhouDeclaration("唯一性测试项目");
        evaluations.save(submittedSuzhou(declarationId, 0));
        em.flush();

        assertThatThrownBy(() -> {
            evaluations.save(submittedSuzhou(declarationId, 0));
            em.flush();
        }).hasMessageContaining("uq_self_evaluation_declaration");
    }

    @Test
    void aSelfEvaluationMustReferToAnExistingDeclaration() {
        assertThatThrownBy(() -> {
            evaluations.save(submittedSuzhou(Long.MAX_VALUE, 0));
            em.flush();
        }).hasMessageContaining("fk_self_evaluation_declaration");
    }

    @Test
    void replacedSubProjectsAreRemovedAndRenumbered() {
        Long declarationId = suzhouDeclaration("子项目替换测试项目");
        SelfEvaluation e = SelfEvaluation.fromDeclaration(new DeclarationCarryOver(declarationId,
                EvaluationLayout.SUZHOU_2017, unit.id(), null, "子项目替换测试项目", FiscalYear.of(2020), null, null, null,
                List.of(new CategoryLine("产出", d("24"))), List.of(IndicatorLine.suzhou("产出", "项目验收通过率", "=100%", "24")),
                List.of(new SubProjectLine("甲", wan("1")), new SubProjectLine("乙", wan("2")))));
        Long id = evaluations.save(e).id();
        em.flush();
        em.clear();

        SelfEvaluation loaded = evaluations.findById(id).orElseThrow();
        loaded.replaceSubProjects(List.of(new SubProjectLine("乙", wan("2")), new SubProjectLine("丙", wan("3")),
                new SubProjectLine("丁", wan("4"))));
        em.flush();
        em.clear();

        assertThat(evaluations.findById(id).orElseThrow().subProjects())
                .extracting(s -> s.position() + s.name()).containsExactly("1乙", "2丙", "3丁");
        assertThat(jdbc.queryForObject("select count(*) from self_evaluation_sub_project where self_evaluation_id = ?",
                Integer.class, id)).isEqualTo(3);
        assertThat(evaluations.findById(id).orElseThrow().subProjectTotal()).isEqualTo(wan("9"));
    }

    @Test
    void reviewerAdjustmentsAndComputedScoresAreStored() {
        Long id = evaluations.save(submittedSuzhou(suzhouDeclaration("审核调整测试项目"), 0)).id();
        em.flush();
        em.clear();

        SelfEvaluation e = evaluations.findById(id).orElseThrow();
        e.storeComputedScores(Map.of(1, d("3.90"), 2, d("2.18"), 3, d("2.44")), null);
        e.startReview("财政局审核人");
        e.adjustScore(1, d("4.20"), "执行率偏低系资金拨付较晚所致，酌情加分", "财政局审核人", T);
        em.flush();
        em.clear();

        SelfEvaluation loaded = evaluations.findById(id).orElseThrow();
        assertThat(loaded.status()).isEqualTo(EvaluationStatus.UNDER_REVIEW);
        assertThat(loaded.indicators().get(0).computedScore()).isEqualByComparingTo("3.90");
        assertThat(loaded.indicators().get(0).adjustedScore()).isEqualByComparingTo("4.20");
        assertThat(loaded.computedTotal()).isEqualByComparingTo("8.82");
        assertThat(loaded.adjustments()).singleElement().satisfies(a -> {
            assertThat(a.indicatorName()).isEqualTo("预算执行率");
            assertThat(a.previousScore()).isEqualByComparingTo("3.90");
            assertThat(a.reason()).isEqualTo("执行率偏低系资金拨付较晚所致，酌情加分");
            assertThat(a.adjustedAt()).isEqualTo(T);
        });
    }

    @Test
    void theListShowsUnitProjectYearStatusAndBothTotals() {
        Long first = evaluations.save(submittedSuzhou(suzhouDeclaration("列表测试项目A"), 0, "列表测试项目A")).id();
        SelfEvaluation draft = SelfEvaluation.fromDeclaration(new DeclarationCarryOver(suzhouDeclaration("列表测试项目B"),
                EvaluationLayout.SUZHOU_2017, unit.id(), null, "列表测试项目B", FiscalYear.of(2020), null, null, null,
                List.of(new CategoryLine("产出", d("24"))), List.of(IndicatorLine.suzhou("产出", "验收", "=100%", "24")),
                List.of()));
        evaluations.save(draft);
        em.flush();
        em.clear();

        SelfEvaluationFilter mine = new SelfEvaluationFilter(List.of(unit.id()), 2020, null, "列表测试");
        List<SelfEvaluationSummary> page = queries.list(mine, 0, 10);
        assertThat(page).extracting(s -> s.unitName() + "|" + s.projectName() + "|" + s.year() + "|" + s.status()
                + "|" + s.recordedTotal() + "|" + s.computedTotal()).containsExactly(
                "自评测试单位|列表测试项目A|2020|SUBMITTED|10.62|null", "自评测试单位|列表测试项目B|2020|DRAFT|null|null");
        assertThat(page.get(0).id()).isEqualTo(first);
        assertThat(queries.count(mine)).isEqualTo(2);
        assertThat(queries.list(new SelfEvaluationFilter(List.of(unit.id()), null, EvaluationStatus.DRAFT, null), 0,
                10)).extracting(SelfEvaluationSummary::projectName).containsExactly("列表测试项目B");
        assertThat(queries.list(mine, 1, 10)).hasSize(1);
        assertThat(queries.list(new SelfEvaluationFilter(List.of(), null, null, null), 0, 10)).isEmpty();
        assertThat(queries.count(new SelfEvaluationFilter(List.of(bureau.id()), null, null, null))).isZero();
    }

    @Test
    void theDetailIsLoadedInTheSameNumberOfStatementsWhateverTheNumberOfRows() {
        Long small = evaluations.save(submittedSuzhou(suzhouDeclaration("明细测试项目小"), 0)).id();
        Long large = evaluations.save(submittedSuzhou(suzhouDeclaration("明细测试项目大"), 40)).id();
        em.flush();
        em.clear();
        Statistics stats = em.getEntityManagerFactory().unwrap(SessionFactory.class).getStatistics();

        stats.clear();
        SelfEvaluationDetail smallDetail = queries.detail(small).orElseThrow();
        long smallStatements = stats.getPrepareStatementCount();
        em.clear();
        stats.clear();
        SelfEvaluationDetail largeDetail = queries.detail(large).orElseThrow();
        long largeStatements = stats.getPrepareStatementCount();

        assertThat(smallDetail.indicators()).hasSize(3);
        assertThat(largeDetail.indicators()).hasSize(43);
        assertThat(largeStatements).isEqualTo(smallStatements).isLessThanOrEqualTo(7);
        assertThat(largeDetail.unitName()).isEqualTo("自评测试单位");
        assertThat(largeDetail.subProjects()).hasSize(2);
        assertThat(largeDetail.cityFundsUse().balance()).isEqualTo(wan("54.876544"));
        assertThat(largeDetail.indicators().get(2).target()).isEqualTo("≥500000 个");
        assertThat(largeDetail.fundsFindings()).isEmpty();
        assertThat(queries.detail(Long.MAX_VALUE)).isEmpty();
    }
}
