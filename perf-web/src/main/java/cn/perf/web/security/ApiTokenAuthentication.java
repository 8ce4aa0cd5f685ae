package cn.perf.web.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a personal API token: the principal is the token owner's user name, nothing more. No
 * roles are copied into it — the URL rules ({@link CurrentRoles}) and the scope read the account's roles and units
 * from the database on each request, as they do for a page — so a role withdrawn or an account disabled applies to
 * the next call.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    static final String AUTHORITY = "API_TOKEN";

    private final String username;
    private final long tokenId;
    private final String keyId;

    ApiTokenAuthentication(String username, long tokenId, String keyId) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.username = username;
        this.tokenId = tokenId;
        this.keyId = keyId;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null; // the token itself is never kept
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    long tokenId() {
        return tokenId;
    }

    String keyId() {
        return keyId;
    }
}
