package cn.perf.web.session;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Browser sessions for MockMvc tests. Sessions live in PostgreSQL (Spring Session's filter), found by the
 * {@code SESSION} cookie as a browser sends it; a {@code MockHttpSession} given to a request is not seen any more.
 */
public final class TestSessions {

    public static final String COOKIE = "SESSION";

    private TestSessions() {
    }

    /**
     * A new anonymous session, stored as the session filter stores one, and its cookie. No page starts one for an
     * anonymous visitor any more (there is no request cache: a sign-in always lands on the home page, and the login
     * page keeps its CSRF token in a cookie), so a test that needs a session before the sign-in makes it here.
     */
    public static Cookie fresh(SessionRepository<?> sessions) {
        return stored(sessions);
    }

    private static <S extends Session> Cookie stored(SessionRepository<S> sessions) {
        S session = sessions.createSession();
        sessions.save(session);
        return new Cookie(COOKIE, Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The session cookie to send next: the one the response set, else the current one. A request authenticated by
     * MockMvc's {@code user(…)} counts as a fresh sign-in for Spring Security, which changes the session's id
     * (session fixation protection) and so the cookie, as a browser would see it.
     */
    public static Cookie next(Cookie current, MvcResult result) {
        Cookie cookie = result.getResponse().getCookie(COOKIE);
        return cookie == null || cookie.getValue().isEmpty() ? current : new Cookie(COOKIE, cookie.getValue());
    }

    /** The session cookie a response set. */
    public static Cookie of(MvcResult result) {
        Cookie cookie = result.getResponse().getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            throw new AssertionError("no " + COOKIE + " cookie in the response to " + result.getRequest().getRequestURI());
        }
        return new Cookie(COOKIE, cookie.getValue());
    }

    /**
     * Follows a redirect as a browser does: with the session cookie the response set, if it set one, and the cookies of
     * its one-time notices (已保存 …: {@link CookieFlashMaps}), which is signed for that session. MockMvc's own
     * {@code flashAttrs} would put them into a mock session that Spring Session's filter never reads.
     */
    public static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder carrying(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder next, MvcResult redirect) {
        for (Cookie cookie : redirect.getResponse().getCookies()) {
            boolean carried = COOKIE.equals(cookie.getName()) || cookie.getName().startsWith(CookieFlashMaps.COOKIE);
            if (carried && !cookie.getValue().isEmpty()) {
                next = next.cookie(new Cookie(cookie.getName(), cookie.getValue()));
            }
        }
        return next;
    }

    /** The session id in the database ({@code spring_session.session_id}) behind a cookie value (Base64). */
    public static String id(String cookieValue) {
        return new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.UTF_8);
    }
}
