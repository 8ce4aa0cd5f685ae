package cn.perf.domain.audit;

import cn.perf.domain.shared.ResultPage;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The audit log (DESIGN.md §4: every state change and every edit — who, when, what, before/after; logins, lockouts,
 * refused access): append-only and tamper-evident. Each entry is chained to the one before by its hash
 * ({@link AuditChain}) under a gap-free sequence number, in one linear chain however many application nodes
 * append. Implemented in perf-persistence on PostgreSQL.
 */
public interface AuditLog {

    /**
     * Appends one entry, in the caller's transaction when there is one (if the change rolls back, so does its
     * entry), else in its own.
     */
    AuditEntry append(AuditRecord record);

    /** One page of entries matching the search, newest first. */
    ResultPage<AuditEntry> search(AuditSearch search);

    /** Every entry matching the search (its page ignored), newest first, streamed from the database. */
    void export(AuditSearch search, Consumer<AuditEntry> sink);

    /** Checks the whole chain, from the purge anchor to the chain head. */
    AuditVerification verify();

    /**
     * Deletes the entries that occurred before {@code cutoff}, keeping the chain verifiable (the last purged entry's
     * hash becomes the anchor), and records the purge as an entry. Runs on one node at a time: another node's
     * concurrent call returns {@link Purge#skipped()}.
     */
    Purge purgeBefore(Instant cutoff);

    /** What a purge did: whether it ran, how many entries it deleted, and the new anchor. */
    record Purge(boolean ran, long deleted, long anchorSeq) {

        public static Purge skipped() {
            return new Purge(false, 0, -1);
        }
    }
}
