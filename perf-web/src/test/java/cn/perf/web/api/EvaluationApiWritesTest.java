package cn.perf.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.shared.IndicatorValue;
import cn.perf.web.evaluation.EvaluationFixtures;
import cn.perf.web.evaluation.EvaluationFixtures.Row;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract of the 自评表 writes, on the pages' use cases: start from an approved declaration
 * ({@code POST /api/v1/declarations/{id}/evaluation}: 201, a repeat 200, once per Idempotency-Key), save what the
 * edit page saves ({@code PUT}, with {@code version}: actual values, funds blocks, narratives, deviation reasons; the
 * scores recomputed), submit (refused naming each row still without a deviation reason), the reviewer's steps (start,
 * adjust a row with a reason, confirm, return with a comment), the findings — and each problem they answer.
 */
class EvaluationApiWritesTest extends ApiTestSupport {

    private static final Row MODULES = Row.suzhou("产出", "平台上线模块数", "≥10个");
    private static final Row UPTIME = Row.suzhou("结果", "系统可用率", "≥99%");
    /** The 平台上线模块数 row: after the library's 14 投入 rows (index 14 of the body's rows). */
    private static final int MODULES_ROW = EvaluationFixtures.SUZHOU_INPUT_ROWS + 1;
    private static final String REVIEWER = "reviewer-001239";


    @Test
    void aSelfEvaluationIsStartedOnceFromAnApprovedDeclaration() throws Exception {
        String token = token(CHENGGUAN_FILER);
        long declaration = fixtures().approvedSuzhou(DemoOrganization.CHENGGUAN, unique("接口生成"), MODULES, UPTIME);
        String key = UUID.randomUUID().toString();
        MockHttpServletResponse started = start(declaration, token, key);
        assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(201);
        JsonNode e = read(started);
        long id = e.get("id").asLong();
        assertThat(started.getHeader("Location")).isEqualTo("/api/v1/evaluations/" + id);
        assertThat(e).isEqualTo(ok("/api/v1/evaluations/" + id, token));
        assertThat(e.get("status").asString()).isEqualTo("DRAFT");
        assertThat(e.get("declarationId").asLong()).isEqualTo(declaration);
        assertThat(e.get("rows")).hasSize(MODULES_ROW + 1);
        assertThat(e.get("rows").get(MODULES_ROW - 1).get("target").asString()).isEqualTo("≥10个");

        MockHttpServletResponse replayed = start(declaration, token, key);
        assertThat(replayed.getStatus()).isEqualTo(200);
        assertThat(replayed.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.getHeader("Location")).isEqualTo("/api/v1/evaluations/" + id);
        MockHttpServletResponse again = start(declaration, token, null);
        assertThat(again.getStatus()).as("the existing one, as the page").isEqualTo(200);
        assertThat(read(again).get("id").asLong()).isEqualTo(id);
        assertThat(jdbc.queryForObject("select count(*) from self_evaluation where declaration_id = ?", Long.class,
                declaration)).isEqualTo(1);
    }

    @Test
    void startingIsForTheUnitsFilersAndOnlyFromAnApprovedDeclaration() throws Exception {
        long approved = fixtures().approvedSuzhou(DemoOrganization.CHENGGUAN, unique("接口生成权限"), MODULES);
        problem(start(approved, token(REVIEWER), null), 403, "step-not-allowed");
        problem(start(approved, token(ZHUJIAN_FILER), null), 404, "not-found");
        problem(start(approved, token("admin"), null), 403, "forbidden");
        long draft = fixtures().suzhouDraft(DemoOrganization.CHENGGUAN, unique("接口草稿"), MODULES);
        JsonNode p = problem(start(draft, token(CHENGGUAN_FILER), null), 409, "workflow");
        assertThat(p.get("detail").asString()).matches(".*\\p{IsHan}.*");
        assertThat(jdbc.queryForObject("select count(*) from self_evaluation where declaration_id in (?, ?)",
                Long.class, approved, draft)).isZero();
    }

