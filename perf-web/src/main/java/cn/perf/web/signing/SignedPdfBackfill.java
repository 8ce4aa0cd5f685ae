package cn.perf.web.signing;

import cn.perf.domain.declaration.DeclarationSignatures;
import cn.perf.domain.job.JobLocks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Signs every approved declaration that has no signed PDF: shortly after start-up (which gives the demo's approved
 * seeds theirs, and catches approvals whose signing failed or whose node stopped before it signed) and then every
 * {@code perf.signing.backfill-interval} (default 10 minutes). Every node schedules it and one at a time runs it
 * ({@link JobLocks}, job {@value #JOB}): the nodes started together do not all sign the same forms. (Were two to sign
 * the same one, they would waste a signature, never store two: the first stored one of a version stays.) A
 * declaration that fails is logged and skipped until the next run, so one bad form does not stop the others.
 */
final class SignedPdfBackfill {

    private static final Logger log = LoggerFactory.getLogger(SignedPdfBackfill.class);
    private static final int BATCH = 20;
    static final String JOB = "signing.backfill";

    private final DeclarationSignatures signatures;
    private final DeclarationPdfSigning signing;
    private final JobLocks locks;

    SignedPdfBackfill(DeclarationSignatures signatures, DeclarationPdfSigning signing, JobLocks locks) {
        this.signatures = signatures;
        this.signing = signing;
        this.locks = locks;
    }

    @Scheduled(initialDelayString = "${perf.signing.backfill-delay:PT2S}",
            fixedDelayString = "${perf.signing.backfill-interval:PT10M}")
    void scheduled() {
        if (!locks.runAlone(JOB, this::run)) {
            log.debug("补签：另一节点正在运行，本节点跳过");
        }
    }

    /** One pass; returns how many signed PDFs it stored. */
    synchronized int run() {
        Set<Long> failed = new HashSet<>();
        int stored = 0;
        while (true) {
            List<Long> ids = signatures.approvedWithoutSignedPdf(BATCH + failed.size()).stream()
                    .filter(id -> !failed.contains(id)).toList();
            if (ids.isEmpty()) {
                break;
            }
            for (Long id : ids) {
                try {
                    if (signing.sign(id)) {
                        stored++;
                    }
                } catch (RuntimeException e) {
                    failed.add(id);
                    log.warn("补签申报表 {} 失败，下次再试：{}", id, e.toString(), e);
                }
            }
        }
        if (stored > 0 || !failed.isEmpty()) {
            log.info("补签：{} 份申报表签章版 PDF 已保存，{} 份失败", stored, failed.size());
        }
        return stored;
    }
}
