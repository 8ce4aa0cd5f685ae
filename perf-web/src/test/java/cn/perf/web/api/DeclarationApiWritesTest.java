package cn.perf.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.organization.BudgetUnits;
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
 * The contract of the 申报表 writes that create and review: {@code POST /api/v1/declarations} (the page's 新增, both
 * layouts; 201 with Location and the form as GET returns it; once per Idempotency-Key) and
 * {@code POST /api/v1/declarations/{id}/review} (主管部门 通过/退回, 财政局 优/良/中/差, as the read view offers them),
 * and each problem they answer — nothing changed by any of them.
 */
class DeclarationApiWritesTest extends ApiTestSupport {

    @Autowired
    BudgetUnits units;

    @Test
    void aSuzhouFormIsCreatedOnceWith201LocationAndTheFormAsGetReturnsIt() throws Exception {
        String token = token(CHENGGUAN_FILER);
        String name = "接口新增" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = createBody(token, "SUZHOU", SEED_000, name);
        String key = UUID.randomUUID().toString();
        MockHttpServletResponse created = create(body, token, key);
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        JsonNode d = read(created);
        long id = d.get("id").asLong();
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/declarations/" + id);
        assertThat(created.getHeader("Idempotent-Replayed")).isEqualTo("false");
        assertThat(d).isEqualTo(ok("/api/v1/declarations/" + id, token));
        assertThat(d.get("status").asString()).isEqualTo("DRAFT");
        assertThat(d.get("layout").asString()).isEqualTo("SUZHOU");
        assertThat(d.get("year").asInt()).isEqualTo(2031);
        assertThat(d.get("unit").get("code").asString()).isEqualTo("001239");
        assertThat(d.get("frameworkCode").asString()).isEqualTo("SUZHOU_2017");
        assertThat(d.get("content").get("projectName").asString()).isEqualTo(name);
        assertThat(d.get("computed").get("subProjectTotal").asString()).isEqualTo("52.00");
        assertThat(d.get("submittable").asBoolean()).as("seed 000's content passes the lint").isTrue();

        MockHttpServletResponse again = create(body, token, key);
        assertThat(again.getStatus()).isEqualTo(201);
        assertThat(again.getHeader("Location")).isEqualTo("/api/v1/declarations/" + id);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count(name)).as("created once").isEqualTo(1);
        body.put("year", 2032);
        problem(create(body, token, key), 422, "idempotency-conflict");
        // without a key the same request is a second declaration of the project and year: refused, at its field
        body.put("year", 2031);
        JsonNode duplicate = problem(create(body, token, null), 422, "invalid-command");
        assertThat(duplicate.get("violations").findValuesAsString("field")).contains("content.projectName");
        assertThat(count(name)).isEqualTo(1);
    }

    @Test
    void aNationalFormIsCreatedWithItsOwnFields() throws Exception {
        String token = token(JINING_FILER);
        String name = "接口全国" + UUID.randomUUID().toString().substring(0, 8);
        MockHttpServletResponse created = create(createBody(token, "NATIONAL", SEED_003, name), token, null);
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        JsonNode d = read(created);
        assertThat(d.get("layout").asString()).isEqualTo("NATIONAL");
        assertThat(d.get("frameworkCode").asString()).startsWith("NATIONAL");
        assertThat(d.get("content").get("milestones")).isNotEmpty();
        assertThat(d.get("content").get("indicators").findValuesAsString("term")).contains("LONG_TERM", "ANNUAL");
        assertThat(d.get("content").get("fundsRequest").get("total").asString()).matches("\\d+\\.\\d{2,6}");
    }

    @Test
    void aCreateWithBadContentIs422WithEveryFieldAndCreatesNothing() throws Exception {
        String token = token(CHENGGUAN_FILER);
        String name = "接口坏表" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = createBody(token, "SUZHOU", SEED_000, name);
        body.remove("year");
        ((ObjectNode) body.get("content").get("subProjects").get(0)).put("amount", "-3");
        JsonNode shape = problem(create(body, token, UUID.randomUUID().toString()), 422, "invalid-command");
        assertThat(shape.get("violations").findValuesAsString("field")).contains("year");
        body.put("year", 2031);
        JsonNode p = problem(create(body, token, null), 422, "invalid-command");
        assertThat(p.get("violations").findValuesAsString("field")).contains("content.subProjects[0].amount");
        assertThat(p.get("violations").toString()).contains("金额不能为负数");
        ((ObjectNode) body.get("content").get("subProjects").get(0)).put("amount", "5");
        ((ObjectNode) body.get("content")).put("projectName", "");
        JsonNode rules = problem(create(body, token, null), 422, "invalid-command");
        assertThat(rules.get("violations").findValuesAsString("field")).contains("content.projectName");
        assertThat(count(name)).isZero();
        problem(create(body.put("unknown", 1), token, null), 400, "unknown-field");
    }

    @Test
    void reviewersCannotCreateAndAnotherUnitIsNotTheCallers() throws Exception {
        String name = "接口越权" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = createBody(token(CHENGGUAN_FILER), "SUZHOU", SEED_000, name);
        problem(create(body, token("reviewer-001239"), null), 404, "not-found");
        problem(create(body, token("finance"), null), 404, "not-found");
        body.put("unitId", units.findByName(DemoOrganization.ZHUJIAN).orElseThrow().id());
        problem(create(body, token(CHENGGUAN_FILER), null), 404, "not-found");
        problem(create(body, token("admin"), null), 403, "forbidden");
        assertThat(count(name)).isZero();
    }

    @Test
    void theDepartmentApprovesAndTheBureauGradesAsThePagesAllow() throws Exception {
        String filer = token(CHENGGUAN_FILER);
        long id = submitted(filer);
        String department = token("reviewer-001239");
        String finance = token("finance");
        long version = version(id, filer);
        // the filer may not review; the bureau may not take the department's step; the department may not grade
        problem(review(id, filer, "{\"version\":" + version + ",\"decision\":\"APPROVE\"}", null), 403,
                "step-not-allowed");
        problem(review(id, finance, "{\"version\":" + version + ",\"decision\":\"APPROVE\"}", null), 403,
                "step-not-allowed");
        problem(review(id, department, "{\"version\":" + version + ",\"grade\":\"EXCELLENT\"}", null), 403,
                "step-not-allowed");
        problem(review(id, finance, "{\"version\":" + version + ",\"grade\":\"EXCELLENT\"}", null), 409,
                "workflow");
        JsonNode none = problem(review(id, department, "{\"version\":" + version + "}", null), 422,
                "invalid-command");
        assertThat(none.get("violations").findValuesAsString("field")).containsExactly("decision");
        String key = UUID.randomUUID().toString();
        String approve = "{\"version\":" + version + ",\"decision\":\"APPROVE\",\"comment\":\"同意报财政局\"}";
        MockHttpServletResponse approved = review(id, department, approve, key);
        assertThat(approved.getStatus()).as(approved.getContentAsString()).isEqualTo(200);
        assertThat(read(approved).get("status").asString()).isEqualTo("DEPARTMENT_APPROVED");
        MockHttpServletResponse again = review(id, department, approve, key);
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        problem(review(id, department, approve, null), 409, "stale-version");

        long v2 = version(id, filer);
        JsonNode good = problem(review(id, finance, "{\"version\":" + v2 + ",\"grade\":\"GOOD\"}", null), 422,
                "invalid-command");
        assertThat(good.get("violations").findValuesAsString("field")).containsExactly("comment");
        MockHttpServletResponse graded = review(id, finance, "{\"version\":" + v2 + ",\"grade\":\"EXCELLENT\"}",
                UUID.randomUUID().toString());
        assertThat(graded.getStatus()).as(graded.getContentAsString()).isEqualTo(200);
        JsonNode d = read(graded);
        assertThat(d.get("status").asString()).isEqualTo("APPROVED");
        assertThat(d.get("financeGrade").asString()).isEqualTo("EXCELLENT");
        JsonNode history = ok("/api/v1/declarations/" + id + "/history", filer);
        assertThat(history.get("steps").findValuesAsString("action"))
                .containsExactly("SUBMITTED", "DEPARTMENT_APPROVED", "GRADED");
        assertThat(history.get("steps").get(1).get("comment").asString()).isEqualTo("同意报财政局");
    }

    @Test
    void aReturnCarriesItsCommentAndAGradeOfFairReturnsTheForm() throws Exception {
        String filer = token(CHENGGUAN_FILER);
        String department = token("reviewer-001239");
        long id = submitted(filer);
        JsonNode missing = problem(review(id, department, "{\"version\":" + version(id, filer)
                + ",\"decision\":\"RETURN\"}", null), 422, "invalid-command");
        assertThat(missing.get("violations").get(0).get("message").asString()).contains("退回");
        MockHttpServletResponse returned = review(id, department, "{\"version\":" + version(id, filer)
                + ",\"decision\":\"RETURN\",\"comment\":\"请补充绩效目标\"}", null);
        assertThat(returned.getStatus()).as(returned.getContentAsString()).isEqualTo(200);
        assertThat(read(returned).get("status").asString()).isEqualTo("RETURNED");
        assertThat(read(returned).get("reviewComment").asString()).isEqualTo("请补充绩效目标");
        // a returned form goes back through the department to the bureau, whose 中 returns it again
        submitStep(id, version(id, filer), filer);
        assertThat(review(id, department, "{\"version\":" + version(id, filer) + ",\"decision\":\"APPROVE\"}",
                null).getStatus()).isEqualTo(200);
        MockHttpServletResponse fair = review(id, token("finance"), "{\"version\":" + version(id, filer)
                + ",\"grade\":\"FAIR\",\"comment\":\"指标值偏低\"}", null);
        assertThat(fair.getStatus()).as(fair.getContentAsString()).isEqualTo(200);
        assertThat(read(fair).get("status").asString()).isEqualTo("RETURNED");
        assertThat(read(fair).get("financeGrade").asString()).isEqualTo("FAIR");
        // another region's reviewer sees nothing of it
        problem(review(id, token("reviewer-jining"), "{\"version\":" + version(id, filer)
                + ",\"decision\":\"APPROVE\"}", null), 404, "not-found");
    }

    // ------------------------------------------------------------------ helpers

    /** A create body: {@code layout}, year 2031, the content of seed {@code seedName} under a new name, new rows. */
    ObjectNode createBody(String token, String layout, String seedName, String name) throws Exception {
        ObjectNode content = (ObjectNode) ok("/api/v1/declarations/" + declarationId(token, seedName), token)
                .get("content");
        content.put("projectName", name);
        for (String table : new String[] {"subProjects", "indicators", "milestones"}) {
            for (JsonNode row : content.get(table)) {
                ((ObjectNode) row).putNull("id");
                if (row.has("key")) {
                    ((ObjectNode) row).put("key", row.get("key").asString().replace("id-", "new-"));
                }
                if (row.has("subProjectKeys")) {
                    ArrayNode keys = json.createArrayNode();
                    row.get("subProjectKeys").forEach(k -> keys.add(k.asString().replace("id-", "new-")));
                    ((ObjectNode) row).set("subProjectKeys", keys);
                }
            }
        }
        ObjectNode body = json.createObjectNode();
        body.put("layout", layout);
        body.put("year", 2031);
        body.set("content", content);
        return body;
    }

    /** A form of 城管局 with seed 000's content, submitted through the API. */
    long submitted(String token) throws Exception {
        String name = "接口审核" + UUID.randomUUID().toString().substring(0, 8);
        MockHttpServletResponse created = create(createBody(token, "SUZHOU", SEED_000, name), token, null);
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        long id = read(created).get("id").asLong();
        submitStep(id, version(id, token), token);
        return id;
    }

    void submitStep(long id, long version, String token) throws Exception {
        MockHttpServletResponse r = call(MockMvcRequestBuilders.post("/api/v1/declarations/" + id + "/submit")
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + "}"), token)
                .getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    }

    long version(long id, String token) throws Exception {
        return ok("/api/v1/declarations/" + id, token).get("version").asLong();
    }

    long count(String projectName) {
        Long n = jdbc.queryForObject("select count(*) from declaration where project_name = ?", Long.class,
                projectName);
        return n == null ? 0 : n;
    }

    MockHttpServletResponse create(JsonNode body, String token, String key) throws Exception {
        var request = MockMvcRequestBuilders.post("/api/v1/declarations").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return call(request, token).getResponse();
    }

    MockHttpServletResponse review(long id, String token, String body, String key) throws Exception {
        var request = MockMvcRequestBuilders.post("/api/v1/declarations/" + id + "/review")
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return call(request, token).getResponse();
    }
}
