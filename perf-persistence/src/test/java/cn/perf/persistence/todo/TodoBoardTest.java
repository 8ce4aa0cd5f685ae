package cn.perf.persistence.todo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.account.Role;
import cn.perf.domain.account.UserAccount;
import cn.perf.domain.account.UserAccounts;
import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.SuzhouHeader;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.project.Project;
import cn.perf.domain.project.Projects;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.domain.shared.DomainEvent;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.todo.DeadlineSetting;
import cn.perf.domain.todo.Inbox;
import cn.perf.domain.todo.Stage;
import cn.perf.domain.todo.TodoBoard;
import cn.perf.domain.todo.TodoBoard.TodoItem;
import cn.perf.domain.todo.TodoBoard.TodoSection;
import cn.perf.persistence.account.JdbcViewerQueries;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
 * 待办 against real PostgreSQL: each role sees what waits for it in its scope only, with the deadline of the
 * declaration's region, year and stage and overdue flags; reviewers get counts per unit; deadlines follow their
 * rules and publish their change; messages reach the unit's filers only, and only their recipient marks them read.
 *
 * <pre>
 * 待办财政局 (待办市)                 待办财政局他市 (他市)
 *   待办主管部门 (department)            待办他市单位  t6 DEPARTMENT_APPROVED
 *     待办单位甲  t1 DRAFT, t2 RETURNED, t3 SUBMITTED
 *     待办单位乙  t4 SUBMITTED, t5 DEPARTMENT_APPROVED, t7 APPROVED
 * </pre>
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({JdbcTodoQueries.class, JdbcViewerQueries.class, ScopeResolver.class, TodoBoard.class, Inbox.class,
        DeadlineSetting.class, TodoBoardTest.Events.class})
class TodoBoardTest {

    static final String CITY = "待办市";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @TestConfiguration
    static class Events {
        final List<DomainEvent> published = new ArrayList<>();

        @Bean
        cn.perf.domain.shared.DomainEventPublisher publisher() {
            return published::add;
        }
    }

    @Autowired
    TodoBoard board;
    @Autowired
    Inbox inbox;
    @Autowired
    DeadlineSetting deadlines;
    @Autowired
    ScopeResolver resolver;
    @Autowired
    Events events;
    @Autowired
    BudgetUnits units;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Projects projects;
    @Autowired
    Declarations declarations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManager em;

    BudgetUnit unitA;
    BudgetUnit unitB;
    Long t1;
    Long t2;
    Long t3;
    Long t4;
    Long t5;
    Long t6;

    @BeforeEach
    void organisation() {
        BudgetUnit bureau = units.save(BudgetUnit.financeBureau("待办财政局", CITY));
        BudgetUnit other = units.save(BudgetUnit.financeBureau("待办财政局他市", "他市"));
        BudgetUnit dept = units.save(BudgetUnit.department("T100", "待办主管部门", bureau.id(), CITY));
        unitA = units.save(BudgetUnit.budgetUnit("T101", "待办单位甲", dept.id(), CITY));
        unitB = units.save(BudgetUnit.budgetUnit("T102", "待办单位乙", dept.id(), CITY));
        BudgetUnit otherUnit = units.save(BudgetUnit.budgetUnit("T201", "待办他市单位", other.id(), "他市"));
        t1 = declaration(unitA, "待办项目一", DeclarationStatus.DRAFT, null);
        t2 = declaration(unitA, "待办项目二", DeclarationStatus.RETURNED, "请补充指标解释");
        t3 = declaration(unitA, "待办项目三", DeclarationStatus.SUBMITTED, null);
        t4 = declaration(unitB, "待办项目四", DeclarationStatus.SUBMITTED, null);
        t5 = declaration(unitB, "待办项目五", DeclarationStatus.DEPARTMENT_APPROVED, null);
        t6 = declaration(otherUnit, "待办项目六", DeclarationStatus.DEPARTMENT_APPROVED, null);
        declaration(unitB, "待办项目七", DeclarationStatus.APPROVED, null);
        account("t-filer", unitA, Role.FILER);
        account("t-leader", unitA, Role.UNIT_LEADER);
        account("t-filer-b", unitB, Role.FILER);
        account("t-dept", dept, Role.DEPARTMENT_REVIEWER);
        account("t-finance", bureau, Role.FINANCE_REVIEWER);
        account("t-admin", bureau, Role.SYSTEM_ADMIN);
        account("t-auditor", bureau, Role.AUDIT_ADMIN);
        UserAccount off = UserAccount.open("t-off", "{noop}x", "停用", unitA.id(), EnumSet.of(Role.FILER));
        off.disable();
        accounts.save(off);
        em.flush();
        em.clear();
    }

    void account(String username, BudgetUnit unit, Role role) {
        accounts.save(UserAccount.open(username, "{noop}x", username, unit.id(), EnumSet.of(role)));
    }

    Long declaration(BudgetUnit unit, String name, DeclarationStatus status, String comment) {
        Project p = projects.save(Project.open(unit.id(), name, "信息化工程及维护类", "市立项目", FiscalYear.of(2027)));
        Declaration d = Declaration.newSuzhou(unit.id(), p.id(), FiscalYear.of(2027),
                new SuzhouHeader(name, "信息化工程及维护类", "市立项目", null, null, null, null, null), List.of());
        declarations.save(d);
        em.flush();
        jdbc.update("update declaration set status = ?, review_comment = ? where id = ?", status.name(), comment,
                d.id());
        return d.id();
    }

    List<TodoSection> of(String username) {
        return board.of(resolver.viewer(username), TODAY);
    }

