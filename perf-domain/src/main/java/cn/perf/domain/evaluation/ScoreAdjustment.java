package cn.perf.domain.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reviewer's change of one indicator's score during 审核, with the reason (财预〔2020〕10号: a reduction is
 * recorded, never silent). Append-only: adjustments are never edited or removed.
 */
@Entity
@Table(name = "self_evaluation_adjustment")
public class ScoreAdjustment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "self_evaluation_id", nullable = false)
    private SelfEvaluation evaluation;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "indicator_position", nullable = false)
    private int indicatorPosition;

    @Column(name = "indicator_name", nullable = false, length = 500)
    private String indicatorName;

    /** The score before the change (adjusted, else computed, else recorded); {@code null} if there was none. */
    @Column(name = "previous_score", precision = 7, scale = 2)
    private BigDecimal previousScore;

    @Column(name = "adjusted_score", nullable = false, precision = 7, scale = 2)
    private BigDecimal adjustedScore;

    @Column(name = "reason", nullable = false, columnDefinition = "text")
    private String reason;

    @Column(name = "reviewer", nullable = false, length = 100)
    private String reviewer;

    @Column(name = "adjusted_at", nullable = false)
    private Instant adjustedAt;

    protected ScoreAdjustment() {
        // for JPA
    }

    ScoreAdjustment(SelfEvaluation evaluation, int position, EvaluationIndicator indicator, BigDecimal previousScore,
                    BigDecimal adjustedScore, String reason, String reviewer, Instant adjustedAt) {
        this.evaluation = evaluation;
        this.position = position;
        this.indicatorPosition = indicator.position();
        this.indicatorName = indicator.name();
        this.previousScore = previousScore;
        this.adjustedScore = adjustedScore;
        this.reason = reason;
        this.reviewer = reviewer;
        this.adjustedAt = adjustedAt;
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public int indicatorPosition() {
        return indicatorPosition;
    }

    public String indicatorName() {
        return indicatorName;
    }

    public BigDecimal previousScore() {
        return previousScore;
    }

    public BigDecimal adjustedScore() {
        return adjustedScore;
    }

    public String reason() {
        return reason;
    }

    public String reviewer() {
        return reviewer;
    }

    public Instant adjustedAt() {
        return adjustedAt;
    }
}
