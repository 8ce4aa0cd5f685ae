package cn.perf.domain.scope;

import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.Role;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in person as one request sees them: who they are (the page header, the home page) and what they may
 * see and file. Built once per request from the database (nothing kept in a node's memory between requests).
 *
 * @param profile the account with its unit; null for an unknown user
 * @param scope   what the account may see and file ({@link Scope#none} for an unknown or disabled account)
 * @param active  whether the account exists and is enabled: a disabled account's requests are refused (URL rules)
 */
public record Viewer(AccountProfile profile, Scope scope, boolean active) {

    public Viewer {
        Objects.requireNonNull(scope, "scope");
        if (profile == null && active) {
            throw new IllegalArgumentException("an unknown account is never active");
        }
    }

    /** A known, enabled account (or an unknown one when {@code profile} is null). */
    public Viewer(AccountProfile profile, Scope scope) {
        this(profile, scope, profile != null);
    }

    /** The roles the account holds now, as the database says on this request; none when not active. */
    public Set<Role> currentRoles() {
        return active ? profile.roles() : Set.of();
    }

    /** Nobody signed in, or an account that no longer exists: no profile, sees nothing. */
    public static Viewer unknown(String username) {
        return new Viewer(null, Scope.none(username));
    }

    public Optional<AccountProfile> profileIfKnown() {
        return Optional.ofNullable(profile);
    }
}
