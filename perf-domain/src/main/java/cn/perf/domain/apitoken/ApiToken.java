package cn.perf.domain.apitoken;

import java.time.Instant;

/**
 * A personal API token as its owner's page lists it: name, the public key id (the part of the token that names it;
 * the secret is never kept), when it was made, when it runs out, when it was last used, whether it was revoked.
 */
public record ApiToken(Long id, String name, String keyId, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                       Instant revokedAt) {

    /** Whether a token may be used, and if not why. */
    public enum State {
        ACTIVE, EXPIRED, REVOKED
    }

    public State stateAt(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return now.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED;
    }

    /** The beginning of the token as its owner sees it in the list, e.g. {@code perf_k3m9…}. */
    public String shownPrefix() {
        return TokenSecret.PREFIX + keyId;
    }
}
