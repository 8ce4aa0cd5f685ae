package cn.perf.domain.scope;

import cn.perf.domain.account.AccountProfile;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed-in person as one request sees them: who they are (the page header, the home page) and what they may
 * see and file. Built once per request from the database (nothing kept in a node's memory between requests).
 *
 * @param profile the account with its unit; null for an unknown user
 * @param scope   what the account may see and file ({@link Scope#none} for an unknown or disabled account)
 */
public record Viewer(AccountProfile profile, Scope scope) {

    public Viewer {
        Objects.requireNonNull(scope, "scope");
    }

    /** Nobody signed in, or an account that no longer exists: no profile, sees nothing. */
    public static Viewer unknown(String username) {
        return new Viewer(null, Scope.none(username));
    }

    public Optional<AccountProfile> profileIfKnown() {
        return Optional.ofNullable(profile);
    }
}
