package cn.perf.web.scope;

import cn.perf.domain.scope.ScopeResolver;
import cn.perf.domain.scope.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The signed-in user of the current request ({@link Viewer}: profile for the shell, scope for the use cases), read
 * once per request and kept in a request attribute, so the page header and the controller do not read the account
 * twice. Between requests the account's row is this node's copy only while PostgreSQL's notifications keep it
 * current ({@code cn.perf.persistence.changes.ChangeFeed}): any node serves any request, and a change of roles or
 * units applies from the next request on (on another node, once its notification has arrived: milliseconds).
 */
@Component
public class RequestViewer {

    private static final String ATTRIBUTE = RequestViewer.class.getName();

    private final ScopeResolver scopes;

    RequestViewer(ScopeResolver scopes) {
        this.scopes = scopes;
    }

    /** The request's viewer; {@link Viewer#unknown} when nobody is signed in. */
    public Viewer of(HttpServletRequest request) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof Viewer viewer) {
            return viewer;
        }
        Principal principal = request.getUserPrincipal();
        Viewer viewer = principal == null || principal instanceof AnonymousAuthenticationToken
                ? Viewer.unknown("anonymous") : scopes.viewer(principal.getName());
        request.setAttribute(ATTRIBUTE, viewer);
        return viewer;
    }
}
