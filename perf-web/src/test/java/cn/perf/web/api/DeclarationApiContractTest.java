package cn.perf.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.declaration.DeclarationService;
import cn.perf.domain.declaration.SuzhouHeader;
import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.shared.FiscalYear;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract of {@code /api/v1/units} and {@code /api/v1/declarations}: the JSON read back field by field from the
 * seeds (seed 001: 苏州市住建局“互联网+监管”, 41.86 万元, approved with its history), the list's filters and paging,
 * the whole form of both layouts, the lint findings, the history, the file links; and the writes: a whole save with
 * {@code version}, a stale one, one with shape errors, and a submit repeated with the same {@code Idempotency-Key}.
 */
class DeclarationApiContractTest extends ApiTestSupport {

    @Autowired
    DeclarationService declarations;
    @Autowired
    BudgetUnits units;

    @Test
    void unitsAreThoseInTheCallersScope() throws Exception {
        JsonNode filer = ok("/api/v1/units", token(ZHUJIAN_FILER));
        assertThat(filer.get("total").asInt()).isEqualTo(1);
        assertThat(filer.get("rows").get(0).get("name").asString()).isEqualTo(DemoOrganization.ZHUJIAN);
        assertThat(filer.get("rows").get(0).get("code").asString()).isEqualTo("001276");
        JsonNode finance = ok("/api/v1/units", token("finance"));
        assertThat(finance.get("total").asInt()).isGreaterThan(3);
        assertThat(finance.get("rows").findValuesAsString("name"))
                .contains(DemoOrganization.CHENGGUAN, DemoOrganization.ZHUJIAN)
                .doesNotContain(DemoOrganization.JINING_ZHIFA);
    }

