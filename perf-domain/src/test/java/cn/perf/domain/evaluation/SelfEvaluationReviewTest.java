package cn.perf.domain.evaluation;

import static cn.perf.domain.evaluation.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.Role;
import cn.perf.domain.declaration.ReviewNotAllowedException;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.DomainEvent;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.shared.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The scoped 自评表 workflow ({@link SelfEvaluationReview}): 草稿 → 已提交 → 审核中 (score adjusted with a reason) →
 * 已确认, or 退回 with a comment; who may take each step, and the event every step publishes.
 */
class SelfEvaluationReviewTest {

    private static final long UNIT = 7L;
    private static final long ID = 42L;

    private final SelfEvaluation form = Fixtures.filledSuzhouDraft();
    private final List<DomainEvent> events = new ArrayList<>();
    private final SelfEvaluationReview review = new SelfEvaluationReview(new OneEvaluation(form), new SuzhouUnits(),
            events::add, Clock.fixed(Instant.parse("2021-02-01T08:00:00Z"), ZoneOffset.UTC));

    private final Scope filer = new Scope("filer", Set.of(UNIT), null, Set.of(UNIT));
    private final Viewer filerViewer = viewer(filer, Role.FILER);
    private final Viewer department = viewer(new Scope("dept", Set.of(UNIT), null, Set.of()),
            Role.DEPARTMENT_REVIEWER);
    private final Viewer finance = viewer(new Scope("fin", Set.of(), "苏州市", Set.of()), Role.FINANCE_REVIEWER);
    private final Viewer otherFinance = viewer(new Scope("jn", Set.of(), "济宁市", Set.of()), Role.FINANCE_REVIEWER);

