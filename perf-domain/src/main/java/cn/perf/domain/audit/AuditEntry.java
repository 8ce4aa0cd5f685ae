package cn.perf.domain.audit;

/**
 * One stored entry of the audit log: its gap-free sequence number, the record, the hash of the entry before it
 * ({@code prevHash}) and its own hash over both ({@link AuditChain#hash}).
 */
public record AuditEntry(long seq, AuditRecord record, String prevHash, String hash) {

    /** Whether the stored hash is the hash of the stored content. */
    public boolean intact() {
        return AuditChain.hash(seq, prevHash, record).equals(hash);
    }
}
