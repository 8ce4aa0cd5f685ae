package cn.perf.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.perf.domain.declaration.DeclarationService;
import cn.perf.domain.declaration.SuzhouHeader;
import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.shared.FiscalYear;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import cn.perf.web.session.TestSessions;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * Every problem type the API answers, as RFC 9457 problem details with a Chinese title: 404 (a forged id, a path
 * no endpoint has), 405 with {@code Allow}, 400 (bad parameter, malformed JSON, an unknown field, a value of the wrong
 * type), 415, 413 (declared and chunked), 403 for a session write without CSRF — and nothing changed by any of them.
 */
class ApiProblemDetailsTest extends ApiTestSupport {

    @Autowired
    DeclarationService declarations;
    @Autowired
    BudgetUnits units;
    @Autowired
    UserDetailsService users;

    @Test
    void aForgedIdIs404LikeThePages() throws Exception {
        String token = token(CHENGGUAN_FILER);
        JsonNode p = problem(get("/api/v1/declarations/987654321", token), 404, "not-found");
        assertThat(p.get("title").asString()).isEqualTo("未找到");
        assertThat(p.get("instance").asString()).isEqualTo("/api/v1/declarations/987654321");
        problem(get("/api/v1/evaluations/987654321", token), 404, "not-found");
    }

