package cn.perf.persistence.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.account.PasswordHasher;
import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.DeclarationService;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.FinanceGrade;
import cn.perf.domain.declaration.FundingSourceKind;
import cn.perf.domain.declaration.IndicatorDraft;
import cn.perf.domain.declaration.SuzhouHeader;
import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.demo.DemoSelfEvaluation2020;
import cn.perf.domain.evaluation.CategoryLine;
import cn.perf.domain.evaluation.DeclarationCarryOver;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.CityBudgetExecution;
import cn.perf.domain.evaluation.CityFundsUse;
import cn.perf.domain.evaluation.EvaluationIndicator;
import cn.perf.domain.evaluation.EvaluationOrigin;
import cn.perf.domain.evaluation.IndicatorLine;
import cn.perf.domain.evaluation.ScoringOutcome;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.domain.evaluation.SelfEvaluationService;
import cn.perf.domain.evaluation.ScoringRegimeCatalog;
import cn.perf.domain.evaluation.SelfEvaluationScoring;
import cn.perf.domain.evaluation.SelfEvaluations;
import cn.perf.domain.evaluation.WorkflowException;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.IndicatorValue;
import cn.perf.domain.shared.Money;
import cn.perf.domain.template.IndicatorFrameworks;
import java.time.Instant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.math.BigDecimal;
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

@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({DemoOrganization.class, DemoSelfEvaluation2020.class, DeclarationService.class, cn.perf.persistence.declaration.RecordedEvents.class, SelfEvaluationService.class,
        SelfEvaluationScoring.class, ScoringRegimeCatalog.class, SelfEvaluationServiceTest.Hasher.class})
class SelfEvaluationServiceTest {

    @TestConfiguration
    static class Hasher {
        @Bean
        PasswordHasher passwordHasher() {
            return raw -> "{noop}" + raw;
        }
    }

    @Autowired
    DemoOrganization organization;
    @Autowired
    DemoSelfEvaluation2020 demo;
    @Autowired
    DeclarationService declarationService;
    @Autowired
    SelfEvaluationService service;
    @Autowired
    SelfEvaluationScoring scoring;
    @Autowired
    SelfEvaluations evaluations;
    @Autowired
    BudgetUnits units;
    @Autowired
    Declarations declarations;
    @Autowired
    IndicatorFrameworks frameworks;
    @Autowired
    EntityManager em;
    @Autowired
    JdbcTemplate jdbc;

    private static List<String> rows(SelfEvaluation e) {
        return e.indicators().stream().map(i -> i.position() + "|" + i.category() + "|" + i.name() + "|"
                + i.target().originalText() + "|" + i.weight()).toList();
    }

    @Test
    void startingFromTheApprovedSeed002DeclarationReproducesThePrintedIndicatorTable() {
        organization.loadIfAbsent();
        demo.loadIfAbsent();
        em.flush();
        Long imported = jdbc.queryForObject("select id from self_evaluation", Long.class);
        SelfEvaluation printed = evaluations.findById(imported).orElseThrow();
        List<String> printedRows = rows(printed);
        Long declarationId = printed.declarationId();
        List<String> printedCategories = printed.categories().stream().map(c -> c.name() + c.points()).toList();
        em.clear();
        jdbc.update("delete from self_evaluation where id = ?", imported);

        SelfEvaluation started = service.startFromDeclaration(declarationId);
        em.flush();

        assertThat(started.status()).isEqualTo(EvaluationStatus.DRAFT);
        assertThat(started.origin()).isEqualTo(EvaluationOrigin.DECLARATION);
        assertThat(rows(started)).hasSize(38).isEqualTo(printedRows);
        assertThat(started.categories()).extracting(c -> c.name() + c.points())
                .containsExactlyElementsOf(printedCategories);
        assertThat(started.annualGoal()).isEqualTo(printed.annualGoal());
        assertThat(started.subProjects()).hasSize(13);
        assertThat(started.indicators()).allSatisfy(i -> assertThat(i.actual().isBlank()).isTrue());

        assertThatThrownBy(() -> service.startFromDeclaration(declarationId)).isInstanceOf(WorkflowException.class)
                .hasMessage("项目“电子政务项目建设资金”的 2020 年度自评表已存在");
    }

    private Long loadSeed002() {
        organization.loadIfAbsent();
        demo.loadIfAbsent();
        em.flush();
        em.clear();
        return jdbc.queryForObject("select id from self_evaluation where project_name = '电子政务项目建设资金'", Long.class);
    }

