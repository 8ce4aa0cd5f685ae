package cn.perf.persistence.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.account.AccountDirectory;
import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.Role;
import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.DeclarationCommands.CreateDeclaration;
import cn.perf.domain.declaration.DeclarationCommands.ReviseDeclaration;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationReview;
import cn.perf.domain.declaration.DeclarationReview.HistoryRow;
import cn.perf.domain.declaration.DeclarationReview.ReviewCommand;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.FinanceGrade;
import cn.perf.domain.declaration.ReviewAction;
import cn.perf.domain.declaration.ReviewDecision;
import cn.perf.domain.declaration.ReviewLog;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.DomainEvent;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.IndicatorFramework;
import jakarta.persistence.EntityManager;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

/**
 * {@link DeclarationReview} on PostgreSQL: the history rows and the events of submit, review, grade, 目标调整 and
 * supersession, the revise event with before/after values, and the one-adjustment-at-a-time rule in the schema.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({DeclarationFiling.class, DeclarationReview.class, JdbcDeclarationStamps.class, ReviewLog.class,
        AccountDirectory.class, RecordedEvents.class})
class DeclarationReviewTest {

    @Autowired
    DeclarationFiling filing;
    @Autowired
    DeclarationReview review;
    @Autowired
    Declarations declarations;
    @Autowired
    BudgetUnits units;
    @Autowired
    RecordedEvents events;
    @Autowired
    EntityManager em;

    BudgetUnit unit;
    Scope filer;
    Viewer department;
    Viewer finance;

    @BeforeEach
    void units() {
        BudgetUnit bureau = units.save(BudgetUnit.financeBureau("审核测试财政局", "审核测试市"));
        unit = units.save(BudgetUnit.department("990401", "审核测试城管局", bureau.id(), "审核测试市"));
        filer = new Scope("filer", Set.of(unit.id()), null, Set.of(unit.id()));
        department = viewer(new Scope("dept", Set.of(unit.id()), null, Set.of()), Role.DEPARTMENT_REVIEWER);
        finance = viewer(new Scope("fin", Set.of(), "审核测试市", Set.of()), Role.FINANCE_REVIEWER);
        events.clear();
    }

    private static Viewer viewer(Scope scope, Role role) {
        return new Viewer(new AccountProfile(scope.username(), scope.username(), EnumSet.of(role), null, null, null,
                null, null), scope);
    }

    private long version(Long id) {
        em.flush();
        em.clear();
        return declarations.findById(id).orElseThrow().version();
    }

    private Long approved(String name) {
        Long id = filing.create(filer, new CreateDeclaration(unit.id(), FormLayout.SUZHOU, 2021,
                IndicatorFramework.SUZHOU_2017, FilingContents.suzhou(name)));
        filing.submit(filer, id, version(id));
        review.review(department, new ReviewCommand(id, version(id), ReviewDecision.APPROVE, null, null));
        review.review(finance, new ReviewCommand(id, version(id), null, FinanceGrade.GOOD, "压缩运维经费"));
        return id;
    }

    @Test
    void everyStepIsInTheHistoryAndPublishesAnEventWithItsFacts() {
        Long id = approved("审核历史项目");

        assertThat(review.history(filer, id)).extracting(HistoryRow::action, HistoryRow::username, HistoryRow::grade,
                HistoryRow::comment).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ReviewAction.SUBMITTED, "filer", null, null),
                org.assertj.core.groups.Tuple.tuple(ReviewAction.DEPARTMENT_APPROVED, "dept", null, null),
                org.assertj.core.groups.Tuple.tuple(ReviewAction.GRADED, "fin", FinanceGrade.GOOD, "压缩运维经费"));
        assertThat(events.all()).extracting(DomainEvent::action).containsExactly("declaration.submitted",
                "declaration.reviewed", "declaration.graded");
        assertThat(events.all().get(2).details()).containsEntry("grade", "GOOD").containsEntry("comment", "压缩运维经费")
                .containsEntry("from", "DEPARTMENT_APPROVED").containsEntry("to", "APPROVED");
        assertThat(events.all()).allSatisfy(e -> assertThat(e.subjectId()).isEqualTo(String.valueOf(id)));
    }

    @Test
    void aSaveOfTheFormPublishesTheChangedFieldsBeforeAndAfter() {
        Long id = filing.create(filer, new CreateDeclaration(unit.id(), FormLayout.SUZHOU, 2021,
                IndicatorFramework.SUZHOU_2017, FilingContents.suzhou("修改事件项目")));
        Declaration d = declarations.findById(id).orElseThrow();
        filing.revise(filer, new ReviseDeclaration(id, version(id),
                FilingContents.withLeader(declarations.findById(id).orElseThrow().content(), "新负责人")));

        assertThat(events.all()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("declaration.revised");
            assertThat(e.actor()).isEqualTo("filer");
            assertThat(e.details()).containsEntry("after.projectLeader", "新负责人")
                    .containsEntry("before.projectLeader", String.valueOf(d.projectLeader()));
        });
    }

    @Test
    void anApprovedAdjustmentSupersedesTheOriginalAndOnlyOneAdjustmentIsOpenAtATime() {
        Long id = approved("目标调整项目");
        Long adjustment = review.startAdjustment(filer, id, version(id));
        assertThatThrownBy(() -> review.startAdjustment(filer, id, version(id)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> review.startAdjustment(new Scope("x", Set.of(), null, Set.of()), id, version(id)))
                .isInstanceOf(NotFoundException.class);

        filing.revise(filer, new ReviseDeclaration(adjustment, version(adjustment),
                FilingContents.withLeader(declarations.findById(adjustment).orElseThrow().content(), "调整负责人")));
        assertThat(review.diff(department.scope(), adjustment).diff().rows())
                .anySatisfy(r -> assertThat(r.field() + ":" + r.after()).isEqualTo("projectLeader:调整负责人"));
        filing.submit(filer, adjustment, version(adjustment));
        assertThatThrownBy(() -> review.review(department, new ReviewCommand(adjustment, version(adjustment),
                ReviewDecision.RETURN, null, " "))).isInstanceOf(InvalidCommandException.class);
        review.review(department, new ReviewCommand(adjustment, version(adjustment), ReviewDecision.APPROVE, null,
                null));
        assertThat(declarations.findById(id).orElseThrow().status()).isEqualTo(DeclarationStatus.APPROVED);
        review.review(finance, new ReviewCommand(adjustment, version(adjustment), null, FinanceGrade.EXCELLENT,
                null));

        em.flush();
        em.clear();
        assertThat(declarations.findById(id).orElseThrow().status()).isEqualTo(DeclarationStatus.SUPERSEDED);
        assertThat(declarations.findById(adjustment).orElseThrow().status()).isEqualTo(DeclarationStatus.APPROVED);
        assertThat(review.history(filer, id)).extracting(HistoryRow::action).endsWith(
                ReviewAction.ADJUSTMENT_STARTED, ReviewAction.SUPERSEDED);
        assertThat(events.all()).extracting(DomainEvent::action).contains("declaration.adjustment-started",
                "declaration.superseded");
    }
}
