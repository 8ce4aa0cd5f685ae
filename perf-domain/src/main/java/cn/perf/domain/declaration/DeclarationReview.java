package cn.perf.domain.declaration;

import cn.perf.domain.declaration.DeclarationEvents.DeclarationAdjustmentStarted;
import cn.perf.domain.declaration.DeclarationEvents.DeclarationGraded;
import cn.perf.domain.declaration.DeclarationEvents.DeclarationReturned;
import cn.perf.domain.declaration.DeclarationEvents.DeclarationReviewed;
import cn.perf.domain.declaration.DeclarationEvents.DeclarationSuperseded;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.shared.StaleVersionException;
import cn.perf.domain.shared.Violation;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The review use cases of the 申报表 (DESIGN.md §4), always within the caller's scope: the 主管部门's decision
 * (通过 / 退回), the finance bureau's grade (优 / 良 approve, 中 returns, 差 rejects; 财预〔2015〕88号), the review
 * history, 目标调整 (a new version of an approved declaration, reviewed again; when approved it supersedes the one
 * it adjusts) and the field-by-field difference a reviewer reads. A declaration outside the scope is
 * {@link NotFoundException}; one the person sees but may not review is {@link ReviewNotAllowedException}; a step
 * the status does not allow is an {@link IllegalStateException} with a Chinese message; a missing comment is an
 * {@link InvalidCommandException} on {@code comment}. Every step writes a history row and publishes an event.
 */
@Named
public class DeclarationReview {

    private final Declarations declarations;
    private final DeclarationStamps stamps;
    private final ReviewSteps steps;
    private final ReviewLog log;

    public DeclarationReview(Declarations declarations, DeclarationStamps stamps, ReviewSteps steps, ReviewLog log) {
        this.declarations = declarations;
        this.stamps = stamps;
        this.steps = steps;
        this.log = log;
    }

    /**
     * A review: a {@code decision} from the 主管部门 or a {@code grade} from the finance bureau, with the version
     * the reviewer saw and the comment (required for 退回 and for every grade but 优).
     */
    public record ReviewCommand(Long id, long expectedVersion, ReviewDecision decision, FinanceGrade grade,
                                String comment) {
    }

    /** What the viewer may do on a declaration's read view. */
    public record ReviewOptions(boolean department, boolean finance, boolean adjust, Long adjustsId) {

        public boolean any() {
            return department || finance;
        }
    }

    // ------------------------------------------------------------------ reading

    /** The review actions open to {@code viewer} on declaration {@code id} (404 when not visible); one row read. */
    public ReviewOptions options(Viewer viewer, Long id) {
        DeclarationStamp s = visible(viewer.scope(), id);
        Reviewer r = Reviewer.of(viewer);
        return new ReviewOptions(s.status() == DeclarationStatus.SUBMITTED && r.reviewsDepartment(s.unitId()),
                s.status() == DeclarationStatus.DEPARTMENT_APPROVED && r.reviewsFinance(s.unitRegion()),
                s.status() == DeclarationStatus.APPROVED && !s.adjustmentOpen()
                        && viewer.scope().canFile(s.unitId()),
                s.adjustsId());
    }

    /**
     * The review history of a declaration, oldest first; for everyone who can see it. No transaction of its own: the
     * scope check reads the stamp (this node's copy, as every page does) and the steps are one statement, so the read
     * page costs one round trip to PostgreSQL here instead of three (BEGIN with the stamp, the steps, COMMIT).
     */
    public List<HistoryRow> history(Scope scope, Long id) {
        visible(scope, id);
        return steps.findByDeclarationIdOrderByOccurredAtAscIdAsc(id).stream().map(DeclarationReview::row).toList();
    }

    /** A stored step as a history row. */
    static HistoryRow row(ReviewStep s) {
        return new HistoryRow(s.occurredAt(), s.actorUsername(), s.actorName(), s.actorUnit(), s.action(), s.grade(),
                s.comment(), s.fromStatus(), s.toStatus());
    }

    /** One step of the history as the pages show it. */
    public record HistoryRow(Instant at, String username, String actorName, String actorUnit, ReviewAction action,
                             FinanceGrade grade, String comment, DeclarationStatus from, DeclarationStatus to) {
    }

    /** A 目标调整 against the version it adjusts, field by field. Not an adjustment: {@link NotFoundException}. */
    @Transactional
    public AdjustmentDiff diff(Scope scope, Long id) {
        visible(scope, id);
        Declaration adjusted = declarations.findById(id).orElseThrow(() -> notFound(id));
        if (adjusted.adjustsId() == null) {
            throw new NotFoundException("申报表不是目标调整：" + id);
        }
        Declaration original = declarations.findById(adjusted.adjustsId())
                .orElseThrow(() -> notFound(adjusted.adjustsId()));
        return new AdjustmentDiff(adjusted.id(), original.id(), adjusted.projectName(), adjusted.year().value(),
                adjusted.status(), original.status(), DeclarationDiff.between(original.content(), adjusted.content()));
    }

    /** See {@link #diff}. */
    public record AdjustmentDiff(Long id, Long adjustsId, String projectName, int year, DeclarationStatus status,
                                 DeclarationStatus adjustsStatus, DeclarationDiff diff) {
    }

    // ------------------------------------------------------------------ changing

