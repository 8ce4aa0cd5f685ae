package cn.perf.web.security;

import cn.perf.domain.account.Role;
import cn.perf.domain.scope.Viewer;
import cn.perf.web.scope.RequestViewer;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * URL rules on the roles an account holds <em>now</em>: the account is read on each request ({@link RequestViewer},
 * the same read the page uses for its header and scope, from the database or from this node's copy that
 * PostgreSQL's notifications keep current), not from the authorities the session was given at sign-in. An
 * administrator's change of roles applies from the account's next request on (on another node, once the change's
 * notification has arrived), and a disabled (or deleted) account's next request is refused.
 */
@Component
class CurrentRoles {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final RequestViewer viewers;

    CurrentRoles(RequestViewer viewers) {
        this.viewers = viewers;
    }

    /** Signed in with an enabled account holding any role. */
    AuthorizationManager<RequestAuthorizationContext> signedIn() {
        return anyOf(EnumSet.allOf(Role.class));
    }

    /** Signed in with an enabled account holding one of {@code roles}. */
    AuthorizationManager<RequestAuthorizationContext> anyOf(Role first, Role... more) {
        return anyOf(EnumSet.of(first, more));
    }

    private AuthorizationManager<RequestAuthorizationContext> anyOf(Set<Role> roles) {
        Set<Role> allowed = EnumSet.copyOf(roles);
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                                 RequestAuthorizationContext context) {
                Authentication auth = authentication.get();
                if (auth == null || !auth.isAuthenticated() || TRUST.isAnonymous(auth)) {
                    return new AuthorizationDecision(false);
                }
                Viewer viewer = viewers.of(context.getRequest());
                boolean granted = viewer.profile() != null && viewer.profile().username().equals(auth.getName())
                        && viewer.currentRoles().stream().anyMatch(allowed::contains);
                return new AuthorizationDecision(granted);
            }

            @Override
            public String toString() {
                return "CurrentRoles" + allowed;
            }
        };
    }
}
