package cn.perf.domain.audit;

import cn.perf.domain.audit.AuditVerification.Kind;
import cn.perf.domain.audit.AuditVerification.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the audit chain in sequence order (entries fed one by one, so a large log streams) and names every entry
 * that was altered, deleted, replaced or slipped in. Starts at the purge anchor (the last purged entry's sequence
 * number and hash, or 0 and {@link AuditChain#GENESIS}) and ends at the chain head (the last appended entry's
 * sequence number and hash), so that deleting the newest entries shows too.
 */
public final class AuditVerifier {

    private final long anchorSeq;
    private final List<Problem> problems = new ArrayList<>();
    private long lastSeq;
    private String lastHash;
    private long checked;
    private long firstSeq;

    public AuditVerifier(long anchorSeq, String anchorHash) {
        this.anchorSeq = anchorSeq;
        this.lastSeq = anchorSeq;
        this.lastHash = anchorHash;
    }

    public void accept(AuditEntry e) {
        accept(e, true);
    }

    /**
     * @param storedAsWritten whether the stored details text is exactly what the log writes for them (a details
     *                        text rewritten into other but equivalent JSON counts as altered)
     */
    public void accept(AuditEntry e, boolean storedAsWritten) {
        checked++;
        if (firstSeq == 0) {
            firstSeq = e.seq();
        }
        if (e.seq() <= lastSeq) {
            problems.add(new Problem(Kind.UNEXPECTED, e.seq(), e.seq()));
            return;
        }
        boolean gap = e.seq() > lastSeq + 1;
        if (gap) {
            problems.add(new Problem(Kind.MISSING, lastSeq + 1, e.seq() - 1));
        }
        if (!storedAsWritten || !e.intact()) {
            problems.add(new Problem(Kind.ALTERED, e.seq(), e.seq()));
        } else if (!gap && !e.prevHash().equals(lastHash)) {
            problems.add(new Problem(Kind.LINK_BROKEN, e.seq(), e.seq()));
        }
        lastSeq = e.seq();
        lastHash = e.hash();
    }

    /** The result, given the chain head's last sequence number and hash. */
    public AuditVerification finish(long headSeq, String headHash) {
        if (headSeq > lastSeq) {
            problems.add(new Problem(Kind.MISSING, lastSeq + 1, headSeq));
        } else if (headSeq < lastSeq) {
            problems.add(new Problem(Kind.UNEXPECTED, headSeq + 1, lastSeq));
        } else if (headSeq > anchorSeq && !headHash.equals(lastHash)) {
            problems.add(new Problem(Kind.HEAD_MISMATCH, headSeq, headSeq));
        }
        return new AuditVerification(checked, firstSeq, checked == 0 ? 0 : lastSeq, anchorSeq, problems);
    }
}