    @Test
    void aSaveRecordsWhatThePageSavesAndScoresItAgain() throws Exception {
        String token = token(CHENGGUAN_FILER);
        JsonNode e = started(unique("接口保存"));
        long id = e.get("id").asLong();
        ObjectNode body = filledAsMet(e);
        row(body, MODULES_ROW - 1).put("actual", "8个").put("deviationReason", "两个模块因需求变更延期");
        MockHttpServletResponse saved = put(id, body, token, null);
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
        JsonNode after = read(saved);
        assertThat(after.get("version").asLong()).isGreaterThan(e.get("version").asLong());
        JsonNode modules = after.get("rows").get(MODULES_ROW - 1);
        assertThat(modules.get("actual").asString()).isEqualTo("8个");
        assertThat(modules.get("deviationReason").asString()).isEqualTo("两个模块因需求变更延期");
        assertThat(modules.get("computedScore").asString()).as("80% of target: 20 points short, 100% deducted")
                .isEqualTo("0.00");
        assertThat(modules.get("trace").asString()).contains("完成率 80.0%");
        assertThat(after.get("funds").get("cityFundsUse").get("actualPaid").asString()).isEqualTo("95.00");
        assertThat(after.get("funds").get("subProjects").findValuesAsString("actualAmount"))
                .containsExactly("30.00", "11.86");
        assertThat(after.get("texts").get("implementation").asString()).isEqualTo("项目按计划实施。");
        assertThat(after.get("signOff").get("filingDate").asString()).isEqualTo("2026-01-15");

        problem(put(id, body, token, null), 409, "stale-version");
        problem(put(id, body.put("version", after.get("version").asLong()), token(REVIEWER), null), 403,
                "step-not-allowed");
        problem(put(id, body, token(ZHUJIAN_FILER), null), 404, "not-found");
    }

    @Test
    void badValuesAre422WithThePagesPathsAndMessagesAndNothingIsSaved() throws Exception {
        String token = token(CHENGGUAN_FILER);
        JsonNode e = started(unique("接口坏值"));
        long id = e.get("id").asLong();
        ObjectNode body = filledAsMet(e);
        ((ObjectNode) body.get("cityBudget")).put("initialBudget", "十万");
        row(body, 0).put("recordedScore", "6.555");
        JsonNode shape = problem(put(id, body, token, UUID.randomUUID().toString()), 422, "invalid-command");
        assertThat(shape.get("violations").findValuesAsString("field"))
                .contains("cityBudget.initialBudget", "rows[0].recordedScore");
        ((ObjectNode) body.get("cityBudget")).put("initialBudget", "100");
        row(body, 0).putNull("recordedScore");
        ((ObjectNode) body.get("cityFundsUse")).put("balance", "7");
        JsonNode identity = problem(put(id, body, token, null), 422, "invalid-command");
        assertThat(identity.get("violations").findValuesAsString("field")).contains("cityFundsUse.balance");
        assertThat(ok("/api/v1/evaluations/" + id, token).get("version").asLong())
                .as("nothing saved").isEqualTo(e.get("version").asLong());
        problem(put(id, body.put("extra", true), token, null), 400, "unknown-field");
    }

