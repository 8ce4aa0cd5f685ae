package cn.perf.persistence.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.account.PasswordHasher;
import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.DeclarationService;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.NationalHeader;
import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.demo.DemoSelfEvaluation2020;
import cn.perf.domain.evaluation.CategoryLine;
import cn.perf.domain.evaluation.DeclarationCarryOver;
import cn.perf.domain.evaluation.EvaluationIndicator;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.IndicatorLine;
import cn.perf.domain.evaluation.NationalFundKind;
import cn.perf.domain.evaluation.NationalFundLine;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.domain.evaluation.SelfEvaluationDetail;
import cn.perf.domain.evaluation.ScoringRegimeCatalog;
import cn.perf.domain.evaluation.SelfEvaluationScoring;
import cn.perf.domain.evaluation.SelfEvaluationService;
import cn.perf.domain.evaluation.SelfEvaluations;
import cn.perf.domain.evaluation.WorkflowException;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.project.Project;
import cn.perf.domain.project.Projects;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.IndicatorValue;
import cn.perf.domain.shared.Money;
import cn.perf.scoring.sheet.RowStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** Scoring self-evaluations on PostgreSQL: the seed-002 demo as loaded, re-scoring, the 已确认 guard, a national form. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({DemoOrganization.class, DemoSelfEvaluation2020.class, DeclarationService.class, cn.perf.persistence.declaration.RecordedEvents.class, SelfEvaluationService.class,
        SelfEvaluationScoring.class, ScoringRegimeCatalog.class, JpaSelfEvaluationQueries.class, SelfEvaluationScoringTest.Hasher.class})
class SelfEvaluationScoringTest {

    @TestConfiguration
    static class Hasher {
        @Bean
        PasswordHasher passwordHasher() {
            return raw -> "{noop}" + raw;
        }
    }

    private static final Instant T = Instant.parse("2021-03-01T02:00:00Z");
    private static final String BUDGET_TRACE = "实际 ÷ 目标 = 93 ÷ 100，完成率 93.0%，低于目标 7.0 个百分点，扣减权重 35%：6 × 65% = 3.90";

    @Autowired
    DemoOrganization organization;
    @Autowired
    DemoSelfEvaluation2020 demo;
    @Autowired
    SelfEvaluationScoring scoring;
    @Autowired
    SelfEvaluationService service;
    @Autowired
    SelfEvaluations evaluations;
    @Autowired
    JpaSelfEvaluationQueries queries;
    @Autowired
    Declarations declarations;
    @Autowired
    Projects projects;
    @Autowired
    BudgetUnits units;
    @Autowired
    EntityManager em;
    @Autowired
    JdbcTemplate jdbc;

    private Long loadSeed002() {
        organization.loadIfAbsent();
        demo.loadIfAbsent();
        em.flush();
        em.clear();
        return jdbc.queryForObject("select id from self_evaluation where project_name = '电子政务项目建设资金'", Long.class);
    }

    private SelfEvaluation reload(Long id) {
        em.flush();
        em.clear();
        return evaluations.findById(id).orElseThrow();
    }

    private List<String> storedFindings(Long id) {
        return jdbc.queryForList("select severity || '|' || code || '|' || coalesce(row_position::text, '-') "
                + "from self_evaluation_finding where self_evaluation_id = ? order by position", String.class, id);
    }

    @Test
    void theSeed002DemoIsScoredOnLoadWithItsTraces() {
        SelfEvaluation e = reload(loadSeed002());

        assertThat(e.computedTotal()).isEqualByComparingTo("77.90");
        assertThat(e.computedTotal().scale()).isEqualTo(2);
        assertThat(e.recordedTotal()).isEqualByComparingTo("80");
        assertThat(e.scoringRegime()).isEqualTo("SUZHOU_2017");
        assertThat(e.scoringRegimeReason()).startsWith("按申报表指标体系 SUZHOU_2017 的评分规则");
        assertThat(e.computedGrade()).isEqualTo("优");
        assertThat(e.scoredAt()).isNotNull();

        EvaluationIndicator budget = e.indicators().get(4);
        assertThat(budget.name()).isEqualTo("预算执行率");
        assertThat(budget.recordedScore()).isEqualByComparingTo("6");
        assertThat(budget.computedScore()).isEqualByComparingTo("3.90");
        assertThat(budget.scoreStatus()).isEqualTo(RowStatus.SCORED);
        assertThat(budget.traceRule()).isEqualTo("BAND_SHORT");
        assertThat(budget.traceText()).contains(BUDGET_TRACE).contains("投入类除指标解释中有特别说明的以外，评分规则同产出类");
        assertThat(jdbc.queryForObject("select trace_text from self_evaluation_indicator where self_evaluation_id = ? "
                + "and position = 5", String.class, e.id())).contains(BUDGET_TRACE);

        assertThat(e.indicators()).allSatisfy(i -> {
            assertThat(i.scoreStatus()).isEqualTo(RowStatus.SCORED);
            assertThat(i.traceText()).isNotBlank();
            assertThat(i.computedScore().scale()).isEqualTo(2);
        });
        assertThat(e.indicators()).filteredOn(i -> i.computedScore().compareTo(i.recordedScore()) != 0)
                .extracting(EvaluationIndicator::name).containsExactly("预算执行率");
        assertThat(e.indicators().get(34).traceText()).as("影响力 rows say the rule text does not name them")
                .contains("填表说明未列明影响力类评分规则");
    }

