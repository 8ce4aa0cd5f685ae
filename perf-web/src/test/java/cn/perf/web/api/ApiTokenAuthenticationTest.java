package cn.perf.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.perf.domain.account.AccountAdministration;
import cn.perf.domain.account.AccountCommands.OpenAccount;
import cn.perf.domain.account.Role;
import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.domain.shared.CommittedChanges;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * Personal API tokens on {@code /api/**}: a valid token acts as its owner, in the owner's scope, without a session;
 * what is stored is the secret's digest only; an unknown, expired or revoked token, or one of a disabled account, is
 * 401 at once; a withdrawn role is 403 at once; another unit's form is 404 like on the pages.
 */
class ApiTokenAuthenticationTest extends ApiTestSupport {

    @Autowired
    AccountAdministration accounts;
    @Autowired
    CommittedChanges changes;
    @Autowired
    ScopeResolver scopes;
    @Autowired
    BudgetUnits units;
    @Autowired
    UserDetailsService users;

    @Test
    void aValidTokenActsAsItsOwnerWithoutASessionAndRecordsItsUse() throws Exception {
        String token = freshToken(CHENGGUAN_FILER);
        MvcResult result = call(MockMvcRequestBuilders.get("/api/v1/units"), token);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        JsonNode units = read(result.getResponse());
        assertThat(units.get("total").asInt()).isEqualTo(1);
        assertThat(units.get("rows").get(0).get("name").asString()).isEqualTo(DemoOrganization.CHENGGUAN);
        assertThat(result.getRequest().getSession(false)).as("no session for a bearer call").isNull();
        assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE)).isNull();
        String keyId = token.split("_")[1];
        assertThat(jdbc.queryForObject("select last_used_at is not null from api_token where key_id = ?",
                Boolean.class, keyId)).isTrue();
    }

    @Test
    void theTableHoldsTheSecretsDigestNeverTheSecret() throws Exception {
        String token = freshToken(CHENGGUAN_FILER);
        String keyId = token.substring("perf_".length(), "perf_".length() + 16);
        String secret = token.substring("perf_".length() + 17);
        assertThat(token).matches("perf_[a-z2-7]{16}_[A-Za-z0-9_-]{43}");
        Map<String, Object> row = jdbc.queryForMap("select * from api_token where key_id = ?", keyId);
        byte[] digest = (byte[]) row.get("secret_sha256");
        assertThat(digest).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        // no column of any token row, read as text, contains the secret (or the whole token)
        List<String> everything = jdbc.queryForList("select t::text from api_token t", String.class);
        assertThat(everything).noneMatch(text -> text.contains(secret) || text.contains(token));
        assertThat(everything).noneMatch(text -> text.contains(HexFormat.of().formatHex(secret.getBytes(
                StandardCharsets.US_ASCII))));
        // nor does the audit log
        assertThat(jdbc.queryForList("select details::text from audit_entry", String.class))
                .noneMatch(text -> text.contains(secret));
    }

    @Test
    void noTokenIs401WithTheBearerChallenge() throws Exception {
        MockHttpServletResponse r = get("/api/v1/declarations", null);
        JsonNode p = problem(r, 401, "unauthenticated");
        assertThat(r.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(p.get("detail").asString()).contains("Authorization");
        assertThat(p.get("instance").asString()).isEqualTo("/api/v1/declarations");
    }

    @Test
    void anUnknownOrMalformedTokenIs401AndRecorded() throws Exception {
        String token = freshToken(CHENGGUAN_FILER);
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        problem(get("/api/v1/units", forged), 401, "invalid-token");
        problem(get("/api/v1/units", "perf_nonsense"), 401, "invalid-token");
        problem(get("/api/v1/units", "perf_aaaaaaaaaaaaaaaa_" + "A".repeat(43)), 401, "invalid-token");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'api.tokenRefused' "
                + "and subject_id = ?", Long.class, token.split("_")[1])).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        String token = freshToken(CHENGGUAN_FILER);
        jdbc.update("update api_token set created_at = now() - interval '40 days', "
                + "expires_at = now() - interval '1 second' where key_id = ?", token.split("_")[1]);
        problem(get("/api/v1/units", token), 401, "token-expired");
    }

    @Test
    void aRevokedTokenIs401AtOnce() throws Exception {
        String token = freshToken(CHENGGUAN_FILER);
        assertThat(get("/api/v1/units", token).getStatus()).isEqualTo(200);
        long id = jdbc.queryForObject("select id from api_token where key_id = ?", Long.class, token.split("_")[1]);
        tokens.revoke(CHENGGUAN_FILER, id);
        problem(get("/api/v1/units", token), 401, "token-revoked");
    }

    @Test
    void aDisabledAccountsTokenIs401AndAWithdrawnRoleIs403AtOnce() throws Exception {
        String username = "api-" + UUID.randomUUID().toString().substring(0, 8);
        Long unitId = units.findByName(DemoOrganization.CHENGGUAN).orElseThrow().id();
        long accountId = accounts.open(scopes.viewer("admin").profile(), new OpenAccount(username, "接口用户",
                unitId, EnumSet.of(Role.FILER), "Api#" + UUID.randomUUID()));
        String token = token(username);
        assertThat(get("/api/v1/declarations", token).getStatus()).isEqualTo(200);

        jdbc.update("delete from user_account_role where user_id = ?", accountId);
        jdbc.update("insert into user_account_role (user_id, role) values (?, 'AUDIT_ADMIN')", accountId);
        // changed in plain SQL, as another node or an operator would: the next request once the change has reached
        // this node's copies (ChangeFeed; JPA commits on this node need no wait)
        assertThat(changes.awaitDelivered(Duration.ofSeconds(30))).isTrue();
        problem(get("/api/v1/declarations", token), 403, "forbidden");

        jdbc.update("update user_account set enabled = false where id = ?", accountId);
        assertThat(changes.awaitDelivered(Duration.ofSeconds(30))).isTrue();
        problem(get("/api/v1/declarations", token), 401, "account-disabled");
    }

    @Test
    void anAdministratorsTokenReachesNoForms() throws Exception {
        String token = token("admin");
        problem(get("/api/v1/declarations", token), 403, "forbidden");
        problem(get("/api/v1/units", token), 403, "forbidden");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'access.refused' "
                + "and actor = 'admin' and subject_id = '/api/v1/units'", Long.class)).isPositive();
    }

    @Test
    void aTokenOfOneUnitCannotReadAnotherUnitsForm() throws Exception {
        long seed001 = declarationId(token(ZHUJIAN_FILER), SEED_001);
        String chengguan = token(CHENGGUAN_FILER);
        problem(get("/api/v1/declarations/" + seed001, chengguan), 404, "not-found");
        problem(get("/api/v1/declarations/" + seed001 + "/findings", chengguan), 404, "not-found");
        problem(get("/api/v1/declarations/" + seed001 + "/history", chengguan), 404, "not-found");
        problem(get("/api/v1/declarations/" + seed001 + "/pdf", chengguan), 404, "not-found");
        JsonNode list = ok("/api/v1/declarations?size=100", chengguan);
        for (JsonNode row : list.get("rows")) {
            assertThat(row.get("unitName").asString()).isEqualTo(DemoOrganization.CHENGGUAN);
        }
        // the 济宁 filer's token sees nothing of 苏州
        problem(get("/api/v1/declarations/" + seed001, token(JINING_FILER)), 404, "not-found");
    }

    @Test
    void theBrowserSessionWorksTooAndEveryCallIsInTheAuditLog() throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.get("/api/v1/units?x=1")
                .with(user(users.loadUserByUsername(CHENGGUAN_FILER)))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String token = token(CHENGGUAN_FILER);
        assertThat(get("/api/v1/units?x=2", token).getStatus()).isEqualTo(200);
        List<String> details = jdbc.queryForList("select details::text from audit_entry where action = 'api.called' "
                + "and actor = ? and details::text like ? order by seq", String.class, CHENGGUAN_FILER,
                "%/api/v1/units?x=%");
        assertThat(details).hasSize(2);
        assertThat(details.get(0)).contains("\"via\":\"session\"", "\"status\":\"200\"", "\"method\":\"GET\"");
        assertThat(details.get(1)).contains("\"via\":\"token\"", "\"keyId\":\"" + token.split("_")[1] + "\"");
    }
}
