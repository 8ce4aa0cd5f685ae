package cn.perf.scoring.sheet;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A reviewer's score for a row (审核人调整), e.g. a moderate reduction for an over-achieved target (财预〔2020〕10号)
 * or the score of a row left to the reviewer. The reason is mandatory: a score is never changed silently.
 *
 * @param score    the reviewer's score, within [0, weight] (checked when scoring)
 * @param reason   why, non-blank
 * @param reviewer who (optional, may be empty)
 */
public record ReviewerAdjustment(BigDecimal score, String reason, String reviewer) {
    public ReviewerAdjustment {
        Objects.requireNonNull(score, "score");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("审核人调整得分必须写明理由");
        }
        reviewer = reviewer == null ? "" : reviewer;
    }

    public ReviewerAdjustment(BigDecimal score, String reason) {
        this(score, reason, "");
    }
}
