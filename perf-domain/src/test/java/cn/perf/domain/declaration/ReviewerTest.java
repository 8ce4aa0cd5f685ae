package cn.perf.domain.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.Role;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who reviews what: roles and scope, with the separation of duties between filing and reviewing. */
class ReviewerTest {

    private static Viewer viewer(Set<Role> roles, Scope scope) {
        return new Viewer(new AccountProfile(scope.username(), "某人", roles, 1L, "001", "某单位", null, "苏州市"),
                scope);
    }

    @Test
    void aDepartmentReviewerReviewsItsUnitsAndAFinanceReviewerItsRegion() {
        Reviewer department = Reviewer.of(viewer(EnumSet.of(Role.DEPARTMENT_REVIEWER),
                new Scope("d", Set.of(1L, 2L), null, Set.of())));
        Reviewer finance = Reviewer.of(viewer(EnumSet.of(Role.FINANCE_REVIEWER),
                new Scope("f", Set.of(), "苏州市", Set.of())));

        assertThat(department.reviewsDepartment(2L)).isTrue();
        assertThat(department.reviewsFinance("苏州市")).isFalse();
        assertThat(finance.reviewsFinance("苏州市")).isTrue();
        assertThat(finance.reviewsFinance("济宁市")).isFalse();
        assertThat(finance.reviewsDepartment(2L)).isFalse();
    }

    @Test
    void filersReviewNothingAndNobodyReviewsWhatTheyFile() {
        Reviewer filer = Reviewer.of(viewer(EnumSet.of(Role.FILER, Role.UNIT_LEADER),
                new Scope("u", Set.of(1L), null, Set.of(1L))));
        Reviewer both = Reviewer.of(viewer(EnumSet.of(Role.FILER, Role.DEPARTMENT_REVIEWER),
                new Scope("b", Set.of(1L, 2L), null, Set.of(1L))));

        assertThat(filer.reviewsAnything()).isFalse();
        assertThat(both.reviewsDepartment(1L)).isFalse();
        assertThat(both.reviewsDepartment(2L)).isTrue();
        assertThat(Reviewer.of(Viewer.unknown("x")).reviewsAnything()).isFalse();
    }

    @Test
    void eventsCarryActorSubjectAndTheirFactsInOrderWithoutEmptyValues() {
        var e = new DeclarationEvents.DeclarationGraded(java.time.Instant.EPOCH, "finance", 7L,
                DeclarationEvents.details("grade", "GOOD", "comment", "约定修改", "decision", null, "from",
                        "DEPARTMENT_APPROVED", "to", "APPROVED"));

        assertThat(e.action()).isEqualTo("declaration.graded");
        assertThat(e.subjectType()).isEqualTo("declaration");
        assertThat(e.subjectId()).isEqualTo("7");
        assertThat(e.actor()).isEqualTo("finance");
        assertThat(e.grade()).isEqualTo(FinanceGrade.GOOD);
        assertThat(e.details().keySet()).containsExactly("grade", "comment", "from", "to");
    }
}
