package cn.perf.domain.declaration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of a declaration's review history (审核记录): a submit, a review decision, a grade, an adjustment. Who
 * (username, and the display name and unit as they were at that moment), when, what, the grade and the comment,
 * and the status before and after. Written once, never changed.
 */
@Entity
@Table(name = "declaration_review_step")
public class ReviewStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "declaration_id", nullable = false)
    private Long declarationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 32)
    private ReviewAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "grade", length = 16)
    private FinanceGrade grade;

    @Column(name = "comment", length = 2000)
    private String comment;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false, length = 32)
    private DeclarationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 32)
    private DeclarationStatus toStatus;

    @Column(name = "actor_username", nullable = false, length = 64)
    private String actorUsername;

    @Column(name = "actor_name", length = 64)
    private String actorName;

    @Column(name = "actor_unit", length = 200)
    private String actorUnit;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected ReviewStep() {
        // for JPA
    }

    public ReviewStep(Long declarationId, ReviewAction action, FinanceGrade grade, String comment,
                      DeclarationStatus fromStatus, DeclarationStatus toStatus, String actorUsername,
                      String actorName, String actorUnit, Instant occurredAt) {
        this.declarationId = Objects.requireNonNull(declarationId, "declarationId");
        this.action = Objects.requireNonNull(action, "action");
        this.grade = grade;
        this.comment = comment;
        this.fromStatus = Objects.requireNonNull(fromStatus, "fromStatus");
        this.toStatus = Objects.requireNonNull(toStatus, "toStatus");
        this.actorUsername = Objects.requireNonNull(actorUsername, "actorUsername");
        this.actorName = actorName;
        this.actorUnit = actorUnit;
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public Long id() {
        return id;
    }

    public Long declarationId() {
        return declarationId;
    }

    public ReviewAction action() {
        return action;
    }

    public FinanceGrade grade() {
        return grade;
    }

    public String comment() {
        return comment;
    }

    public DeclarationStatus fromStatus() {
        return fromStatus;
    }

    public DeclarationStatus toStatus() {
        return toStatus;
    }

    public String actorUsername() {
        return actorUsername;
    }

    /** The display name, or the username when the account was unknown. */
    public String actorName() {
        return actorName != null ? actorName : actorUsername;
    }

    public String actorUnit() {
        return actorUnit;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
