package cn.perf.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import cn.perf.web.session.TestSessions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * "Try it out" in the Swagger UI with the browser's session: the UI's page hands its script the session's CSRF token
 * (cookie {@code XSRF-TOKEN}, path {@code /swagger-ui/}, SameSite=Strict), the UI's script copies it into
 * {@code X-CSRF-TOKEN} on its requests, and a session write with that header is accepted — without it, refused.
 */
class SwaggerUiCsrfTest extends ApiTestSupport {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Test
    void theUiSendsTheSessionsCsrfTokenAndASessionWriteWithItWorks() throws Exception {
        Cookie session = signedIn(CHENGGUAN_FILER);
        MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.get("/swagger-ui/index.html")
                .cookie(session)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        String setCookie = page.getHeaders("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie: " + page.getHeaders(
                        "Set-Cookie")));
        assertThat(setCookie).contains("Path=/swagger-ui/", "SameSite=Strict").doesNotContain("HttpOnly");
        String token = setCookie.substring("XSRF-TOKEN=".length(), setCookie.indexOf(';'));
        assertThat(token).isNotBlank();

        String script = mvc.perform(MockMvcRequestBuilders.get("/swagger-ui/swagger-initializer.js").cookie(session))
                .andReturn().getResponse().getContentAsString();
        assertThat(script).as("springdoc's CSRF support, with the header the API checks")
                .contains("requestInterceptor", "XSRF-TOKEN=", "X-CSRF-TOKEN");

        String sheet = "{\"regimeId\":\"SUZHOU_2017\",\"rows\":[{\"category\":\"产出\",\"name\":\"上线模块数\","
                + "\"target\":\"≥10个\",\"weight\":\"24\",\"actual\":\"10个\"}]}";
        MockHttpServletResponse refused = mvc.perform(MockMvcRequestBuilders.post("/api/v1/scoring/preview")
                .cookie(session, new Cookie("XSRF-TOKEN", token)).contentType(MediaType.APPLICATION_JSON)
                .content(sheet)).andReturn().getResponse();
        problem(refused, 403, "csrf");
        MockHttpServletResponse tried = mvc.perform(MockMvcRequestBuilders.post("/api/v1/scoring/preview")
                .cookie(session).contentType(MediaType.APPLICATION_JSON).content(sheet)
                .header("X-CSRF-TOKEN", token)).andReturn().getResponse();
        assertThat(tried.getStatus()).as(tried.getContentAsString()).isEqualTo(200);
        assertThat(read(tried).get("total").asString()).isEqualTo("24.00");
    }

    /** Signs in through the login page as a browser does; the session cookie of the signed-in session. */
    private Cookie signedIn(String username) throws Exception {
        Cookie anonymous = TestSessions.fresh(sessionStore);
        String loginPage = mvc.perform(MockMvcRequestBuilders.get("/login").cookie(anonymous)).andReturn()
                .getResponse().getContentAsString();
        Matcher csrf = CSRF.matcher(loginPage);
        assertThat(csrf.find()).as("the login page's CSRF token").isTrue();
        MvcResult login = mvc.perform(MockMvcRequestBuilders.post("/login").cookie(anonymous)
                .param("username", username).param("password", "Demo@2026").param("_csrf", csrf.group(1)))
                .andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).as("signed in").doesNotContain("error");
        return TestSessions.next(anonymous, login);
    }
}
