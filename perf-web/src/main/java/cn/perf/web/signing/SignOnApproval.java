package cn.perf.web.signing;

import cn.perf.domain.declaration.DeclarationEvents.DeclarationGraded;
import cn.perf.domain.declaration.DeclarationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When the bureau's grade approves a declaration (优 or 良), signs its PDF once the approval has committed — never
 * for an approval that rolls back. It runs in the thread that committed, so the reviewer's redirect waits for it
 * (tens of milliseconds) and the read view they land on already offers 下载签章版. A failure does not undo the
 * approval: it is logged, and {@link SignedPdfBackfill} tries again.
 */
final class SignOnApproval {

    private static final Logger log = LoggerFactory.getLogger(SignOnApproval.class);

    private final DeclarationPdfSigning signing;

    SignOnApproval(DeclarationPdfSigning signing) {
        this.signing = signing;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(DeclarationGraded event) {
        if (event.grade().outcome() != DeclarationStatus.APPROVED) {
            return;
        }
        try {
            signing.sign(event.declarationId());
        } catch (RuntimeException e) {
            log.warn("申报表 {} 财政审核通过后签章失败，稍后由补签任务重试：{}", event.declarationId(), e.toString(), e);
        }
    }
}
