package cn.perf.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import cn.perf.web.session.TestSessions;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Session fixation, one session per user, security headers, and hashes stored before the delegating encoder. */
@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
class SessionsAndHeadersTest {

    /** Where the session filter keeps sessions: an anonymous session is made there (TestSessions.fresh). */
    @Autowired
    SessionRepository<?> sessionStore;

    @Autowired
    MockMvc mvc;

    @Autowired
    SecurityTestAccounts testAccounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theSessionIdChangesAtLogin() throws Exception {
        String username = testAccounts.create("fixation", false);
        Cookie before = TestSessions.fresh(sessionStore);
        MvcResult login = mvc.perform(post("/login").param("username", username)
                .param("password", SecurityTestAccounts.PASSWORD).with(csrf()).cookie(before))
                .andExpect(authenticated()).andReturn();
        Cookie after = TestSessions.of(login);
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        mvc.perform(get("/").cookie(after)).andExpect(status().isOk());
        mvc.perform(get("/").cookie(before)).andExpect(redirectedUrl("/login"));
    }

    /**
     * An anonymous visit to a page that needs a sign-in is sent to the login page and starts no session: there is no
     * request cache (a sign-in lands on the home page), so nothing is written to PostgreSQL for it — a client whose
     * sign-in is refused under load does not make a session per page it tries (issue 12).
     */
    @Test
    void anAnonymousVisitToAProtectedPageStartsNoSession() throws Exception {
        for (String page : new String[] {"/todo", "/declarations", "/declarations/1/edit", "/"}) {
            MvcResult visit = mvc.perform(get(page)).andExpect(redirectedUrl("/login")).andReturn();
            assertThat(visit.getResponse().getCookie(TestSessions.COOKIE)).as(page).isNull();
            assertThat(visit.getResponse().getHeaders("Set-Cookie")).as(page)
                    .noneMatch(c -> c.startsWith(TestSessions.COOKIE + "="));
        }
    }

    @Test
    void aNewLoginEndsTheOlderSessionWhichIsToldSo() throws Exception {
        String username = testAccounts.create("single", false);
        Cookie first = TestSessions.of(mvc.perform(formLogin().user(username)
                .password(SecurityTestAccounts.PASSWORD)).andExpect(authenticated()).andReturn());
        mvc.perform(get("/").cookie(first)).andExpect(status().isOk());

        Cookie second = TestSessions.of(mvc.perform(formLogin().user(username)
                .password(SecurityTestAccounts.PASSWORD)).andExpect(authenticated()).andReturn());

        mvc.perform(get("/").cookie(second)).andExpect(status().isOk());
        mvc.perform(get("/").cookie(first)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/login").param("expired", "")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("已在其他地方登录")));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", allOf(containsString("default-src 'self'"),
                        containsString("frame-ancestors 'none'"), containsString("object-src 'none'"))))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Permissions-Policy", allOf(containsString("camera=()"),
                        containsString("microphone=()"), containsString("geolocation=()"))))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    @Test
    void hstsIsSentOverTls() throws Exception {
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security",
                        allOf(containsString("max-age=31536000"), containsString("includeSubDomains"))));
    }

    @Test
    void newHashesAreDelegatingAndOldPlainBcryptHashesStillMatch() {
        String plainBcrypt = new BCryptPasswordEncoder().encode("Old-hash-2024");
        assertThat(encoder.matches("Old-hash-2024", plainBcrypt)).isTrue();
        assertThat(encoder.matches("other", plainBcrypt)).isFalse();
        assertThat(encoder.encode("Kq83!mzt07x")).startsWith("{bcrypt}$2");
    }

    @Test
    void anOldPlainBcryptHashLogsInAndIsUpgradedToTheDelegatingForm() throws Exception {
        String username = testAccounts.create("legacy", false);
        jdbc.update("update user_account set password_hash = ? where username = ?",
                new BCryptPasswordEncoder().encode(SecurityTestAccounts.PASSWORD), username);
        mvc.perform(formLogin().user(username).password(SecurityTestAccounts.PASSWORD)).andExpect(authenticated());
        assertThat(jdbc.queryForObject("select password_hash from user_account where username = ?", String.class,
                username)).startsWith("{bcrypt}$2");
        mvc.perform(formLogin().user(username).password(SecurityTestAccounts.PASSWORD)).andExpect(authenticated());
    }
}
