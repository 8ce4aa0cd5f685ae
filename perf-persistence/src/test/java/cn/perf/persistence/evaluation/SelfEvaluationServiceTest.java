package cn.perf.persistence.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.account.PasswordHasher;
import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.DeclarationService;
import cn.perf.domain.declaration.SuzhouHeader;
import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.demo.DemoSelfEvaluation2020;
import cn.perf.domain.evaluation.EvaluationOrigin;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.domain.evaluation.SelfEvaluationService;
import cn.perf.domain.evaluation.ScoringRegimeCatalog;
import cn.perf.domain.evaluation.SelfEvaluationScoring;
import cn.perf.domain.evaluation.SelfEvaluations;
import cn.perf.domain.evaluation.WorkflowException;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.shared.FiscalYear;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.util.List;
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
    SelfEvaluations evaluations;
    @Autowired
    BudgetUnits units;
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
