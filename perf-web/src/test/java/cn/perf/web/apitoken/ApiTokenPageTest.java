package cn.perf.web.apitoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.perf.domain.apitoken.ApiTokenService;
import cn.perf.domain.apitoken.ApiTokenService.CreateToken;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code /account/tokens}: a user creates a token with a name and a validity and sees its text exactly once, lists
 * their own tokens (never anyone else's), revokes one; every problem of the form next to its field; creating and
 * revoking are in the audit log, without the secret.
 */
@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
class ApiTokenPageTest {

    static final String FILER = "filer-001239";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewTokenIsShownOnceAndListedByItsBeginningOnly() throws Exception {
        String name = "一体化平台同步" + UUID.randomUUID().toString().substring(0, 6);
        MvcResult created = mvc.perform(MockMvcRequestBuilders.post("/account/tokens").with(as(FILER)).with(csrf())
                .param("name", name).param("validDays", "90")).andReturn();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/account/tokens");
        ApiTokenController.Issued issued = (ApiTokenController.Issued) created.getFlashMap().get("issued");
        assertThat(issued.text()).matches("perf_[a-z2-7]{16}_[A-Za-z0-9_-]{43}");

        // the next page of the same browser session shows it (the flash attribute, kept in the session)
        Document shown = Jsoup.parse(mvc.perform(cn.perf.web.session.TestSessions.carrying(
                MockMvcRequestBuilders.get("/account/tokens").with(as(FILER)), created)).andReturn().getResponse()
                .getContentAsString());
        assertThat(shown.selectFirst("#issued-token-text").attr("value")).isEqualTo(issued.text());
        assertThat(shown.selectFirst("#issued-token").text()).contains(name, "只显示这一次");

        Document later = page(FILER);
        assertThat(later.html()).doesNotContain(issued.text());
        Element row = rowNamed(later, name);
        String keyId = issued.text().substring(5, 21);
        assertThat(row.select("td").get(1).text()).isEqualTo("perf_" + keyId + "_…");
        assertThat(row.text()).contains("有效", "从未使用");
        assertThat(later.select("#tokens td").text()).doesNotContain(issued.text().substring(22));
        // nobody else sees it
        assertThat(page("filer-001276").html()).doesNotContain(name);
        assertThat(jdbc.queryForList("select details from audit_entry where action = 'apiToken.created' "
                + "and actor = ?", String.class, FILER)).anyMatch(d -> d.contains(keyId) && d.contains(name))
                .noneMatch(d -> d.contains(issued.text().substring(22)));
    }

    @Test
    void revokingTakesEffectAtOnceAndIsRecorded() throws Exception {
        String name = "撤销测试" + UUID.randomUUID().toString().substring(0, 6);
        var issued = tokens.create(new CreateToken(FILER, name, 10));
        long id = issued.token().id();
        MockHttpServletResponse revoked = mvc.perform(MockMvcRequestBuilders.post("/account/tokens/" + id
                + "/revoke").with(as(FILER)).with(csrf())).andReturn().getResponse();
        assertThat(revoked.getRedirectedUrl()).isEqualTo("/account/tokens");
        Element row = rowNamed(page(FILER), name);
        assertThat(row.text()).contains("已撤销");
        assertThat(row.select("button")).isEmpty();
        assertThat(tokens.authenticate(issued.text()).outcome()).isEqualTo(ApiTokenService.Outcome.REVOKED);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'apiToken.revoked' "
                + "and subject_id = ? and actor = ?", Long.class, String.valueOf(id), FILER)).isEqualTo(1);
    }

    @Test
    void someoneElsesTokenCannotBeRevoked() throws Exception {
        var issued = tokens.create(new CreateToken("filer-001276", "别人的令牌", 10));
        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.post("/account/tokens/"
                + issued.token().id() + "/revoke").with(as(FILER)).with(csrf())).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(tokens.authenticate(issued.text()).valid()).isTrue();
    }

    @Test
    void everyProblemOfTheFormIsShownNextToItsField() throws Exception {
        Document blank = post("", "0");
        assertThat(blank.selectFirst("#name-error").text()).isEqualTo("请填写令牌名称");
        assertThat(blank.selectFirst("#validDays-error").text()).isEqualTo("有效期应为 1 至 365 天");
        assertThat(post("x".repeat(101), "366").selectFirst("#name-error").text()).contains("100");
        assertThat(post("脚本", "366").selectFirst("#validDays-error").text()).isEqualTo("有效期应为 1 至 365 天");
        assertThat(post("脚本", "abc").selectFirst("#validDays-error").text()).isEqualTo("有效期应为整数天数");
        assertThat(post("脚本", "abc").selectFirst("#name").attr("value")).isEqualTo("脚本");
    }

    @Test
    void everySignedInAccountHasThePageAndNobodyElse() throws Exception {
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/account/tokens")).andReturn().getResponse()
                .getRedirectedUrl()).endsWith("/login");
        assertThat(page("auditor").selectFirst("h1").text()).isEqualTo("我的 API 令牌");
    }

    private Document post(String name, String days) throws Exception {
        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.post("/account/tokens").with(as(FILER))
                .with(csrf()).param("name", name).param("validDays", days)).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        return Jsoup.parse(r.getContentAsString());
    }

    private Document page(String username) throws Exception {
        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get("/account/tokens").with(as(username)))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        return Jsoup.parse(r.getContentAsString());
    }

    private static Element rowNamed(Document page, String name) {
        return page.select("#tokens tbody tr").stream().filter(tr -> tr.select("td").get(0).text().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + name + " in " + page.select("#tokens")));
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