    private List<String> storedFindings(Long id, String code) {
        return jdbc.queryForList("select coalesce(row_position::text, '-') || '|' || location || '：' || message "
                + "from self_evaluation_finding where self_evaluation_id = ? and code = ? order by position",
                String.class, id, code);
    }

    @Test
    void theSeed002FormAgreesWithItsApprovedDeclaration() {
        Long id = loadSeed002();

        assertThat(service.differencesFromDeclaration(evaluations.findById(id).orElseThrow())).isEmpty();
        assertThat(storedFindings(id, "DIFFERS_FROM_DECLARATION")).isEmpty();
        assertThat(storedFindings(id, "DECLARATION_NOT_COMPARED")).isEmpty();
    }

    @Test
    void aTargetChangedBehindTheFormAndARowDroppedFromItAreDifferencesThatScoringStores() {
        Long id = loadSeed002();
        Map<String, Object> last = jdbc.queryForMap("select name, target_text from self_evaluation_indicator "
                + "where self_evaluation_id = ? and position = 38", id);
        jdbc.update("update self_evaluation_indicator set target_text = '≥30个' where self_evaluation_id = ? "
                + "and name = '数据交换前置交换节点数'", id);
        jdbc.update("delete from self_evaluation_indicator where self_evaluation_id = ? and position = 38", id);
        SelfEvaluation e = evaluations.findById(id).orElseThrow();

        List<ScoringOutcome.FindingLine> found = service.differencesFromDeclaration(e);

        assertThat(found).extracting(ScoringOutcome.FindingLine::toString).containsExactly(
                "[警告][DIFFERS_FROM_DECLARATION] 第26行 数据交换前置交换节点数：目标值“≥30个”与批复的申报表“≥35 个”不一致",
                "[警告][DIFFERS_FROM_DECLARATION] 影响力类：自评表缺少批复的申报表中的指标“" + last.get("name")
                        + "”（目标值“" + last.get("target_text") + "”）");
        assertThat(found.get(0).rowPosition()).isEqualTo(26);

        scoring.score(id, e.version());
        em.flush();

        assertThat(storedFindings(id, "DIFFERS_FROM_DECLARATION")).containsExactly(
                "26|第26行 数据交换前置交换节点数：目标值“≥30个”与批复的申报表“≥35 个”不一致",
                "-|影响力类：自评表缺少批复的申报表中的指标“" + last.get("name") + "”（目标值“" + last.get("target_text")
                        + "”）");
        assertThat(jdbc.queryForObject("select max(position) from self_evaluation_finding where "
                + "self_evaluation_id = ? and code <> 'DIFFERS_FROM_DECLARATION'", Integer.class, id))
                .as("after the engine's findings").isLessThan(jdbc.queryForObject("select min(position) from "
                        + "self_evaluation_finding where self_evaluation_id = ? and code = 'DIFFERS_FROM_DECLARATION'",
                        Integer.class, id));
    }

    @Test
    void aDeclarationNoLongerInForceIsNotComparedAndSaysSo() {
        Long id = loadSeed002();
        SelfEvaluation e = evaluations.findById(id).orElseThrow();
        jdbc.update("update declaration set status = 'SUPERSEDED' where id = ?", e.declarationId());
        em.clear();

        assertThat(service.differencesFromDeclaration(evaluations.findById(id).orElseThrow()))
                .extracting(ScoringOutcome.FindingLine::toString).containsExactly("[提示][DECLARATION_NOT_COMPARED] "
                        + "申报表：申报表当前状态为“已被目标调整替代”，不是财政审核通过的申报表，未与自评表比对");
    }

    @Test
    void aFormWhoseDeclarationIsNotFoundHasNoDifferences() {
        organization.loadIfAbsent();
        Long unitId = units.findByName(DemoOrganization.XINXI).orElseThrow().id();
        SelfEvaluation orphan = SelfEvaluation.fromDeclaration(new DeclarationCarryOver(987_654_321L,
                EvaluationLayout.SUZHOU_2017, unitId, null, "无申报表项目", FiscalYear.of(2021), null, null, null,
                List.of(new CategoryLine("产出", new BigDecimal("24"))),
                List.of(new IndicatorLine("产出", null, "建设模块数", IndicatorValue.of("≥6个"), new BigDecimal("24"),
                        null)), List.of()));

        assertThat(service.differencesFromDeclaration(orphan)).isEmpty();
    }

