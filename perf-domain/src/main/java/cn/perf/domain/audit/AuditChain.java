package cn.perf.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of the audit log: each entry's SHA-256 is taken over its canonical content and the previous
 * entry's hash, so altering, inserting or deleting an entry shows at that entry. The canonical content is a JSON
 * array of the fields in a fixed order (unambiguous whatever the values contain):
 * {@code ["perf-audit-v1", seq, prevHash, occurredAt (ISO-8601, UTC), actor, address, action, subjectType,
 * subjectId, details (JSON object text)]}. The first entry's {@code prevHash} is {@link #GENESIS}.
 */
public final class AuditChain {

    /** The previous hash of the first entry ever appended. */
    public static final String GENESIS = "0".repeat(64);

    private static final String VERSION = "perf-audit-v1";

    private AuditChain() {
    }

    public static String canonical(long seq, String prevHash, AuditRecord r) {
        StringBuilder s = new StringBuilder(256).append('[');
        DetailsJson.string(s, VERSION).append(',').append(seq).append(',');
        DetailsJson.string(s, prevHash).append(',');
        DetailsJson.string(s, r.occurredAt().toString()).append(',');
        DetailsJson.string(s, r.actor()).append(',');
        DetailsJson.string(s, r.address()).append(',');
        DetailsJson.string(s, r.action()).append(',');
        DetailsJson.string(s, r.subjectType()).append(',');
        DetailsJson.string(s, r.subjectId()).append(',');
        DetailsJson.string(s, DetailsJson.write(r.details()));
        return s.append(']').toString();
    }

    /** Lower-case hex SHA-256 of the canonical content. */
    public static String hash(long seq, String prevHash, AuditRecord record) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical(seq, prevHash, record)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