    @Test
    void theSeed002FindingsAreStoredWithSeverityCodeMessageAndRow() {
        SelfEvaluation e = reload(loadSeed002());

        assertThat(storedFindings(e.id())).containsExactly(
                "WARNING|DEVIATION_REASON_MISSING|5",
                "ERROR|RECORDED_SCORE_MISMATCH|5",
                // seed 002's bare-number targets (=8, =10, =6, =40, =2, ≥10, ≥30) carry no unit
                "WARNING|TARGET_UNIT_MISSING|21",
                "WARNING|TARGET_UNIT_MISSING|22",
                "WARNING|TARGET_UNIT_MISSING|23",
                "WARNING|TARGET_UNIT_MISSING|24",
                "WARNING|TARGET_UNIT_MISSING|25",
                "WARNING|OVER_ACHIEVEMENT_UNEXPLAINED|27",
                "WARNING|OVER_ACHIEVEMENT_UNEXPLAINED|28",
                "WARNING|OVER_ACHIEVEMENT_UNEXPLAINED|29",
                "WARNING|TARGET_UNIT_MISSING|33",
                "WARNING|OVER_ACHIEVEMENT_UNEXPLAINED|33",
                "WARNING|TARGET_UNIT_MISSING|34",
                "ERROR|RECORDED_TOTAL_MISMATCH|-",
                "ERROR|FUNDS_CARRYOVER_SPLIT|-");
        assertThat(e.findings()).filteredOn(f -> f.code().equals("RECORDED_SCORE_MISMATCH")).singleElement()
                .satisfies(f -> {
                    assertThat(f.location()).isEqualTo("第5行 预算执行率");
                    assertThat(f.message()).startsWith("填报自评分 6，按规则计算为 3.90，相差 2.10").contains(BUDGET_TRACE);
                });
        assertThat(e.findings()).filteredOn(f -> f.code().equals("RECORDED_TOTAL_MISMATCH")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("填报合计 80，按规则计算为 77.90，相差 2.10"));
        assertThat(e.findings()).filteredOn(f -> f.code().equals("FUNDS_CARRYOVER_SPLIT")).singleElement()
                .satisfies(f -> {
                    assertThat(f.location()).isEqualTo("市级财政资金使用情况");
                    assertThat(f.message()).contains("资金结余、结转数 260.00 应等于 结转数 0.00 + 财政收回数 0.00 = 0.00，相差 260.00");
                });
    }

    @Test
    void theDetailPageReadsTheStoredTracesAndFindingsWithoutReScoring() {
        Long id = loadSeed002();

        SelfEvaluationDetail detail = queries.detail(id).orElseThrow();

        assertThat(detail.computedTotal()).isEqualByComparingTo("77.90");
        assertThat(detail.indicators().get(4).traceText()).contains(BUDGET_TRACE);
        assertThat(detail.indicators().get(4).scoreStatus()).isEqualTo("已评分");
        assertThat(detail.scoring().scored()).isTrue();
        assertThat(detail.scoring().regimeId()).isEqualTo("SUZHOU_2017");
        assertThat(detail.scoring().grade()).isEqualTo("优");
        assertThat(detail.scoring().findings()).hasSize(15).first().hasToString(
                "[警告][DEVIATION_REASON_MISSING] 第5行 预算执行率：未达目标（得分 3.90 < 权重 6），未填偏差原因分析及改进措施");
    }

