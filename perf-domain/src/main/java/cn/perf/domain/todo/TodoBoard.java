package cn.perf.domain.todo;

import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.Role;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.todo.TodoQueries.Deadline;
import cn.perf.domain.todo.TodoQueries.UnitCount;
import cn.perf.domain.todo.TodoQueries.WaitingDeclaration;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Use case: 待办 — what waits for the signed-in user, by stage (DESIGN.md §4, §7):
 * <ul>
 *   <li>单位填报人 / 单位负责人: their units' drafts and the declarations returned for revision (with the comment);</li>
 *   <li>主管部门审核人: submitted declarations of the units below it, counted per unit;</li>
 *   <li>财政局审核人: declarations the departments approved, of its region, counted per 主管部门.</li>
 * </ul>
 * Each item carries the deadline the finance bureau set for its region, year and stage, and is overdue the day
 * after. Administrators have nothing to do here. Read in a few statements whatever the number of units.
 */
@Named
public class TodoBoard {

    /** Items listed per section; the counts are always complete. */
    public static final int LIMIT = 200;

    private final TodoQueries queries;

    public TodoBoard(TodoQueries queries) {
        this.queries = queries;
    }

    /** The 待办 page of {@code viewer} on {@code today}. */
    public List<TodoSection> of(Viewer viewer, LocalDate today) {
        List<TodoSection> out = new ArrayList<>();
        for (Query q : queries(viewer)) {
            List<WaitingDeclaration> rows = queries.declarations(q.unitIds, q.region, q.statuses, LIMIT);
            List<UnitCount> byUnit = q.perDepartment
                    ? queries.countByDepartment(q.unitIds, q.region, q.statuses)
                    : queries.countByUnit(q.unitIds, q.region, q.statuses);
            long total = byUnit.stream().mapToLong(UnitCount::count).sum();
            Map<String, LocalDate> due = deadlines(rows);
            List<TodoItem> items = new ArrayList<>();
            for (WaitingDeclaration w : rows) {
                LocalDate dueOn = due.get(key(w.region(), w.year(), q.stage));
                items.add(new TodoItem(w.id(), w.projectName(), w.unitName(), w.year(), w.status(), q.stage, dueOn,
                        dueOn == null ? null : ChronoUnit.DAYS.between(today, dueOn),
                        w.status() == DeclarationStatus.RETURNED ? w.reviewComment() : null));
            }
            out.add(new TodoSection(q.stage, items, total, q.countsPerUnit ? byUnit : List.of(), q.perDepartment));
        }
        return out;
    }

    /** How many items wait for {@code viewer} (the number in the top bar). */
    public long count(Viewer viewer) {
        long n = 0;
        for (Query q : queries(viewer)) {
            n += queries.count(q.unitIds, q.region, q.statuses);
        }
        return n;
    }

    private Map<String, LocalDate> deadlines(List<WaitingDeclaration> rows) {
        Set<String> regions = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        rows.forEach(r -> {
            regions.add(r.region());
            years.add(r.year());
        });
        Map<String, LocalDate> out = new HashMap<>();
        if (!rows.isEmpty()) {
            for (Deadline d : queries.deadlines(regions, years)) {
                out.put(key(d.region(), d.year(), d.stage()), d.dueOn());
            }
        }
        return out;
    }

    private static String key(String region, int year, Stage stage) {
        return region + '|' + year + '|' + stage;
    }

    private static List<Query> queries(Viewer viewer) {
        AccountProfile profile = viewer.profile();
        Scope scope = viewer.scope();
        List<Query> out = new ArrayList<>();
        if (profile == null || scope.seesNothing()) {
            return out;
        }
        Set<Role> roles = profile.roles();
        if ((roles.contains(Role.FILER) || roles.contains(Role.UNIT_LEADER)) && !scope.fileableUnitIds().isEmpty()) {
            out.add(new Query(Stage.DECLARATION_SUBMISSION, scope.fileableUnitIds(), null,
                    List.of(DeclarationStatus.RETURNED, DeclarationStatus.DRAFT), false, false));
        }
        if (roles.contains(Role.DEPARTMENT_REVIEWER)) {
            out.add(new Query(Stage.DEPARTMENT_REVIEW, scope.visibleUnitIds(), null,
                    List.of(DeclarationStatus.SUBMITTED), true, false));
        }
        if (roles.contains(Role.FINANCE_REVIEWER) && scope.visibleRegion() != null) {
            out.add(new Query(Stage.FINANCE_REVIEW, List.of(), scope.visibleRegion(),
                    List.of(DeclarationStatus.DEPARTMENT_APPROVED), true, true));
        }
        return out;
    }

    private record Query(Stage stage, Collection<Long> unitIds, String region, List<DeclarationStatus> statuses,
                         boolean countsPerUnit, boolean perDepartment) {
    }

    /**
     * One stage's list.
     *
     * @param total  how many wait in this stage (the list shows at most {@link #LIMIT})
     * @param byUnit        for reviewers, how many per unit (主管部门) or per 主管部门 (财政局, {@code byDepartment})
     */
    public record TodoSection(Stage stage, List<TodoItem> items, long total, List<UnitCount> byUnit,
                              boolean byDepartment) {

        public boolean truncated() {
            return total > items.size();
        }
    }

    /**
     * @param daysLeft days until the deadline (negative: overdue by that many days); null without a deadline
     * @param comment  the reviewer's comment of a declaration returned for revision
     */
    public record TodoItem(Long declarationId, String projectName, String unitName, int year,
                           DeclarationStatus status, Stage stage, LocalDate dueOn, Long daysLeft, String comment) {

        public boolean overdue() {
            return daysLeft != null && daysLeft < 0;
        }
    }
}
