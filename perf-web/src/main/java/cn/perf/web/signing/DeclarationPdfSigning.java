package cn.perf.web.signing;

import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationReview.HistoryRow;
import cn.perf.domain.declaration.DeclarationSignatures;
import cn.perf.domain.declaration.DeclarationSignatures.ToSign;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.SignedDeclarationPdf;
import cn.perf.reports.sign.PdfSigner;
import cn.perf.reports.sign.SignatureBlock;
import cn.perf.reports.sign.SigningKey;
import cn.perf.reports.view.DeclarationViews;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs one approved declaration, start to end: reads what to sign ({@link DeclarationSignatures#toSign}, its own
 * transaction), draws the 申报表 with its 审核记录 from the same export view as {@code /pdf} and signs it
 * ({@link PdfSigner}, no transaction, no connection held), and keeps the bytes ({@link DeclarationSignatures#store},
 * one insert). Nothing is written before the signature is complete, so a failure or a crash leaves no partial row
 * and the declaration stays on the backfill's list. Used by {@link SignOnApproval} and {@link SignedPdfBackfill};
 * safe to call twice or from two nodes at once (the first stored PDF of a version stays).
 */
final class DeclarationPdfSigning {

    private static final Logger log = LoggerFactory.getLogger(DeclarationPdfSigning.class);

    private final DeclarationSignatures signatures;
    private final PdfSigner signer;
    private final SigningKeySource keys;
    private final Clock clock;

    DeclarationPdfSigning(DeclarationSignatures signatures, PdfSigner signer, SigningKeySource keys, Clock clock) {
        this.signatures = signatures;
        this.signer = signer;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Signs declaration {@code id} if it is approved and has no signed PDF yet; returns whether a signed PDF was
     * stored by this call.
     *
     * @throws RuntimeException when drawing, signing or storing fails (the caller logs; the backfill retries)
     */
    boolean sign(Long id) {
        ToSign toSign = signatures.toSign(id).orElse(null);
        if (toSign == null) {
            return false;
        }
        long started = System.nanoTime();
        DeclarationDetail d = toSign.detail();
        SigningKey key = keys.current();
        Instant now = clock.instant();
        byte[] pdf = signer.sign(DeclarationViews.of(d, toSign.history()), block(toSign, now), key, now);
        boolean stored = signatures.store(SignedDeclarationPdf.of(d.id(), d.version(), pdf, key.signerName(),
                key.demo(), now));
        log.info("申报表 {}（第 {} 版）签章版 PDF {}：{} 字节，{}，用时 {} ms", d.id(), d.version(),
                stored ? "已保存" : "已由其他节点保存", pdf.length, key.signerName(),
                (System.nanoTime() - started) / 1_000_000);
        return stored;
    }

    /** The block's facts: the approving step when the history has one, else what the declaration itself records. */
    static SignatureBlock block(ToSign toSign, Instant now) {
        DeclarationDetail d = toSign.detail();
        HistoryRow a = toSign.approval();
        String reviewer = a == null ? null : a.actorName() != null ? a.actorName() : a.username();
        Instant at = a != null ? a.at() : d.updatedAt() != null ? d.updatedAt() : now;
        String comment = a != null && a.comment() != null ? a.comment() : d.reviewComment();
        return new SignatureBlock(reviewer, a == null ? null : a.actorUnit(), at, DeclarationStatus.APPROVED.label(),
                d.financeGrade().label(), comment);
    }
}