    static List<Long> ids(TodoSection s) {
        return s.items().stream().map(TodoItem::declarationId).toList();
    }

    @Test
    void aFilerSeesItsUnitsDraftsAndReturnsWithTheComment() {
        List<TodoSection> sections = of("t-filer");
        assertThat(sections).hasSize(1);
        TodoSection s = sections.get(0);
        assertThat(s.stage()).isEqualTo(Stage.DECLARATION_SUBMISSION);
        assertThat(ids(s)).containsExactlyInAnyOrder(t1, t2);
        assertThat(s.items()).filteredOn(i -> i.declarationId().equals(t2)).singleElement()
                .extracting(TodoItem::comment).isEqualTo("请补充指标解释");
        assertThat(s.byUnit()).isEmpty();
        assertThat(board.count(resolver.viewer("t-filer"))).isEqualTo(2);
        assertThat(ids(of("t-leader").get(0))).containsExactlyInAnyOrder(t1, t2);
    }

    @Test
    void aDepartmentReviewerSeesSubmittedDeclarationsOfItsUnitsCountedPerUnit() {
        TodoSection s = of("t-dept").get(0);
        assertThat(s.stage()).isEqualTo(Stage.DEPARTMENT_REVIEW);
        assertThat(ids(s)).containsExactlyInAnyOrder(t3, t4);
        assertThat(s.byUnit()).extracting(c -> c.unitName() + "=" + c.count())
                .containsExactly("待办单位乙=1", "待办单位甲=1");
        assertThat(s.total()).isEqualTo(2);
        assertThat(s.byDepartment()).isFalse();
    }

    @Test
    void aFinanceReviewerSeesDepartmentApprovedDeclarationsOfItsRegionOnly() {
        TodoSection s = of("t-finance").get(0);
        assertThat(s.stage()).isEqualTo(Stage.FINANCE_REVIEW);
        assertThat(ids(s)).containsExactly(t5).doesNotContain(t6);
        assertThat(s.byDepartment()).isTrue();
        assertThat(s.byUnit()).extracting(c -> c.unitName() + "=" + c.count()).containsExactly("待办主管部门=1");
    }

    @Test
    void administratorsAndDisabledAccountsHaveNothingToDo() {
        assertThat(of("t-admin")).isEmpty();
        assertThat(of("t-auditor")).isEmpty();
        assertThat(of("t-off")).isEmpty();
        assertThat(board.count(resolver.viewer("t-off"))).isZero();
    }

    @Test
    void itemsCarryTheirDeadlineAndAreOverdueTheDayAfter() {
        Map<Stage, LocalDate> dates = new EnumMap<>(Stage.class);
        dates.put(Stage.DECLARATION_SUBMISSION, LocalDate.of(2026, 11, 30));
        dates.put(Stage.DEPARTMENT_REVIEW, LocalDate.of(2026, 12, 1));
        deadlines.set(resolver.viewer("t-finance"), 2027, dates);

        TodoItem draft = of("t-filer").get(0).items().get(0);
        assertThat(draft.dueOn()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(draft.overdue()).isTrue();
        assertThat(draft.daysLeft()).isEqualTo(-1);
        TodoItem review = of("t-dept").get(0).items().get(0);
        assertThat(review.dueOn()).isEqualTo(TODAY);
        assertThat(review.overdue()).isFalse();
        assertThat(of("t-finance").get(0).items().get(0).dueOn()).as("no 财政局审核 deadline set").isNull();

        assertThat(events.published).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("deadline.set");
            assertThat(e.actor()).isEqualTo("t-finance");
            assertThat(e.details()).containsEntry("after.DEPARTMENT_REVIEW", "2026-12-01")
                    .containsEntry("before.DEPARTMENT_REVIEW", "");
        });
    }

    @Test
    void aReviewDeadlineBeforeItsSubmissionDeadlineIsRefused() {
        Map<Stage, LocalDate> dates = new EnumMap<>(Stage.class);
        dates.put(Stage.DECLARATION_SUBMISSION, LocalDate.of(2026, 12, 10));
        dates.put(Stage.DEPARTMENT_REVIEW, LocalDate.of(2026, 12, 1));
        dates.put(Stage.EVALUATION_SUBMISSION, LocalDate.of(2035, 1, 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deadlines.set(resolver.viewer("t-finance"), 2027,
                        dates))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.path()).containsExactlyInAnyOrder("dates[DEPARTMENT_REVIEW]",
                                "dates[EVALUATION_SUBMISSION]"));
        assertThat(deadlines.forYear(resolver.viewer("t-finance"), 2027).values()).containsOnlyNulls();
        assertThat(events.published).isEmpty();
    }

    @Test
    void messagesReachTheUnitsFilersAndOnlyTheRecipientMarksThemRead() {
        int told = inbox.notifyUnit(unitA.id(), "declaration", t2.toString(), "申报表已被退回：请补充指标解释");
        assertThat(told).isEqualTo(2); // t-filer, t-leader; not the disabled t-off, not unit B
        assertThat(inbox.unread("t-filer")).isEqualTo(1);
        assertThat(inbox.unread("t-filer-b")).isZero();
        Long id = inbox.recent("t-filer").get(0).id();
        assertThat(inbox.markRead("t-filer-b", id)).isFalse();
        assertThat(inbox.unread("t-filer")).isEqualTo(1);
        assertThat(inbox.markRead("t-filer", id)).isTrue();
        assertThat(inbox.unread("t-filer")).isZero();
        assertThat(inbox.unread("t-leader")).isEqualTo(1);
    }
}
