package cn.perf.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until an account flagged "must change password" has done so, every page redirects to {@code /account/password}
 * (the page itself, logout, static assets and errors excepted). Not a bean: it runs in the security chain only.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    /** The authority of a signed-in user who must change the password first. */
    static final String AUTHORITY = "PASSWORD_CHANGE_REQUIRED";

    static final String PAGE = "/account/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who != null && who.getAuthorities().stream().anyMatch(a -> AUTHORITY.equals(a.getAuthority()))
                && !allowed(request.getRequestURI().substring(request.getContextPath().length()))) {
            response.sendRedirect(request.getContextPath() + PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowed(String path) {
        return path.equals(PAGE) || path.equals("/logout") || path.equals("/error") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/webjars/") || path.startsWith("/actuator/health");
    }
}
