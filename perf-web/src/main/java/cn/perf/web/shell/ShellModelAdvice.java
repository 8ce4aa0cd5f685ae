package cn.perf.web.shell;

import cn.perf.web.scope.RequestViewer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the page shell ({@code templates/fragments/layout.html}) needs on every page, added to every model:
 * <ul>
 *   <li>{@code currentPath}: the path the user asked for, without the context path (for an error page, the path
 *       that failed, not {@code /error}); the menu highlights the entry it belongs to;</li>
 *   <li>{@code currentUser}: the signed-in person's {@link cn.perf.domain.account.AccountProfile} (display name,
 *       unit name, roles) for the top bar; absent when nobody is signed in. Read once per request together with
 *       the user's scope ({@link RequestViewer}).</li>
 *   <li>{@code shellAccess}: which menu entries the user's roles open ({@link ShellAccess}).</li>
 * </ul>
 * Safe on error dispatches, where there may be no principal at all.
 */
@ControllerAdvice
class ShellModelAdvice {

    private static final Logger log = LoggerFactory.getLogger(ShellModelAdvice.class);

    private final RequestViewer viewers;

    ShellModelAdvice(RequestViewer viewers) {
        this.viewers = viewers;
    }

    @ModelAttribute
    void shell(HttpServletRequest request, Principal principal, Model model) {
        model.addAttribute("currentPath", currentPath(request));
        model.addAttribute("shellAccess",
                ShellAccess.of(principal instanceof Authentication who ? who : null));
        if (principal == null || principal instanceof AnonymousAuthenticationToken) {
            return;
        }
        if (request.getDispatcherType() == DispatcherType.ERROR
                && Integer.valueOf(503).equals(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE))) {
            // The 503 page (DatabaseUnavailable): the database is what failed; asking it again for the profile would
            // make the user wait the pool's whole wait a second time (6 s instead of 3 s in fault-pg-restart.sh).
            return;
        }
        try {
            viewers.of(request).profileIfKnown().ifPresent(profile -> model.addAttribute("currentUser", profile));
        } catch (RuntimeException e) {
            if (request.getDispatcherType() != DispatcherType.ERROR) {
                throw e;
            }
            // The error page must render even when the lookup is what failed (say, the database is down);
            // the top bar then shows the login name instead.
            log.warn("No profile for the error page of {}: {}", principal.getName(), e.toString());
        }
    }

    static String currentPath(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        if (uri == null) {
            return "/";
        }
        if (context != null && !context.isEmpty() && uri.startsWith(context)) {
            uri = uri.substring(context.length());
        }
        return uri.isEmpty() ? "/" : uri;
    }
}
