package cn.perf.domain.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: failed sign-ins and locks, kept in the database so that every application node sharing it sees the same
 * count (no in-memory counters). Each method is one atomic statement.
 */
public interface AccountLocks {

    /** A lock as the security administrator's page lists it. */
    record Lock(String username, String displayName, int failedLogins, Instant lockedUntil) {
    }

    /**
     * Counts one failed sign-in of {@code username} (nothing when no such account exists) and, when it reaches
     * {@code maxFailures}, locks the account until {@code now + duration} and starts the count again.
     *
     * @return the lock's end when this very failure locked the account
     */
    Optional<Instant> recordFailure(String username, int maxFailures, Duration duration, Instant now);

    /** A successful sign-in: the failure count starts again. */
    void recordSuccess(String username);

    /** Lifts a lock that is still in force; returns whether there was one. */
    boolean unlock(String username, Instant now);

    /** Accounts locked at {@code now}, by user name. */
    List<Lock> lockedAt(Instant now);
}