    @Test
    void submittedReviewedAdjustedAndConfirmedWithAnEventForEveryStep() {
        review.submit(filer, ID, 0);
        review.startReview(department, ID, 0);
        ScoreAdjustment a = review.adjustScore(department, ID, 0, 3, d("2"), "实际完成值低于目标值");
        review.confirm(finance, ID, 0);

        assertThat(form.status()).isEqualTo(EvaluationStatus.CONFIRMED);
        assertThat(a.adjustedScore()).isEqualByComparingTo("2");
        assertThat(events).extracting(DomainEvent::action).containsExactly("evaluation.submitted",
                "evaluation.review-started", "evaluation.score-adjusted", "evaluation.confirmed");
        assertThat(events).extracting(DomainEvent::actor).containsExactly("filer", "dept", "dept", "fin");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.subjectType()).isEqualTo("evaluation");
            assertThat(e.subjectId()).isEqualTo("42");
        });
        assertThat(events.get(0).details()).containsEntry("from", "DRAFT").containsEntry("to", "SUBMITTED");
        assertThat(events.get(2).details()).containsEntry("reason", "实际完成值低于目标值").containsEntry("after", "2.00")
                .containsEntry("position", "3");
        assertThat(events.get(3).details()).containsEntry("from", "UNDER_REVIEW").containsEntry("to", "CONFIRMED");
    }

    @Test
    void aReturnNeedsACommentAndTakesTheFormBackToDraft() {
        review.submit(filer, ID, 0);

        assertThatThrownBy(() -> review.returnForRevision(department, ID, 0, " "))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> assertThat(v.path()).isEqualTo("comment")));
        review.returnForRevision(department, ID, 0, "请补充偏差原因");

        assertThat(form.status()).isEqualTo(EvaluationStatus.DRAFT);
        assertThat(events).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("evaluation.returned");
            assertThat(e.details()).containsEntry("comment", "请补充偏差原因").containsEntry("to", "DRAFT");
        });
    }

    @Test
    void illegalStepsAreRefusedWithAChineseMessageAndPublishNothing() {
        assertThatThrownBy(() -> review.confirm(department, ID, 0)).isInstanceOf(WorkflowException.class)
                .hasMessageStartingWith("自评表当前状态为“草稿”，不能确认");
        review.submit(filer, ID, 0);
        assertThatThrownBy(() -> review.adjustScore(department, ID, 0, 3, d("2"), "理由"))
                .isInstanceOf(WorkflowException.class).hasMessageStartingWith("自评表当前状态为“已提交”，不能调整评分");
        assertThatThrownBy(() -> review.submit(filer, ID, 0)).isInstanceOf(WorkflowException.class);
        review.startReview(department, ID, 0);
        assertThatThrownBy(() -> review.adjustScore(department, ID, 0, 3, d("2"), ""))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("调整评分须填写理由");
        assertThat(events).extracting(DomainEvent::action).containsExactly("evaluation.submitted",
                "evaluation.review-started");
    }

    @Test
    void filersDoNotReviewOtherRegionsDoNotSeeAndOldVersionsChangeNothing() {
        review.submit(filer, ID, 0);

        assertThatThrownBy(() -> review.startReview(filerViewer, ID, 0)).isInstanceOf(ReviewNotAllowedException.class);
        assertThatThrownBy(() -> review.startReview(filerViewer, ID, 5)).as("refused whatever version a filer sends")
                .isInstanceOf(ReviewNotAllowedException.class);
        assertThatThrownBy(() -> review.startReview(otherFinance, ID, 0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> review.startReview(department, 99L, 0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> review.startReview(department, ID, 5)).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> review.submit(new Scope("dept", Set.of(UNIT), null, Set.of()), ID, 0))
                .isInstanceOf(ReviewNotAllowedException.class);
        assertThat(form.status()).isEqualTo(EvaluationStatus.SUBMITTED);
        assertThat(events).hasSize(1);
    }

    // ------------------------------------------------------------------ fakes

    private static Viewer viewer(Scope scope, Role role) {
        return new Viewer(new AccountProfile(scope.username(), scope.username() + "（测试）", EnumSet.of(role), UNIT,
                "001", "某单位", null, "苏州市"), scope);
    }

    private record OneEvaluation(SelfEvaluation form) implements SelfEvaluations {
        @Override
        public SelfEvaluation save(SelfEvaluation evaluation) {
            return evaluation;
        }

        @Override
        public SelfEvaluation saveAndFlush(SelfEvaluation evaluation) {
            return evaluation;
        }

        @Override
        public Optional<SelfEvaluation> findById(Long id) {
            return id == ID ? Optional.of(form) : Optional.empty();
        }

        @Override
        public Optional<SelfEvaluation> findByDeclarationId(Long declarationId) {
            return Optional.empty();
        }

        @Override
        public boolean existsByDeclarationId(Long declarationId) {
            return false;
        }

        @Override
        public long count() {
            return 1;
        }
    }

    private static final class SuzhouUnits implements BudgetUnits {
        @Override
        public BudgetUnit save(BudgetUnit unit) {
            return unit;
        }

        @Override
        public Optional<BudgetUnit> findById(Long id) {
            return id == UNIT ? Optional.of(BudgetUnit.budgetUnit("001", "某单位", 1L, "苏州市")) : Optional.empty();
        }

        @Override
        public Optional<BudgetUnit> findByRegionAndCode(String region, String code) {
            return Optional.empty();
        }

        @Override
        public Optional<BudgetUnit> findByRegionAndName(String region, String name) {
            return Optional.empty();
        }

        @Override
        public boolean existsByRegionAndCode(String region, String code) {
            return false;
        }

        @Override
        public boolean existsByRegionAndName(String region, String name) {
            return false;
        }

        @Override
        public List<BudgetUnit> findAll() {
            return List.of();
        }

        @Override
        public Optional<BudgetUnit> findByName(String name) {
            return Optional.empty();
        }

        @Override
        public List<BudgetUnit> findByParentId(Long parentId) {
            return List.of();
        }

        @Override
        public List<BudgetUnit> findByRegion(String region) {
            return List.of();
        }

        @Override
        public long count() {
            return 0;
        }
    }
}