    @Test
    void aSubmitNamesEachRowStillWithoutAReasonThenSubmitsOnceAndTheReviewerConfirms() throws Exception {
        String token = token(CHENGGUAN_FILER);
        JsonNode e = started(unique("接口提交"));
        long id = e.get("id").asLong();
        ObjectNode body = filledAsMet(e);
        row(body, MODULES_ROW - 1).put("actual", "8个");
        long v1 = read(put(id, body, token, null)).get("version").asLong();
        JsonNode findings = ok("/api/v1/evaluations/" + id + "/findings", token);
        assertThat(findings.get("rowsNeedingReason").get(0).asInt()).isEqualTo(MODULES_ROW);
        assertThat(findings.get("findings").findValuesAsString("code")).contains("DEVIATION_REASON_MISSING");
        JsonNode blocked = problem(submit(id, v1, token, null), 422, "invalid-command");
        assertThat(blocked.get("violations").findValuesAsString("field"))
                .containsExactly("rows[" + (MODULES_ROW - 1) + "].deviationReason");
        assertThat(blocked.get("violations").get(0).get("message").asString()).contains("第" + MODULES_ROW + "行");

        row(body, MODULES_ROW - 1).put("deviationReason", "两个模块因需求变更延期");
        body.put("version", v1);
        long v2 = read(put(id, body, token, null)).get("version").asLong();
        String key = UUID.randomUUID().toString();
        MockHttpServletResponse submitted = submit(id, v2, token, key);
        assertThat(submitted.getStatus()).as(submitted.getContentAsString()).isEqualTo(200);
        assertThat(read(submitted).get("status").asString()).isEqualTo("SUBMITTED");
        MockHttpServletResponse again = submit(id, v2, token, key);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'evaluation.submitted' "
                + "and subject_id = ?", Long.class, String.valueOf(id))).isEqualTo(1);
        problem(put(id, body.put("version", version(id)), token, null), 409, "workflow");

        // the reviewer: the filer may not review; start, adjust (reason required, within the weight), confirm
        problem(review(id, token, "{\"version\":" + version(id) + ",\"action\":\"START\"}", null), 403,
                "step-not-allowed");
        String reviewer = token(REVIEWER);
        problem(review(id, reviewer, "{\"version\":" + version(id) + ",\"action\":\"CONFIRM\"}", null), 409,
                "workflow");
        JsonNode underReview = read(review(id, reviewer, "{\"version\":" + version(id) + ",\"action\":\"START\"}",
                UUID.randomUUID().toString()));
        assertThat(underReview.get("status").asString()).isEqualTo("UNDER_REVIEW");
        String adjust = "{\"version\":" + version(id) + ",\"action\":\"ADJUST\",\"position\":" + MODULES_ROW
                + ",\"score\":\"%s\",\"reason\":\"%s\"}";
        JsonNode noReason = problem(review(id, reviewer, adjust.formatted("20", " "), null), 422, "invalid-command");
        assertThat(noReason.get("violations").findValuesAsString("field")).containsExactly("reason");
        JsonNode tooHigh = problem(review(id, reviewer, adjust.formatted("25", "超出权重"), null), 422,
                "invalid-command");
        assertThat(tooHigh.get("violations").get(0).get("message").asString()).contains("不能超过权重");
        problem(review(id, reviewer, adjust.formatted("二十", "不是数字"), null), 422, "invalid-command");
        problem(review(id, reviewer, "{\"version\":" + version(id) + ",\"action\":\"ADJUST\",\"position\":999,"
                + "\"score\":\"1\",\"reason\":\"行不存在\"}", null), 422, "invalid-command");
        MockHttpServletResponse adjusted = review(id, reviewer, adjust.formatted("20", "延期模块已于次年一月上线"), null);
        assertThat(adjusted.getStatus()).as(adjusted.getContentAsString()).isEqualTo(200);
        JsonNode row = read(adjusted).get("rows").get(MODULES_ROW - 1);
        assertThat(row.get("adjustedScore").asString()).isEqualTo("20.00");
        assertThat(row.get("finalScore").asString()).isEqualTo("20.00");
        assertThat(read(adjusted).get("review").get("adjustments").get(0).get("reason").asString())
                .isEqualTo("延期模块已于次年一月上线");
        JsonNode confirmed = read(review(id, reviewer, "{\"version\":" + version(id) + ",\"action\":\"CONFIRM\"}",
                null));
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("history").findValuesAsString("action")).containsSubsequence(
                "evaluation.submitted", "evaluation.review-started", "evaluation.score-adjusted",
                "evaluation.confirmed");
    }

    @Test
    void aReturnNeedsItsCommentAndSendsTheFormBackToDraft() throws Exception {
        String token = token(CHENGGUAN_FILER);
        JsonNode e = started(unique("接口退回"));
        long id = e.get("id").asLong();
        long v = read(put(id, filledAsMet(e), token, null)).get("version").asLong();
        assertThat(submit(id, v, token, null).getStatus()).isEqualTo(200);
        String reviewer = token("finance");
        JsonNode missing = problem(review(id, reviewer, "{\"version\":" + version(id) + ",\"action\":\"RETURN\"}",
                null), 422, "invalid-command");
        assertThat(missing.get("violations").findValuesAsString("field")).containsExactly("comment");
        problem(review(id, reviewer, "{\"version\":" + version(id) + "}", null), 422, "invalid-command");
        problem(review(id, reviewer, "{\"version\":" + version(id) + ",\"action\":\"PUBLISH\"}", null), 400,
                "invalid-field");
        JsonNode returned = read(review(id, reviewer, "{\"version\":" + version(id)
                + ",\"action\":\"RETURN\",\"comment\":\"请补充项目实施情况\"}", null));
        assertThat(returned.get("status").asString()).isEqualTo("DRAFT");
        assertThat(returned.get("review").get("returnComment").asString()).isEqualTo("请补充项目实施情况");
        problem(review(id, token("finance-jining"), "{\"version\":" + version(id) + ",\"action\":\"START\"}", null),
                404, "not-found");
    }

    // ------------------------------------------------------------------ helpers

    EvaluationFixtures fixtures() {
        return evaluationFixtures();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A started self-evaluation of 城管局 (an approved declaration with 平台上线模块数 and 系统可用率). */
    JsonNode started(String projectName) throws Exception {
        long declaration = fixtures().approvedSuzhou(DemoOrganization.CHENGGUAN, projectName, MODULES, UPTIME);
        MockHttpServletResponse r = start(declaration, token(CHENGGUAN_FILER), null);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return read(r);
    }

    /** The save body of a filer who met every target, with both funds blocks, sub-projects, a narrative, sign-off. */
    ObjectNode filledAsMet(JsonNode e) {
        ObjectNode body = json.createObjectNode();
        body.put("version", e.get("version").asLong());
        body.putObject("cityBudget").put("initialBudget", "100").put("adjustment", "0").put("appropriated", "100")
                .put("indicatorBalance", "0");
        body.putObject("cityFundsUse").put("appropriated", "100").put("actualPaid", "95").put("balance", "5")
                .put("carryover", "5").put("recovered", "0");
        ArrayNode subs = body.putArray("subProjects");
        for (int k = 0; k < e.get("funds").get("subProjects").size(); k++) {
            subs.add(k == 0 ? "30" : "11.86");
        }
        ArrayNode rows = body.putArray("rows");
        for (JsonNode r : e.get("rows")) {
            IndicatorValue target = IndicatorValue.of(r.get("target").asString());
            rows.addObject().put("actual", target.isQuantitative()
                    ? target.number().stripTrailingZeros().toPlainString() + target.unitText()
                    : r.get("target").asString());
        }
        body.putObject("report").put("implementation", "项目按计划实施。");
        body.putObject("signature").put("filer", "李晓梅").put("unitLeader", "张建国").put("filingDate", "2026-01-15");
        return body;
    }

    static ObjectNode row(ObjectNode body, int index) {
        return (ObjectNode) body.get("rows").get(index);
    }

    long version(long id) throws Exception {
        return ok("/api/v1/evaluations/" + id, token("finance")).get("version").asLong();
    }

    MockHttpServletResponse start(long declaration, String token, String key) throws Exception {
        var request = MockMvcRequestBuilders.post("/api/v1/declarations/" + declaration + "/evaluation");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return call(request, token).getResponse();
    }

    MockHttpServletResponse put(long id, JsonNode body, String token, String key) throws Exception {
        return write(MockMvcRequestBuilders.put("/api/v1/evaluations/" + id), json.writeValueAsString(body), token,
                key);
    }

    MockHttpServletResponse submit(long id, long version, String token, String key) throws Exception {
        return write(MockMvcRequestBuilders.post("/api/v1/evaluations/" + id + "/submit"),
                "{\"version\":" + version + "}", token, key);
    }

    MockHttpServletResponse review(long id, String token, String body, String key) throws Exception {
        return write(MockMvcRequestBuilders.post("/api/v1/evaluations/" + id + "/review"), body, token, key);
    }

    private MockHttpServletResponse write(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
                                                  request, String body, String token, String key) throws Exception {
        request.contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return call(request, token).getResponse();
    }
}
