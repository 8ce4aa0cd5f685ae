package cn.perf.domain.apitoken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: personal API tokens, kept in the database (implemented by perf-persistence). Only the SHA-256 of a token's
 * secret is stored, never the secret; a token is found by its public key id and its secret compared with the stored
 * digest in constant time ({@link ApiTokenService}).
 */
public interface ApiTokens {

    /**
     * A stored token as authentication needs it, with its account's state read in the same statement.
     *
     * @param secretSha256   the SHA-256 of the secret (32 bytes)
     * @param accountEnabled whether the owning account may sign in now
     */
    record Stored(Long id, String username, String keyId, byte[] secretSha256, Instant expiresAt, Instant revokedAt,
                  boolean accountEnabled) {
    }

    /**
     * Stores a new token of the account {@code username}.
     *
     * @return its id; empty when there is no such account
     */
    Optional<Long> insert(String username, String name, String keyId, byte[] secretSha256, Instant createdAt,
                          Instant expiresAt);

    /** The tokens of {@code username}, newest first (revoked and expired ones too). */
    List<ApiToken> listFor(String username);

    /** How many tokens of {@code username} are neither revoked nor expired at {@code now}. */
    int countUsable(String username, Instant now);

    /** The token with this key id and its account's state. */
    Optional<Stored> findByKeyId(String keyId);

    /** One token of {@code username} (empty when it is someone else's or does not exist). */
    Optional<ApiToken> find(String username, long id);

    /** Revokes a token of {@code username} that is not revoked yet; returns whether it was. */
    boolean revoke(String username, long id, Instant now);

    /**
     * Records a use at {@code now}. Writes at most about once a minute per token (a busy program's calls do not each
     * update the row).
     */
    void markUsed(long id, Instant now);
}
