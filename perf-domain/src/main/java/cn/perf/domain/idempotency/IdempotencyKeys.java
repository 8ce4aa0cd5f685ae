package cn.perf.domain.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the {@code Idempotency-Key}s of API writes, kept in the database (implemented by perf-persistence), so a
 * retry reaching another node, or the same node after a restart, is recognised.
 */
public interface IdempotencyKeys {

    /**
     * Claims {@code key} of {@code username} for a request with {@code fingerprint}, in the caller's transaction.
     * While another transaction holds an uncommitted claim of the same key, this waits for it to end.
     *
     * @return true when this call made the claim; false when the key was claimed before (and committed)
     */
    boolean claim(String username, String key, String fingerprint, Instant now);

    /** The fingerprint of the request that claimed {@code key} of {@code username}. */
    Optional<String> fingerprint(String username, String key);

    /**
     * Remembers, with {@code key} of {@code username} (claimed in this transaction), the id of what its request
     * created.
     */
    void remember(String username, String key, long resourceId);

    /** The id remembered with {@code key} of {@code username}, if its request created something. */
    Optional<Long> resourceId(String username, String key);

    /** Forgets the keys claimed before {@code before} (kept for a day). */
    int forget(Instant before);
}
