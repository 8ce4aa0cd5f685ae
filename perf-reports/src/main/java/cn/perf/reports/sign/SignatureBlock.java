package cn.perf.reports.sign;

import java.time.Instant;
import java.util.Objects;

/**
 * What the visible signature block of an approved 申报表 states about the bureau's review (the signer and the time of
 * signing are added by {@link PdfSigner} from the key and the clock).
 *
 * @param reviewer     the 财政审核 reviewer's name as the review history recorded it; null when not recorded (the
 *                     demo approves its seeds without review steps)
 * @param reviewerUnit the reviewer's unit, may be null
 * @param reviewedAt   when the grade was given (the history step, else the declaration's last change)
 * @param conclusion   the 审核结论, e.g. 财政审核通过
 * @param grade        the 审核等级's label, e.g. 优
 * @param comment      the 审核意见, may be null (printed on one line, shortened; the full text is on the 审核记录 page)
 */
public record SignatureBlock(String reviewer, String reviewerUnit, Instant reviewedAt, String conclusion,
                             String grade, String comment) {

    public SignatureBlock {
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        Objects.requireNonNull(conclusion, "conclusion");
        Objects.requireNonNull(grade, "grade");
    }
}