    @Test
    void loadingTwiceChangesNothing() {
        Long id = loadSeed002();
        SelfEvaluation first = evaluations.findById(id).orElseThrow();
        long version = first.version();
        Instant scoredAt = first.scoredAt();
        List<Long> findingIds = jdbc.queryForList("select id from self_evaluation_finding order by id", Long.class);
        em.clear();

        demo.loadIfAbsent();
        SelfEvaluation again = reload(id);

        assertThat(again.version()).isEqualTo(version);
        assertThat(again.scoredAt()).isEqualTo(scoredAt);
        assertThat(jdbc.queryForList("select id from self_evaluation_finding order by id", Long.class))
                .isEqualTo(findingIds);
        assertThat(jdbc.queryForObject("select count(*) from self_evaluation", Long.class)).isEqualTo(1);
    }

    @Test
    void aDemoLoadedBeforeScoringExistedIsScoredOnceByTheNextLoad() {
        Long id = loadSeed002();
        jdbc.update("delete from self_evaluation_finding where self_evaluation_id = ?", id);
        jdbc.update("update self_evaluation_indicator set computed_score = null, score_status = null, trace_rule = null,"
                + " trace_text = null where self_evaluation_id = ?", id);
        jdbc.update("update self_evaluation set computed_total = null, scoring_regime = null, scoring_regime_reason = "
                + "null, scored_at = null, computed_grade = null where id = ?", id);

        demo.loadIfAbsent();
        SelfEvaluation e = reload(id);

        assertThat(e.computedTotal()).isEqualByComparingTo("77.90");
        assertThat(e.indicators().get(4).traceText()).contains(BUDGET_TRACE);
        assertThat(storedFindings(id)).hasSize(15); // 8 + seed 002's seven TARGET_UNIT_MISSING
    }

    @Test
    void aReviewersAdjustmentIsScoredWithItsReasonAndAStaleVersionIsRefused() {
        Long id = loadSeed002();
        SelfEvaluation e = evaluations.findById(id).orElseThrow();
        service.startReview(id, e.version(), "财政局审核人");
        service.adjustScore(id, e.version(), 5, new BigDecimal("5.00"), "年末集中支付已到账，适度调整", "财政局审核人", T);
        SelfEvaluation reviewed = reload(id);

        assertThatThrownBy(() -> scoring.score(id, reviewed.version() - 1)).isInstanceOf(OptimisticLockException.class)
                .hasMessageContaining("自评表已被他人修改");
        scoring.score(id, reviewed.version());
        SelfEvaluation rescored = reload(id);

        EvaluationIndicator budget = rescored.indicators().get(4);
        assertThat(budget.computedScore()).as("the rules' score stays").isEqualByComparingTo("3.90");
        assertThat(budget.adjustedScore()).isEqualByComparingTo("5.00");
        assertThat(budget.scoreStatus()).isEqualTo(RowStatus.ADJUSTED_BY_REVIEWER);
        assertThat(budget.traceText()).contains("3.90 → 5.00").contains("年末集中支付已到账，适度调整");
        assertThat(rescored.computedTotal()).isEqualByComparingTo("79.00");
        assertThat(storedFindings(id)).contains("INFO|REVIEWER_ADJUSTMENT|5");
    }

    @Test
    void aConfirmedSelfEvaluationRefusesToBeScoredAgain() {
        Long id = loadSeed002();
        SelfEvaluation e = evaluations.findById(id).orElseThrow();
        e.startReview("财政局审核人");
        e.confirm("财政局审核人", T);
        SelfEvaluation confirmed = reload(id);
        List<String> before = storedFindings(id);

        assertThatThrownBy(() -> scoring.score(id, confirmed.version())).isInstanceOf(WorkflowException.class)
                .hasMessage("已确认的自评表不能重新评分");
        SelfEvaluation after = reload(id);
        assertThat(after.computedTotal()).isEqualByComparingTo("77.90");
        assertThat(after.scoredAt()).isEqualTo(confirmed.scoredAt());
        assertThat(storedFindings(id)).isEqualTo(before);
    }

