package cn.perf.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where the CSRF token is kept: in the session once the visitor has one (every signed-in user), in a cookie before
 * (issue 12, deadline week and faults). Spring Security keeps it in the session by default, so the login page
 * started a session for every visitor who only looked at it: a session row written to PostgreSQL (with its
 * attributes, WAL and a commit) per view of {@code /login}, and a flood of {@code GET /login} wrote one per request.
 * Now a visitor without a session gets the token in a cookie ({@value #COOKIE}: HttpOnly, SameSite=Lax, Secure on a
 * secure request), the classic double-submit check: the posted token must match the cookie, which another site can
 * neither read nor make the browser send with a cross-site POST. The sign-in then starts the session, and Spring
 * Security's CSRF strategy replaces the token ({@code saveToken(null)}: the cookie is removed) with a new one kept in
 * the session, as before.
 *
 * <p>A request with a session whose token is missing falls back to the cookie: a login page opened before another
 * tab started a session (an anonymous visit to a protected page saves that request in a new session) still signs in.
 * Tokens of both kinds carry the same header and parameter names ({@code X-CSRF-TOKEN}, {@code _csrf}), which the
 * pages print for htmx.
 */
final class SignInCsrfTokens implements CsrfTokenRepository {

    static final String COOKIE = "PERF-CSRF";

    private final HttpSessionCsrfTokenRepository inSession = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository inCookie = new CookieCsrfTokenRepository();

    SignInCsrfTokens() {
        CsrfToken names = inSession.generateToken(null);
        inCookie.setHeaderName(names.getHeaderName());
        inCookie.setParameterName(names.getParameterName());
        inCookie.setCookieName(COOKIE);
        inCookie.setCookieCustomizer(cookie -> cookie.sameSite("Lax").httpOnly(true));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return inSession.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        boolean hasSession = request.getSession(false) != null;
        boolean hasCookie = inCookie.loadToken(request) != null;
        if (token == null) {
            if (hasSession) {
                inSession.saveToken(null, request, response);
            }
            if (hasCookie) {
                inCookie.saveToken(null, request, response);
            }
        } else if (hasSession) {
            inSession.saveToken(token, request, response);
            if (hasCookie) {
                inCookie.saveToken(null, request, response);
            }
        } else {
            inCookie.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        CsrfToken kept = request.getSession(false) == null ? null : inSession.loadToken(request);
        return kept != null ? kept : inCookie.loadToken(request);
    }
}
