package cn.perf.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perf.web.session.TestSessions;
import jakarta.servlet.http.Cookie;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The login page starts no session: its CSRF token is a cookie until the sign-in, which starts the session and keeps
 * the next token there ({@link SignInCsrfTokens}). The posted token must match the cookie.
 * <p>A context of its own (the extra property). In the context these tests would otherwise share with other classes,
 * after those ran, the login page's token was saved by spring-security-test's {@code TestCsrfTokenRepository} around
 * Spring Security's session repository (its {@code csrf()} post-processor swaps the CSRF filter's repository for a
 * wrapper), so the shared context tests the wrapper instead of the application's repository.
 */
@SpringBootTest(properties = {"perf.demo-data=true", "perf.test.context=sign-in-csrf"})
@AutoConfigureMockMvc
class SignInCsrfTokensTest {

    /** Where the session filter keeps sessions: an anonymous session is made there (TestSessions.fresh). */
    @Autowired
    SessionRepository<?> sessionStore;

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    SecurityTestAccounts testAccounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLoginPageWritesNoSessionAndTheSignInNeedsTheCookieAndTheTokenTogether() throws Exception {
        String username = testAccounts.create("csrf-cookie", false);
        long sessions = sessions();
        MvcResult page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
        assertThat(page.getResponse().getCookie(TestSessions.COOKIE)).as("a session cookie").isNull();
        assertThat(sessions()).as("session rows after viewing the login page").isEqualTo(sessions);
        Cookie cookie = page.getResponse().getCookie(SignInCsrfTokens.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
        String token = token(FORM_TOKEN, page);

        mvc.perform(post("/login").param("username", username).param("password", SecurityTestAccounts.PASSWORD)
                .param("_csrf", token)).andExpect(status().isForbidden()).andExpect(unauthenticated());
        mvc.perform(post("/login").cookie(cookie).param("username", username)
                        .param("password", SecurityTestAccounts.PASSWORD).param("_csrf", token + "x"))
                .andExpect(status().isForbidden()).andExpect(unauthenticated());
        assertThat(sessions()).as("session rows after two refused sign-ins").isEqualTo(sessions);

        MvcResult login = mvc.perform(post("/login").cookie(cookie).param("username", username)
                        .param("password", SecurityTestAccounts.PASSWORD).param("_csrf", token))
                .andExpect(authenticated()).andExpect(redirectedUrl("/")).andReturn();
        Cookie session = TestSessions.of(login);
        Cookie removed = login.getResponse().getCookie(SignInCsrfTokens.COOKIE);
        assertThat(removed).as("the cookie token, removed at the sign-in").isNotNull();
        assertThat(removed.getMaxAge()).isZero();

        // signed in, the token is kept in the session: pages set no cookie, and a form posts with the session alone
        MvcResult home = mvc.perform(get("/").cookie(session)).andExpect(status().isOk()).andReturn();
        assertThat(home.getResponse().getCookie(SignInCsrfTokens.COOKIE)).isNull();
        mvc.perform(post("/logout").cookie(session).param("_csrf", token(META_TOKEN, home)))
                .andExpect(redirectedUrl("/login?logout"));
    }

    /**
     * A login page opened before there was a session still signs in when the sign-in comes with a session that holds
     * no token yet: the token of the login page's cookie counts until the session holds one.
     */
    @Test
    void aSessionStartedAfterTheLoginPageWasOpenedDoesNotRefuseItsToken() throws Exception {
        String username = testAccounts.create("csrf-two-tabs", false);
        MvcResult page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
        Cookie cookie = page.getResponse().getCookie(SignInCsrfTokens.COOKIE);
        Cookie anonymous = TestSessions.fresh(sessionStore);
        mvc.perform(post("/login").cookie(anonymous, cookie).param("username", username)
                        .param("password", SecurityTestAccounts.PASSWORD).param("_csrf", token(FORM_TOKEN, page)))
                .andExpect(authenticated());
    }

    private long sessions() {
        return jdbc.queryForObject("select count(*) from spring_session", Long.class);
    }

    private static String token(Pattern pattern, MvcResult page) throws Exception {
        Matcher m = pattern.matcher(page.getResponse().getContentAsString());
        assertThat(m.find()).as("a CSRF token on " + page.getRequest().getRequestURI()).isTrue();
        return m.group(1);
    }
}