    @Test
    void aNationalFormIsScoredByNational2020ProportionallyAndWithTheBudgetExecutionScore() {
        BudgetUnit bureau = units.save(BudgetUnit.financeBureau("评分测试财政局", "测试市"));
        BudgetUnit unit = units.save(BudgetUnit.department("990201", "评分测试单位", bureau.id(), "测试市"));
        Project p = projects.save(Project.open(unit.id(), "全国样式评分项目", null, null, FiscalYear.of(2020)));
        Declaration d = declarations.save(Declaration.newNational(unit.id(), p.id(), FiscalYear.of(2020),
                new NationalHeader("全国样式评分项目", NationalHeader.CONTINUING_PROJECT, bureau.name(), null,
                        unit.name(), null, null, null, null), "NATIONAL_2020"));
        SelfEvaluation e = SelfEvaluation.fromDeclaration(new DeclarationCarryOver(d.id(),
                EvaluationLayout.NATIONAL_2020, unit.id(), bureau.id(), "全国样式评分项目", FiscalYear.of(2020), null,
                "长期目标", "年度目标",
                List.of(new CategoryLine("产出指标", new BigDecimal("50")), new CategoryLine("效益指标", new BigDecimal("30")),
                        new CategoryLine("满意度指标", new BigDecimal("10"))),
                List.of(new IndicatorLine("产出指标", "数量指标", "执法车辆购置数", IndicatorValue.of("≥6个"),
                                new BigDecimal("50"), null),
                        new IndicatorLine("效益指标", "社会效益指标", "案件结案率", IndicatorValue.of("≥90%"),
                                new BigDecimal("30"), null),
                        new IndicatorLine("满意度指标", "服务对象满意度指标", "群众满意度", IndicatorValue.of("≥85%"),
                                new BigDecimal("10"), null)),
                List.of()));
        e.recordNationalFunds(List.of(
                new NationalFundLine(NationalFundKind.TOTAL, wan("300"), wan("320"), wan("310.5")),
                new NationalFundLine(NationalFundKind.CURRENT_APPROPRIATION, wan("300"), wan("300"), wan("290.5")),
                new NationalFundLine(NationalFundKind.PRIOR_CARRYOVER, wan("0"), wan("20"), wan("20")),
                NationalFundLine.zero(NationalFundKind.OTHER)));
        e.recordBudgetExecutionScore(new BigDecimal("10"));
        e.recordResult(1, IndicatorValue.of("=5个"), new BigDecimal("50"), "一辆车辆延期交付");
        e.recordResult(2, IndicatorValue.of("=95%"), new BigDecimal("30"), null);
        e.recordResult(3, IndicatorValue.of("=80%"), new BigDecimal("10"), "宣传不足");
        Long id = evaluations.save(e).id();
        SelfEvaluation saved = reload(id);

        scoring.score(id, saved.version());
        SelfEvaluation s = reload(id);

        assertThat(s.scoringRegime()).isEqualTo("NATIONAL_2020");
        Map<String, BigDecimal> scores = Map.of("执法车辆购置数", new BigDecimal("41.67"),   // 50 × 5/6
                "案件结案率", new BigDecimal("30.00"), "群众满意度", new BigDecimal("9.41"));  // 10 × 80/85
        assertThat(s.indicators()).allSatisfy(i -> assertThat(i.computedScore())
                .isEqualByComparingTo(scores.get(i.name())));
        assertThat(s.indicators().get(0).traceRule()).isEqualTo("PROPORTIONAL_SHORT");
        assertThat(s.indicators().get(0).traceText()).contains("41.67");
        assertThat(s.budgetExecutionComputedScore()).isEqualByComparingTo("9.70");   // min(10, 10 × 310.5/320)
        assertThat(s.budgetExecutionTraceText()).contains("全年执行数 310.50 ÷ 全年预算数 320.00")
                .contains("min(10, 10 × 310.50 ÷ 320.00) = 9.70");
        assertThat(s.computedTotal()).isEqualByComparingTo("90.78");
        assertThat(storedFindings(id)).contains("ERROR|RECORDED_SCORE_MISMATCH|1", "ERROR|RECORDED_SCORE_MISMATCH|3",
                "ERROR|RECORDED_SCORE_MISMATCH|-",    // the filed 预算执行率 得分 10 against 9.70
                "INFO|DECLARATION_NOT_COMPARED|-");   // its declaration here is a draft, not an approved one
        assertThat(s.findings()).filteredOn(f -> f.location().equals("预算执行率")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("填报自评分 10，按规则计算为 9.70，相差 0.30"));
        assertThat(s.findings()).noneMatch(f -> f.code().equals("TOTAL_POINTS_MISMATCH"))
                .noneMatch(f -> f.code().equals("CATEGORY_UNKNOWN"));
    }

    private static Money wan(String s) {
        return Money.ofWan(s);
    }
}
