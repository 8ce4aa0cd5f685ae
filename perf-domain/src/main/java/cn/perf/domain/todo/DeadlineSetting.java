package cn.perf.domain.todo;

import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.Role;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.DomainEvent;
import cn.perf.domain.shared.DomainEventPublisher;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Violation;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Use case: the deadlines of a fiscal year, per stage, for the region of the signed-in 财政局审核人 or 系统管理员
 * (DESIGN.md §7 {@code /admin/deadlines}). A region's deadlines are set by its own bureau only. Rules: a review
 * stage ends no earlier than the submission it reviews (主管部门审核 ≥ 申报表提交, 财政局审核 ≥ 主管部门审核,
 * 自评表审核 ≥ 自评表提交); a date lies within the fiscal year before or the one after. An empty date removes
 * that stage's deadline. Every change publishes {@code deadline.set} with before/after.
 */
@Named
public class DeadlineSetting {

    private final FilingDeadlines deadlines;
    private final DomainEventPublisher events;
    private final Clock clock;

    @jakarta.inject.Inject
    public DeadlineSetting(FilingDeadlines deadlines, DomainEventPublisher events) {
        this(deadlines, events, Clock.systemUTC());
    }

    DeadlineSetting(FilingDeadlines deadlines, DomainEventPublisher events, Clock clock) {
        this.deadlines = deadlines;
        this.events = events;
        this.clock = clock;
    }

    /** Whether {@code viewer} may set deadlines (for its own region). */
    public static boolean maySet(Viewer viewer) {
        AccountProfile p = viewer.profile();
        return p != null && (p.roles().contains(Role.FINANCE_REVIEWER) || p.roles().contains(Role.SYSTEM_ADMIN));
    }

    /** The deadlines of {@code year} in the viewer's region, every stage (null where none is set). */
    @Transactional
    public Map<Stage, LocalDate> forYear(Viewer viewer, int year) {
        requireMaySet(viewer);
        Map<Stage, LocalDate> out = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            out.put(s, null);
        }
        deadlines.findByRegionAndYear(viewer.profile().region(), year).forEach(d -> out.put(d.stage(), d.dueOn()));
        return out;
    }

    /** Sets (or removes, for null) the deadlines of {@code year} in the viewer's region; all violations at once. */
    @Transactional
    public void set(Viewer viewer, int year, Map<Stage, LocalDate> dates) {
        requireMaySet(viewer);
        List<Violation> violations = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            violations.add(Violation.of("year", "range", "年度应在 2000 至 2100 之间", "2000", "2100"));
            throw new InvalidCommandException(violations);
        }
        LocalDate first = LocalDate.of(year - 1, 1, 1);
        LocalDate last = LocalDate.of(year + 1, 12, 31);
        dates.forEach((stage, date) -> {
            if (date != null && (date.isBefore(first) || date.isAfter(last))) {
                violations.add(Violation.of("dates[" + stage.name() + "]", "deadlineOutOfRange",
                        stage.label() + "截止日期应在 " + first + " 至 " + last + " 之间", first, last));
            }
        });
        notBefore(dates, Stage.DEPARTMENT_REVIEW, Stage.DECLARATION_SUBMISSION, violations);
        notBefore(dates, Stage.FINANCE_REVIEW, Stage.DEPARTMENT_REVIEW, violations);
        notBefore(dates, Stage.EVALUATION_REVIEW, Stage.EVALUATION_SUBMISSION, violations);
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        String region = viewer.profile().region();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("region", region);
        details.put("year", Integer.toString(year));
        for (Stage stage : Stage.values()) {
            LocalDate wanted = dates.get(stage);
            var existing = deadlines.findByRegionAndYearAndStage(region, year, stage);
            LocalDate before = existing.map(FilingDeadline::dueOn).orElse(null);
            if (Objects.equals(before, wanted)) {
                continue;
            }
            if (wanted == null) {
                existing.ifPresent(deadlines::delete);
            } else if (existing.isPresent()) {
                existing.get().reschedule(wanted, viewer.scope().username());
            } else {
                deadlines.save(FilingDeadline.set(region, year, stage, wanted, viewer.scope().username()));
            }
            details.put("before." + stage.name(), before == null ? "" : before.toString());
            details.put("after." + stage.name(), wanted == null ? "" : wanted.toString());
        }
        if (details.size() > 2) {
            events.publish(new DeadlinesSet(clock.instant(), viewer.scope().username(), region + ":" + year,
                    java.util.Collections.unmodifiableMap(details)));
        }
    }

    private static void notBefore(Map<Stage, LocalDate> dates, Stage later, Stage earlier, List<Violation> out) {
        LocalDate l = dates.get(later);
        LocalDate e = dates.get(earlier);
        if (l != null && e != null && l.isBefore(e)) {
            out.add(Violation.of("dates[" + later.name() + "]", "deadlineOrder",
                    later.label() + "截止日期不能早于" + earlier.label() + "截止日期", later.label(), earlier.label()));
        }
    }

    private static void requireMaySet(Viewer viewer) {
        if (!maySet(viewer)) {
            throw new SecurityException("only a finance bureau reviewer or the system administrator sets deadlines");
        }
    }

    /** {@code deadline.set}: the deadlines of a region's fiscal year changed. */
    public record DeadlinesSet(Instant occurredAt, String actor, String subjectId, Map<String, String> details)
            implements DomainEvent {

        @Override
        public String action() {
            return "deadline.set";
        }

        @Override
        public String subjectType() {
            return "deadline";
        }
    }
}
