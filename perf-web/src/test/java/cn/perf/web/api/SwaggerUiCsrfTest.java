package cn.perf.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * "Try it out" in the Swagger UI with the browser's session: the UI's page hands its script the session's CSRF token
 * (cookie {@code XSRF-TOKEN}, path {@code /swagger-ui/}, SameSite=Strict), the UI's script copies it into
 * {@code X-CSRF-TOKEN} on its requests, and a session write with that header is accepted — without it, refused.
 */
class SwaggerUiCsrfTest extends ApiTestSupport {

    @Autowired
    UserDetailsService users;

    @Test
    void theUiSendsTheSessionsCsrfTokenAndASessionWriteWithItWorks() throws Exception {
        MockHttpSession session = new MockHttpSession();
        var filer = user(users.loadUserByUsername(CHENGGUAN_FILER));
        MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.get("/swagger-ui/index.html")
                .session(session).with(filer)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        String setCookie = page.getHeaders("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie: " + page.getHeaders(
                        "Set-Cookie")));
        assertThat(setCookie).contains("Path=/swagger-ui/", "SameSite=Strict").doesNotContain("HttpOnly");
        String token = setCookie.substring("XSRF-TOKEN=".length(), setCookie.indexOf(';'));
        assertThat(token).isNotBlank();

        String script = mvc.perform(MockMvcRequestBuilders.get("/swagger-ui/swagger-initializer.js").session(session)
                .with(filer)).andReturn().getResponse().getContentAsString();
        assertThat(script).as("springdoc's CSRF support, with the header the API checks")
                .contains("requestInterceptor", "XSRF-TOKEN=", "X-CSRF-TOKEN");

        String sheet = "{\"regimeId\":\"SUZHOU_2017\",\"rows\":[{\"category\":\"产出\",\"name\":\"上线模块数\","
                + "\"target\":\"≥10个\",\"weight\":\"24\",\"actual\":\"10个\"}]}";
        MockHttpServletResponse refused = mvc.perform(MockMvcRequestBuilders.post("/api/v1/scoring/preview")
                .session(session).with(filer).contentType(MediaType.APPLICATION_JSON).content(sheet)
                .cookie(new Cookie("XSRF-TOKEN", token))).andReturn().getResponse();
        problem(refused, 403, "csrf");
        MockHttpServletResponse tried = mvc.perform(MockMvcRequestBuilders.post("/api/v1/scoring/preview")
                .session(session).with(filer).contentType(MediaType.APPLICATION_JSON).content(sheet)
                .header("X-CSRF-TOKEN", token)).andReturn().getResponse();
        assertThat(tried.getStatus()).as(tried.getContentAsString()).isEqualTo(200);
        assertThat(read(tried).get("total").asString()).isEqualTo("24.00");
    }
}