    @Test
    void aPathNoEndpointHasIs404AndAWrongMethodIs405WithAllow() throws Exception {
        String token = token(CHENGGUAN_FILER);
        problem(get("/api/v1/nothing-here", token), 404, "no-endpoint");
        MockHttpServletResponse r = call(MockMvcRequestBuilders.delete("/api/v1/declarations"), token).getResponse();
        JsonNode p = problem(r, 405, "method-not-allowed");
        assertThat(r.getHeader(HttpHeaders.ALLOW)).contains("GET");
        assertThat(p.get("detail").asString()).contains("DELETE");
        // a page's wrong method is still the page's business (HTML, not a problem)
        MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.delete("/declarations")
                .with(user(users.loadUserByUsername(CHENGGUAN_FILER))).with(csrf())).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(405);
        assertThat(String.valueOf(page.getContentType())).doesNotContain("problem");
    }

    @Test
    void aBadParameterIs400NamingIt() throws Exception {
        JsonNode p = problem(get("/api/v1/declarations?status=NOPE", token(CHENGGUAN_FILER)), 400,
                "invalid-parameter");
        assertThat(p.get("violations").get(0).get("field").asString()).isEqualTo("status");
        assertThat(p.get("violations").get(0).get("message").asString()).contains("NOPE");
    }

    @Test
    void malformedJsonUnknownFieldsAndWrongTypesAre400AndChangeNothing() throws Exception {
        String token = token(CHENGGUAN_FILER);
        long id = draft();
        long version = ok("/api/v1/declarations/" + id, token).get("version").asLong();
        problem(putRaw(id, "{\"version\": " + version + ", \"content\": {", token), 400, "malformed-json");
        JsonNode unknown = problem(putRaw(id, "{\"version\": " + version + ", \"content\": {\"projectName\": \"x\", "
                + "\"secretField\": 1}}", token), 400, "unknown-field");
        assertThat(unknown.get("violations").get(0).get("field").asString()).isEqualTo("content.secretField");
        assertThat(unknown.get("detail").asString()).contains("content.secretField");
        JsonNode wrong = problem(putRaw(id, "{\"version\": \"abc\", \"content\": {}}", token), 400,
                "invalid-field");
        assertThat(wrong.get("violations").get(0).get("field").asString()).isEqualTo("version");
        JsonNode date = problem(putRaw(id, "{\"version\": " + version + ", \"content\": {\"signOff\": "
                + "{\"filedOn\": \"not a date\"}}}", token), 400, "invalid-field");
        assertThat(date.get("violations").get(0).get("field").asString()).isEqualTo("content.signOff.filedOn");
        problem(putRaw(id, "{\"version\": " + version + "} {}", token), 400, "malformed-json");
        MockHttpServletResponse text = call(MockMvcRequestBuilders.put("/api/v1/declarations/" + id)
                .contentType(MediaType.TEXT_PLAIN).content("version=1"), token).getResponse();
        problem(text, 415, "unsupported-media-type");
        assertThat(ok("/api/v1/declarations/" + id, token).get("version").asLong()).isEqualTo(version);
    }

    @Test
    void aBodyOverOneMegabyteIs413WhetherDeclaredOrChunked() throws Exception {
        String token = token(CHENGGUAN_FILER);
        long id = draft();
        long version = ok("/api/v1/declarations/" + id, token).get("version").asLong();
        byte[] big = ("{\"version\": " + version + ", \"content\": {\"projectName\": \""
                + "x".repeat(5 * 1024 * 1024) + "\"}}").getBytes(StandardCharsets.UTF_8);
        JsonNode declared = problem(putRaw(id, big, token), 413, "body-too-large");
        assertThat(declared.get("detail").asString()).contains("1024 KB").doesNotContain("1,024");
        // without a Content-Length (chunked): counted while read
        MockHttpServletResponse chunked = call(MockMvcRequestBuilders.put("/api/v1/declarations/" + id)
                .contentType(MediaType.APPLICATION_JSON).with(request -> chunked(request, big)), token)
                .getResponse();
        problem(chunked, 413, "body-too-large");
        assertThat(ok("/api/v1/declarations/" + id, token).get("version").asLong()).isEqualTo(version);
    }

    @Test
    void aSessionWriteNeedsTheCsrfTokenABearerWriteDoesNot() throws Exception {
        long id = draft();
        String token = token(CHENGGUAN_FILER);
        long version = ok("/api/v1/declarations/" + id, token).get("version").asLong();
        MockHttpServletResponse noCsrf = mvc.perform(MockMvcRequestBuilders.post("/api/v1/declarations/" + id
                        + "/submit").contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + "}")
                .cookie(TestSessions.fresh(sessionStore)).with(user(users.loadUserByUsername(CHENGGUAN_FILER))))
                .andReturn().getResponse();
        problem(noCsrf, 403, "csrf");
        MockHttpServletResponse withCsrf = mvc.perform(MockMvcRequestBuilders.post("/api/v1/declarations/" + id
                        + "/submit").contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + "}")
                .cookie(TestSessions.fresh(sessionStore)).with(user(users.loadUserByUsername(CHENGGUAN_FILER)))
                .with(csrf().asHeader())).andReturn()
                .getResponse();
        // the handler ran (the empty draft is refused by the lint, as on the page)
        problem(withCsrf, 422, "submission-blocked");
        MockHttpServletResponse bearer = call(MockMvcRequestBuilders.post("/api/v1/declarations/" + id + "/submit")
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + "}"), token)
                .getResponse();
        problem(bearer, 422, "submission-blocked");
    }

    @Test
    void anAnonymousWriteIs401NotACsrfRefusal() throws Exception {
        problem(mvc.perform(MockMvcRequestBuilders.post("/api/v1/declarations/1/submit")
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1}")).andReturn().getResponse(), 401,
                "unauthenticated");
    }

    @Test
    void aMissingVersionIs422NamingIt() throws Exception {
        String token = token(CHENGGUAN_FILER);
        long id = draft();
        JsonNode p = problem(call(MockMvcRequestBuilders.post("/api/v1/declarations/" + id + "/submit")
                .contentType(MediaType.APPLICATION_JSON).content("{}"), token).getResponse(), 422,
                "invalid-command");
        assertThat(p.get("violations").get(0).get("field").asString()).isEqualTo("version");
        problem(call(MockMvcRequestBuilders.post("/api/v1/declarations/" + id + "/submit")
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0}")
                .header("Idempotency-Key", "with spaces"), token).getResponse(), 422, "invalid-command");
    }

    private static MockHttpServletRequest chunked(MockHttpServletRequest request, byte[] body) {
        InputStream in = new ByteArrayInputStream(body);
        MockHttpServletRequest wrapped = new MockHttpServletRequest(request.getServletContext(), "PUT",
                request.getRequestURI()) {
            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                return new org.springframework.mock.web.DelegatingServletInputStream(in);
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.getHeaderNames().asIterator().forEachRemaining(h -> wrapped.addHeader(h, request.getHeader(h)));
        wrapped.setContentType(MediaType.APPLICATION_JSON_VALUE);
        return wrapped;
    }

    private long draft() {
        return declarations.startSuzhou(units.findByName(DemoOrganization.CHENGGUAN).orElseThrow().id(),
                FiscalYear.of(2030), new SuzhouHeader("接口问题" + UUID.randomUUID().toString().substring(0, 8),
                        "信息化工程及维护类", null, null, null, null, null, null));
    }

    private MockHttpServletResponse putRaw(long id, String body, String token) throws Exception {
        return putRaw(id, body.getBytes(StandardCharsets.UTF_8), token);
    }

    private MockHttpServletResponse putRaw(long id, byte[] body, String token) throws Exception {
        return call(MockMvcRequestBuilders.put("/api/v1/declarations/" + id)
                .contentType(MediaType.APPLICATION_JSON).content(body), token).getResponse();
    }
}