    /** An approved Suzhou declaration whose one 产出 row has {@code indicatorName}. */
    private Long approvedDeclarationWith(String indicatorName) {
        organization.loadIfAbsent();
        Long unitId = units.findByName(DemoOrganization.XINXI).orElseThrow().id();
        Declaration d = declarations.findById(declarationService.startSuzhou(unitId, FiscalYear.of(2022),
                new SuzhouHeader("长指标名称项目", "信息化工程及维护类", null, null, null, null, null, null)))
                .orElseThrow();
        d.addSubProject("平台建设", Money.ofWan("10"));
        d.reviseFundingSource(FundingSourceKind.CITY, Money.ofWan("10"), null, Money.ofWan("10"));
        d.addIndicator(IndicatorDraft.suzhou("产出", List.of("平台建设"), indicatorName, "≥6个", null, null));
        d.submit(frameworks.findByCode(d.frameworkCode()).orElseThrow());
        d.approveByDepartment();
        d.grade(FinanceGrade.EXCELLENT, null);
        Long id = declarations.save(d).id();
        em.flush();
        em.clear();
        return id;
    }

    @Test
    void aDeclarationIndicatorNameOf450CharactersCarriesOverAndIsKeptThroughReview() {
        String longName = "数据共享交换平台接入部门业务系统数量".repeat(25);   // 18 × 25 = 450 characters
        assertThat(longName).hasSize(450);
        Long declarationId = approvedDeclarationWith(longName);

        SelfEvaluation e = service.startFromDeclaration(declarationId);
        em.flush();

        assertThat(jdbc.queryForObject("select name from self_evaluation_indicator where self_evaluation_id = ? "
                + "and category = '产出'", String.class, e.id())).isEqualTo(longName);
        EvaluationIndicator row = e.indicators().stream().filter(i -> i.name().equals(longName)).findFirst()
                .orElseThrow();

        // through submission and a reviewer's adjustment, which copies the name into the adjustment record
        e.recordCityBudgetExecution(CityBudgetExecution.derived(Money.ofWan("10"), Money.ofWan("0"), Money.ofWan("10")));
        e.recordCityFundsUse(CityFundsUse.of(Money.ofWan("10"), Money.ofWan("10"), Money.ofWan("0"), Money.ofWan("0"),
                Money.ofWan("0")));
        for (EvaluationIndicator i : e.indicators()) {
            e.recordResult(i.position(), i.target(), i.weight(), null);
        }
        e.submit(Instant.parse("2023-01-10T02:00:00Z"));
        e.startReview("财政局审核人");
        e.adjustScore(row.position(), BigDecimal.ZERO, "未提供接入清单", "财政局审核人", Instant.parse("2023-02-01T02:00:00Z"));
        em.flush();

        assertThat(jdbc.queryForObject("select indicator_name from self_evaluation_adjustment where "
                + "self_evaluation_id = ?", String.class, e.id())).isEqualTo(longName);
        assertThat(service.differencesFromDeclaration(e)).isEmpty();

        // a finding about that row keeps the whole name in its location
        scoring.score(e);
        em.flush();
        assertThat(jdbc.queryForObject("select location from self_evaluation_finding where self_evaluation_id = ? "
                + "and code = 'REVIEWER_ADJUSTMENT'", String.class, e.id()))
                .isEqualTo("第" + row.position() + "行 " + longName);
    }

    @Test
    void onlyAnApprovedDeclarationStartsASelfEvaluation() {
        organization.loadIfAbsent();
        Long unitId = units.findByName(DemoOrganization.XINXI).orElseThrow().id();
        Long draft = declarationService.startSuzhou(unitId, FiscalYear.of(2021),
                new SuzhouHeader("未审核项目", "信息化工程及维护类", null, null, null, null, null, null));

        assertThatThrownBy(() -> service.startFromDeclaration(draft)).isInstanceOf(WorkflowException.class)
                .hasMessage("只有财政审核通过的申报表才能生成自评表，当前状态：草稿");
    }

    @Test
    void aCommandWithAStaleVersionIsRefused() {
        organization.loadIfAbsent();
        demo.loadIfAbsent();
        em.flush();
        SelfEvaluation e = evaluations.findById(jdbc.queryForObject("select id from self_evaluation", Long.class))
                .orElseThrow();

        assertThatThrownBy(() -> service.startReview(e.id(), e.version() + 1, "财政局审核人"))
                .isInstanceOf(OptimisticLockException.class).hasMessageContaining("自评表已被他人修改");
        service.startReview(e.id(), e.version(), "财政局审核人");
        assertThat(e.status()).isEqualTo(EvaluationStatus.UNDER_REVIEW);
    }
}