    /** 主管部门审核 or 财政审核, as the command says. */
    @Transactional
    public void review(Viewer viewer, ReviewCommand cmd) {
        Scope scope = viewer.scope();
        DeclarationStamp s = visible(scope, cmd.id());
        Reviewer r = Reviewer.of(viewer);
        if (!r.reviewsAnything()) {
            throw new ReviewNotAllowedException("只有主管部门审核人和财政局审核人可以审核申报表");
        }
        Declaration d = declarations.findById(cmd.id()).orElseThrow(() -> notFound(cmd.id()));
        if (d.version() != cmd.expectedVersion()) {
            throw new StaleVersionException("申报表", d.id(), cmd.expectedVersion(), d.version());
        }
        DeclarationStatus from = d.status();
        Instant now = Instant.now();
        String comment = cmd.comment() == null || cmd.comment().isBlank() ? null : cmd.comment().strip();
        if (cmd.grade() != null) {
            if (!r.reviewsFinance(s.unitRegion())) {
                throw new ReviewNotAllowedException("只有本地区财政局审核人可以评定审核等级");
            }
            requireStatus(d, DeclarationStatus.DEPARTMENT_APPROVED, "财政审核");
            if (cmd.grade().requiresComment() && comment == null) {
                throw new InvalidCommandException(List.of(Violation.of("comment", "reviewCommentRequired",
                        "审核等级为“" + cmd.grade().label() + "”时须填写审核意见" + (cmd.grade() == FinanceGrade.GOOD
                                ? "（写明约定的修改内容）" : "（写明理由）"), cmd.grade().label())));
            }
            d.grade(cmd.grade(), comment);
            log.step(d.id(), ReviewAction.GRADED, cmd.grade(), comment, from, d.status(), scope.username(), now);
            log.publish(new DeclarationGraded(now, scope.username(), d.id(), DeclarationEvents.details(
                    "grade", cmd.grade().name(), "gradeLabel", cmd.grade().label(), "comment", comment,
                    "from", from.name(), "to", d.status().name())));
            afterFinalReview(d, scope.username(), now);
            return;
        }
        if (cmd.decision() == null) {
            throw new InvalidCommandException(List.of(Violation.of(r.financeRegion() != null ? "grade" : "decision",
                    "reviewChoiceRequired", "请选择审核结论")));
        }
        if (!r.reviewsDepartment(d.unitId())) {
            throw new ReviewNotAllowedException("只有主管部门审核人可以作出主管部门审核结论");
        }
        requireStatus(d, DeclarationStatus.SUBMITTED, "主管部门审核");
        if (cmd.decision() == ReviewDecision.RETURN) {
            if (comment == null) {
                throw new InvalidCommandException(List.of(Violation.of("comment", "returnCommentRequired",
                        "退回时须填写退回意见")));
            }
            d.returnForRevision(comment);
            log.step(d.id(), ReviewAction.DEPARTMENT_RETURNED, null, comment, from, d.status(), scope.username(), now);
            log.publish(new DeclarationReturned(now, scope.username(), d.id(), DeclarationEvents.details(
                    "decision", cmd.decision().name(), "comment", comment, "from", from.name(),
                    "to", d.status().name())));
        } else {
            d.approveByDepartment();
            log.step(d.id(), ReviewAction.DEPARTMENT_APPROVED, null, comment, from, d.status(), scope.username(),
                    now);
            log.publish(new DeclarationReviewed(now, scope.username(), d.id(), DeclarationEvents.details(
                    "decision", cmd.decision().name(), "comment", comment, "from", from.name(),
                    "to", d.status().name())));
        }
    }

    /**
     * 目标调整 of an approved declaration by its unit's filer or leader: a new draft, content copied, linked to it;
     * returns the new draft's id. The approved one stays in force until the adjustment is approved.
     */
    @Transactional
    public Long startAdjustment(Scope scope, Long id, long expectedVersion) {
        Declaration d = declarations.findById(id).filter(x -> scope.canFile(x.unitId()))
                .orElseThrow(() -> notFound(id));
        if (d.version() != expectedVersion) {
            throw new StaleVersionException("申报表", id, expectedVersion, d.version());
        }
        Declaration adjustment = declarations.save(d.startAdjustment());
        Instant now = Instant.now();
        log.step(d.id(), ReviewAction.ADJUSTMENT_STARTED, null, null, d.status(), d.status(), scope.username(), now);
        log.publish(new DeclarationAdjustmentStarted(now, scope.username(), d.id(), DeclarationEvents.details(
                "adjustment", String.valueOf(adjustment.id()), "status", d.status().name())));
        return adjustment.id();
    }

    // ------------------------------------------------------------------ internals

    /** An approved adjustment supersedes the one it adjusts; a rejected one leaves it open to another. */
    private void afterFinalReview(Declaration d, String actor, Instant now) {
        if (d.adjustsId() == null) {
            return;
        }
        Declaration original = declarations.findById(d.adjustsId()).orElseThrow(() -> notFound(d.adjustsId()));
        if (d.status() == DeclarationStatus.APPROVED) {
            DeclarationStatus from = original.status();
            original.supersede();
            log.step(original.id(), ReviewAction.SUPERSEDED, null, null, from, original.status(), actor, now);
            log.publish(new DeclarationSuperseded(now, actor, original.id(), DeclarationEvents.details(
                    "supersededBy", String.valueOf(d.id()), "from", from.name(), "to", original.status().name())));
        } else if (d.status() == DeclarationStatus.REJECTED) {
            original.closeAdjustment();
        }
    }

    private static void requireStatus(Declaration d, DeclarationStatus wanted, String action) {
        if (d.status() != wanted) {
            throw new IllegalStateException("申报表当前状态为“" + d.status().label() + "”，不能" + action
                    + "（需为“" + wanted.label() + "”）");
        }
    }

    private DeclarationStamp visible(Scope scope, Long id) {
        return stamps.stamp(id).filter(x -> scope.canSee(x.unitId(), x.unitRegion()))
                .orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(Long id) {
        return new NotFoundException("申报表不存在：" + Objects.toString(id));
    }
}
