package cn.perf.domain.evaluation;

import cn.perf.domain.declaration.ReviewNotAllowedException;
import cn.perf.domain.declaration.Reviewer;
import cn.perf.domain.evaluation.EvaluationEvents.EvaluationConfirmed;
import cn.perf.domain.evaluation.EvaluationEvents.EvaluationReturned;
import cn.perf.domain.evaluation.EvaluationEvents.EvaluationReviewStarted;
import cn.perf.domain.evaluation.EvaluationEvents.EvaluationScoreAdjusted;
import cn.perf.domain.evaluation.EvaluationEvents.EvaluationSubmitted;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.DomainEventPublisher;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.shared.StaleVersionException;
import cn.perf.domain.shared.Violation;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The 自评表 workflow within the caller's scope (DESIGN.md §4): the unit's filer submits (草稿 → 已提交); a reviewer of
 * the unit (its 主管部门审核人, or the 财政局审核人 of its region) starts the review (→ 审核中), may adjust a row's score
 * with a reason, and confirms (→ 已确认) or returns it with a comment (→ 草稿). A self-evaluation outside the scope is
 * {@link NotFoundException}; a step this person may not take is {@link ReviewNotAllowedException}; one the status does
 * not allow is a {@link WorkflowException} with a Chinese message; a missing comment or reason is an
 * {@link InvalidCommandException}; a stale version is {@link StaleVersionException}. Every step publishes an event.
 */
@Named
public class SelfEvaluationReview {

    private final SelfEvaluations evaluations;
    private final BudgetUnits units;
    private final DomainEventPublisher events;
    private final Clock clock;

    @jakarta.inject.Inject
    public SelfEvaluationReview(SelfEvaluations evaluations, BudgetUnits units, DomainEventPublisher events) {
        this(evaluations, units, events, Clock.systemUTC());
    }

    SelfEvaluationReview(SelfEvaluations evaluations, BudgetUnits units, DomainEventPublisher events, Clock clock) {
        this.evaluations = evaluations;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** 提交, by the unit's filer or leader. */
    @Transactional
    public void submit(Scope scope, Long id, long expectedVersion) {
        SelfEvaluation e = visible(scope, id, expectedVersion);
        if (!scope.canFile(e.unitId())) {
            throw new ReviewNotAllowedException("只有本单位的填报人可以提交自评表");
        }
        EvaluationStatus from = e.status();
        Instant now = clock.instant();
        e.submit(now);
        events.publish(new EvaluationSubmitted(now, scope.username(), id, EvaluationEvents.details(
                "from", from.name(), "to", e.status().name(),
                "recordedTotal", e.recordedTotal() == null ? null : e.recordedTotal().toPlainString())));
    }

    /** 开始审核. */
    @Transactional
    public void startReview(Viewer viewer, Long id, long expectedVersion) {
        SelfEvaluation e = forReviewer(viewer, id, expectedVersion);
        EvaluationStatus from = e.status();
        e.startReview(name(viewer));
        events.publish(new EvaluationReviewStarted(clock.instant(), viewer.scope().username(), id,
                EvaluationEvents.details("from", from.name(), "to", e.status().name())));
    }

    /** 调整评分 of the row at {@code position}, with a reason; only while 审核中. */
    @Transactional
    public ScoreAdjustment adjustScore(Viewer viewer, Long id, long expectedVersion, int position, BigDecimal score,
                                       String reason) {
        SelfEvaluation e = forReviewer(viewer, id, expectedVersion);
        if (reason == null || reason.isBlank()) {
            throw new InvalidCommandException(List.of(Violation.of("reason", "adjustmentReasonRequired",
                    "调整评分须填写理由")));
        }
        Instant now = clock.instant();
        ScoreAdjustment a = e.adjustScore(position, score, reason, name(viewer), now);
        events.publish(new EvaluationScoreAdjusted(now, viewer.scope().username(), id, EvaluationEvents.details(
                "position", String.valueOf(position), "indicator", a.indicatorName(),
                "before", plain(a.previousScore()), "after", plain(a.adjustedScore()),
                "reason", a.reason())));
        return a;
    }

    /** 退回 with a comment: back to 草稿. */
    @Transactional
    public void returnForRevision(Viewer viewer, Long id, long expectedVersion, String comment) {
        SelfEvaluation e = forReviewer(viewer, id, expectedVersion);
        if (comment == null || comment.isBlank()) {
            throw new InvalidCommandException(List.of(Violation.of("comment", "returnCommentRequired",
                    "退回时须填写退回意见")));
        }
        EvaluationStatus from = e.status();
        e.returnForRevision(comment);
        events.publish(new EvaluationReturned(clock.instant(), viewer.scope().username(), id,
                EvaluationEvents.details("comment", comment.strip(), "from", from.name(), "to", e.status().name())));
    }

    /** 确认: 审核中 → 已确认. */
    @Transactional
    public void confirm(Viewer viewer, Long id, long expectedVersion) {
        SelfEvaluation e = forReviewer(viewer, id, expectedVersion);
        EvaluationStatus from = e.status();
        Instant now = clock.instant();
        e.confirm(name(viewer), now);
        events.publish(new EvaluationConfirmed(now, viewer.scope().username(), id, EvaluationEvents.details(
                "from", from.name(), "to", e.status().name())));
    }

    // ------------------------------------------------------------------ internals

    /** Scope, then role, then version: someone who may not review is told so whatever version they sent. */
    private SelfEvaluation forReviewer(Viewer viewer, Long id, long expectedVersion) {
        SelfEvaluation e = visible(viewer.scope(), id);
        Reviewer r = Reviewer.of(viewer);
        if (!r.reviewsDepartment(e.unitId()) && !r.reviewsFinance(region(e.unitId()))) {
            throw new ReviewNotAllowedException("只有主管部门审核人或本地区财政局审核人可以审核自评表");
        }
        return current(e, expectedVersion);
    }

    private SelfEvaluation visible(Scope scope, Long id, long expectedVersion) {
        return current(visible(scope, id), expectedVersion);
    }

    private SelfEvaluation visible(Scope scope, Long id) {
        return evaluations.findById(id).filter(x -> scope.canSee(x.unitId(), region(x.unitId())))
                .orElseThrow(() -> new NotFoundException("自评表不存在：" + id));
    }

    private static SelfEvaluation current(SelfEvaluation e, long expectedVersion) {
        if (e.version() != expectedVersion) {
            throw new StaleVersionException("自评表", e.id(), expectedVersion, e.version());
        }
        return e;
    }

    private String region(Long unitId) {
        return unitId == null ? null : units.findById(unitId).map(BudgetUnit::region).orElse(null);
    }

    private static String name(Viewer viewer) {
        return viewer.profile() != null && viewer.profile().displayName() != null ? viewer.profile().displayName()
                : viewer.scope().username();
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }
}