    @Test
    void theListTakesThePagesFiltersPagingAndSorting() throws Exception {
        String finance = token("finance");
        JsonNode all = ok("/api/v1/declarations?size=100", finance);
        assertThat(all.get("page").asInt()).isZero();
        assertThat(all.get("size").asInt()).isEqualTo(100);
        assertThat(all.get("total").asLong()).isEqualTo(all.get("rows").size());
        JsonNode seed = ok("/api/v1/declarations?year=2021&status=APPROVED&layout=SUZHOU&name=互联网", finance);
        assertThat(seed.get("total").asLong()).isEqualTo(1);
        JsonNode row = seed.get("rows").get(0);
        assertThat(row.get("projectName").asString()).isEqualTo(SEED_001);
        assertThat(row.get("unitName").asString()).isEqualTo(DemoOrganization.ZHUJIAN);
        assertThat(row.get("year").asInt()).isEqualTo(2021);
        assertThat(row.get("layout").asString()).isEqualTo("SUZHOU");
        assertThat(row.get("status").asString()).isEqualTo("APPROVED");
        assertThat(row.get("statusLabel").asString()).isEqualTo("财政审核通过");
        assertThat(row.get("totalAmount").isString()).as("amounts are decimal strings").isTrue();
        assertThat(row.get("totalAmount").asString()).isEqualTo("41.86");
        assertThat(row.get("links").get("self").asString()).isEqualTo("/api/v1/declarations/" + row.get("id"));
        assertThat(row.get("links").get("signedPdf").asString()).endsWith("/signed.pdf");
        JsonNode page = ok("/api/v1/declarations?size=1&page=1&sort=PROJECT_NAME&dir=asc", finance);
        assertThat(page.get("rows")).hasSize(1);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("totalPages").asInt()).isEqualTo(page.get("total").asInt());
        JsonNode unit = ok("/api/v1/declarations?unitId=" + row.get("unitId").asLong() + "&size=100", finance);
        assertThat(unit.get("rows").findValuesAsString("unitName")).containsOnly(DemoOrganization.ZHUJIAN);
    }

    @Test
    void oneFormIsTheWholeFormWithItsVersionComputedValuesAndLinks() throws Exception {
        String token = token(ZHUJIAN_FILER);
        long id = declarationId(token, SEED_001);
        JsonNode d = ok("/api/v1/declarations/" + id, token);
        assertThat(d.get("id").asLong()).isEqualTo(id);
        assertThat(d.get("version").isIntegralNumber()).isTrue();
        assertThat(d.get("unit").get("code").asString()).isEqualTo("001276");
        assertThat(d.get("year").asInt()).isEqualTo(2021);
        assertThat(d.get("status").asString()).isEqualTo("APPROVED");
        assertThat(d.get("financeGrade").asString()).isEqualTo("EXCELLENT");
        assertThat(d.get("editable").asBoolean()).isFalse();
        JsonNode c = d.get("content");
        assertThat(c.get("projectName").asString()).isEqualTo(SEED_001);
        assertThat(c.get("projectType").asString()).isEqualTo("信息化工程及维护类");
        assertThat(c.get("texts").get("overview").asString()).isNotBlank().doesNotContain("<p>");
        assertThat(c.get("subProjects")).isNotEmpty();
        assertThat(c.get("subProjects").get(0).get("key").asString()).startsWith("id-");
        assertThat(c.get("fundingSources")).hasSize(4);
        // in the order the form prints them (seed 001 prints 上级财政资金 last)
        assertThat(c.get("fundingSources").findValuesAsString("kind"))
                .containsExactly("CITY", "SUBORDINATE", "OTHER", "SUPERIOR");
        assertThat(c.get("indicators").size()).isGreaterThan(10);
        JsonNode first = c.get("indicators").get(0);
        assertThat(first.get("category").asString()).isNotBlank();
        assertThat(first.get("target").isString()).isTrue();
        assertThat(c.findValuesAsString("name")).contains("预算执行率");
        // national fields of a Suzhou form are empty
        assertThat(c.get("milestones")).isEmpty();
        assertThat(c.get("competentDepartmentName").isNull()).isTrue();
        JsonNode computed = d.get("computed");
        assertThat(computed.get("subProjectTotal").asString()).isEqualTo("41.86");
        assertThat(computed.get("fundingTotals").get("currentYear").asString()).isEqualTo("41.86");
        assertThat(computed.get("planMatchesComposition").asBoolean()).isTrue();
        assertThat(d.get("links").get("pdf").asString()).isEqualTo("/api/v1/declarations/" + id + "/pdf");
        assertThat(d.get("links").get("xlsx").asString()).isEqualTo("/api/v1/declarations/" + id + "/xlsx");

        MockHttpServletResponse pdf = get("/api/v1/declarations/" + id + "/pdf", token);
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
        MockHttpServletResponse xlsx = get("/api/v1/declarations/" + id + "/xlsx", token);
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentType()).contains("spreadsheetml");
    }

    @Test
    void aNationalFormCarriesItsOwnFields() throws Exception {
        String token = token(JINING_FILER);
        JsonNode list = ok("/api/v1/declarations?layout=NATIONAL", token);
        assertThat(list.get("rows").findValuesAsString("layout")).containsOnly("NATIONAL");
        JsonNode d = ok("/api/v1/declarations/" + declarationId(token, SEED_003), token);
        assertThat(d.get("layout").asString()).isEqualTo("NATIONAL");
        JsonNode c = d.get("content");
        assertThat(c.get("projectType").isNull()).as("a Suzhou field").isTrue();
        assertThat(c.get("fundsRequest").get("total").asString()).matches("\\d+\\.\\d{2,6}");
        assertThat(c.get("milestones")).isNotEmpty();
        assertThat(c.get("indicators").findValuesAsString("term")).contains("LONG_TERM", "ANNUAL");
        assertThat(c.get("subProjects")).isEmpty();
    }

    @Test
    void findingsAndHistoryAreThePagesOwn() throws Exception {
        String token = token(CHENGGUAN_FILER);
        long draft = draft(DemoOrganization.CHENGGUAN);
        JsonNode findings = ok("/api/v1/declarations/" + draft + "/findings", token);
        assertThat(findings.get("blocking").asLong()).isPositive();
        JsonNode blocking = findings.get("findings").get(0);
        assertThat(blocking.get("rule").asString()).isNotBlank();
        assertThat(blocking.get("blocking").asBoolean()).isTrue();
        assertThat(blocking.get("message").asString()).matches(".*\\p{IsHan}.*");
        assertThat(ok("/api/v1/declarations/" + draft, token).get("blockingFindings").asLong())
                .isEqualTo(findings.get("blocking").asLong());

        long id = submittableDraft(token);
        assertThat(ok("/api/v1/declarations/" + id + "/findings", token).get("blocking").asLong()).isZero();
        assertThat(ok("/api/v1/declarations/" + id + "/history", token).get("steps")).isEmpty();
        submit(id, ok("/api/v1/declarations/" + id, token).get("version").asLong(), token, null);
        JsonNode history = ok("/api/v1/declarations/" + id + "/history", token);
        JsonNode step = history.get("steps").get(0);
        assertThat(step.get("action").asString()).isEqualTo("SUBMITTED");
        assertThat(step.get("actionLabel").asString()).isEqualTo("提交");
        assertThat(step.get("username").asString()).isEqualTo(CHENGGUAN_FILER);
        assertThat(step.get("from").asString()).isEqualTo("DRAFT");
        assertThat(step.get("to").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void aWholeSaveWithTheVersionChangesTheFormAndAStaleOneIs409() throws Exception {
        String token = token(CHENGGUAN_FILER);
        long id = draft(DemoOrganization.CHENGGUAN);
        JsonNode d = ok("/api/v1/declarations/" + id, token);
        long version = d.get("version").asLong();
        ObjectNode content = (ObjectNode) d.get("content");
        String renamed = "接口保存" + UUID.randomUUID().toString().substring(0, 6);
        content.put("projectName", renamed);
        ArrayNode subs = (ArrayNode) content.get("subProjects");
        subs.addObject().put("key", "new-1").put("name", "平台建设").put("amount", "12.345678");
        MockHttpServletResponse saved = put(id, version, content, token, null);
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
        JsonNode after = read(saved);
        assertThat(after.get("version").asLong()).isGreaterThan(version);
        assertThat(after.get("content").get("projectName").asString()).isEqualTo(renamed);
        assertThat(after.get("content").get("subProjects").get(0).get("amount").asString()).isEqualTo("12.345678");
        assertThat(after.get("computed").get("subProjectTotal").asString()).isEqualTo("12.345678");

        JsonNode stale = problem(put(id, version, content, token, null), 409, "stale-version");
        assertThat(stale.get("currentVersion").asLong()).isEqualTo(after.get("version").asLong());
        assertThat(stale.get("detail").asString()).contains(String.valueOf(version));
        assertThat(ok("/api/v1/declarations/" + id, token).get("version").asLong())
                .isEqualTo(after.get("version").asLong());
    }

    @Test
    void shapeAndDomainViolationsAre422WithEveryFieldAndThePagesMessages() throws Exception {
        String token = token(CHENGGUAN_FILER);
        long id = draft(DemoOrganization.CHENGGUAN);
        JsonNode d = ok("/api/v1/declarations/" + id, token);
        ObjectNode content = (ObjectNode) d.get("content");
        content.put("projectName", "");
        ((ArrayNode) content.get("subProjects")).addObject().put("name", "错").put("amount", "-3");
        ((ObjectNode) content.get("priorYearFunds")).put("budgeted", "十万");
        JsonNode p = problem(put(id, d.get("version").asLong(), content, token, null), 422, "invalid-command");
        assertThat(p.get("violations").findValuesAsString("field"))
                .contains("content.subProjects[0].amount", "content.priorYearFunds.budgeted");
        assertThat(p.get("violations").toString()).contains("金额不能为负数", "请输入不小于 0 的金额");
        // with the shapes right, the domain's rules speak, at their paths in the body
        ((ObjectNode) content.get("priorYearFunds")).putNull("budgeted");
        ((ObjectNode) content.get("subProjects").get(0)).put("amount", "3");
        JsonNode rules = problem(put(id, d.get("version").asLong(), content, token, null), 422, "invalid-command");
        assertThat(rules.get("violations").findValuesAsString("field")).contains("content.projectName");
        assertThat(ok("/api/v1/declarations/" + id, token).get("version").asLong())
                .as("nothing changed").isEqualTo(d.get("version").asLong());
    }

    @Test
    void aSubmitRetriedWithTheSameIdempotencyKeyTransitionsOnceAndDoesNotFail() throws Exception {
        String token = token(CHENGGUAN_FILER);
        long id = submittableDraft(token);
        long version = ok("/api/v1/declarations/" + id, token).get("version").asLong();
        String key = UUID.randomUUID().toString();
        MockHttpServletResponse first = submit(id, version, token, key);
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(200);
        assertThat(first.getHeader("Idempotent-Replayed")).isEqualTo("false");
        assertThat(read(first).get("status").asString()).isEqualTo("SUBMITTED");
        MockHttpServletResponse again = submit(id, version, token, key);
        assertThat(again.getStatus()).as(again.getContentAsString()).isEqualTo(200);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(read(again).get("status").asString()).isEqualTo("SUBMITTED");
        JsonNode history = ok("/api/v1/declarations/" + id + "/history", token);
        assertThat(history.get("steps").findValuesAsString("action")).containsExactly("SUBMITTED");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'declaration.submitted' "
                + "and subject_id = ?", Long.class, String.valueOf(id))).isEqualTo(1);
        // the same key for another request is refused; without a key a repeat is the stale version it is
        problem(submit(id, version + 1, token, key), 422, "idempotency-conflict");
        problem(submit(id, version, token, null), 409, "stale-version");
    }

    @Test
    void aSubmitBlockedByTheLintIs422WithEachFindingAndChangesNothing() throws Exception {
        String token = token(CHENGGUAN_FILER);
        long id = draft(DemoOrganization.CHENGGUAN);
        long version = ok("/api/v1/declarations/" + id, token).get("version").asLong();
        JsonNode p = problem(submit(id, version, token, UUID.randomUUID().toString()), 422, "submission-blocked");
        assertThat(p.get("violations")).isNotEmpty();
        assertThat(ok("/api/v1/declarations/" + id, token).get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void aReviewerMayReadButNotSaveOrSubmitAUnitsForm() throws Exception {
        long id = draft(DemoOrganization.CHENGGUAN);
        String reviewer = token("reviewer-001239");
        JsonNode d = ok("/api/v1/declarations/" + id, reviewer);
        assertThat(d.get("editable").asBoolean()).isFalse();
        problem(put(id, d.get("version").asLong(), (ObjectNode) d.get("content"), reviewer, null), 404,
                "not-found");
        problem(submit(id, d.get("version").asLong(), reviewer, null), 404, "not-found");
    }

    // ------------------------------------------------------------------ helpers

    long draft(String unitName) {
        return declarations.startSuzhou(units.findByName(unitName).orElseThrow().id(), FiscalYear.of(2030),
                new SuzhouHeader("接口草稿" + UUID.randomUUID().toString().substring(0, 8), "信息化工程及维护类", null,
                        null, null, null, null, null));
    }

    /** A draft with seed 000's whole content (which passes the lint), under a new name. */
    long submittableDraft(String token) throws Exception {
        long id = draft(DemoOrganization.CHENGGUAN);
        JsonNode draft = ok("/api/v1/declarations/" + id, token);
        ObjectNode content = (ObjectNode) ok("/api/v1/declarations/" + declarationId(token, SEED_000), token)
                .get("content");
        content.put("projectName", "接口提交" + UUID.randomUUID().toString().substring(0, 8));
        for (JsonNode s : content.get("subProjects")) {
            ((ObjectNode) s).putNull("id");
            ((ObjectNode) s).put("key", s.get("key").asString().replace("id-", "new-"));
        }
        for (JsonNode i : content.get("indicators")) {
            ArrayNode keys = json.createArrayNode();
            i.get("subProjectKeys").forEach(k -> keys.add(k.asString().replace("id-", "new-")));
            ((ObjectNode) i).putNull("id");
            ((ObjectNode) i).set("subProjectKeys", keys);
        }
        MockHttpServletResponse saved = put(id, draft.get("version").asLong(), content, token, null);
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
        assertThat(read(saved).get("submittable").asBoolean()).as(saved.getContentAsString()).isTrue();
        return id;
    }

    MockHttpServletResponse put(long id, long version, JsonNode content, String token, String key)
            throws Exception {
        ObjectNode body = json.createObjectNode();
        body.put("version", version);
        body.set("content", content);
        var request = MockMvcRequestBuilders.put("/api/v1/declarations/" + id)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return call(request, token).getResponse();
    }

    MockHttpServletResponse submit(long id, long version, String token, String key) throws Exception {
        var request = MockMvcRequestBuilders.post("/api/v1/declarations/" + id + "/submit")
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + "}");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return call(request, token).getResponse();
    }
}
