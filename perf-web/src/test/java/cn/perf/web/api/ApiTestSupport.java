package cn.perf.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.apitoken.ApiTokenService;
import cn.perf.domain.apitoken.ApiTokenService.CreateToken;
import cn.perf.domain.declaration.DeclarationService;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.web.evaluation.EvaluationFixtures;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API tests share: the demo data (the same context as the page tests), a personal token of any demo user
 * made through the real use case, calls with that token, and the answer read back as JSON.
 */
@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
abstract class ApiTestSupport {

    static final String CHENGGUAN_FILER = "filer-001239";
    static final String ZHUJIAN_FILER = "filer-001276";
    static final String JINING_FILER = "filer-jining";
    static final String SEED_000 = "苏州市城管执法考核系统";
    static final String SEED_001 = "苏州市住建局“互联网+监管”";
    static final String SEED_003 = "济宁高新区数字化城市管理数据采集及坐席队伍市场化运作项目";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    /** Where the session filter keeps sessions: an anonymous session is made there (TestSessions.fresh). */
    @Autowired
    SessionRepository<?> sessionStore;
    @Autowired
    private DeclarationService fixtureDeclarations;
    @Autowired
    private Declarations fixtureRepository;
    @Autowired
    private BudgetUnits fixtureUnits;
    @Autowired
    private PlatformTransactionManager fixtureTransactions;

    /** Tokens made for tests, one per user for this test JVM (whose database is its own). */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** A token of {@code username}, valid for 30 days: the text a program would use (one per user, reused). */
    String token(String username) {
        return TOKENS.computeIfAbsent(username, this::freshToken);
    }

    /** A new token of {@code username}, for a test that revokes, expires or inspects it. */
    String freshToken(String username) {
        return tokens.create(new CreateToken(username, "测试令牌", 30)).text();
    }

    /** Declarations (drafts, approved ones) made straight through the domain, for self-evaluation tests. */
    EvaluationFixtures evaluationFixtures() {
        return new EvaluationFixtures(fixtureDeclarations, fixtureRepository, fixtureUnits, fixtureTransactions);
    }

    MvcResult call(MockHttpServletRequestBuilder request, String token) throws Exception {
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return mvc.perform(request).andReturn();
    }

    MockHttpServletResponse get(String url, String token) throws Exception {
        return call(MockMvcRequestBuilders.get(url), token).getResponse();
    }

    /** GET {@code url} with {@code token}; it must answer 200 with JSON. */
    JsonNode ok(String url, String token) throws Exception {
        MockHttpServletResponse r = get(url, token);
        assertThat(r.getStatus()).as("GET %s: %s", url, r.getContentAsString()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        return read(r);
    }

    JsonNode read(MockHttpServletResponse r) throws Exception {
        return json.readTree(r.getContentAsByteArray());
    }

    /** A problem answer: status, content type, type and a Chinese title. */
    JsonNode problem(MockHttpServletResponse r, int status, String kind) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        JsonNode p = read(r);
        assertThat(p.get("type").asString()).isEqualTo("urn:perf:problem:" + kind);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asString()).matches(".*\\p{IsHan}.*");
        return p;
    }

    /** The id of the declaration named {@code projectName} as {@code token}'s owner lists it. */
    long declarationId(String token, String projectName) throws Exception {
        JsonNode list = ok("/api/v1/declarations?name=" + projectName + "&size=100", token);
        for (JsonNode row : list.get("rows")) {
            if (row.get("projectName").asString().equals(projectName)) {
                return row.get("id").asLong();
            }
        }
        throw new AssertionError("no declaration " + projectName + " in " + list);
    }
}
