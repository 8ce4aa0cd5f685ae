package cn.perf.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.evaluation.CarryOverCheck;
import cn.perf.scoring.target.Direction;
import cn.perf.web.evaluation.EvaluationFixtures;
import cn.perf.web.evaluation.EvaluationFixtures.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/scoring/preview} and {@code GET /api/v1/scoring/regimes}: the preview of a stored sheet, sent as
 * a program would send its spreadsheet, equals the stored and computed score of that sheet row by row (weight, score,
 * status, trace, findings) and in subtotals, total and grade — seed 002 (computed 77.90; 预算执行率 3.90 computed
 * against 6 filed) and every other self-evaluation stored, national ones with their 预算执行率 too. Inline regime
 * parameters change what they say; every problem is a 422 at its path; nothing is stored.
 */
class ScoringPreviewApiTest extends ApiTestSupport {

    static final String SEED_002 = "电子政务项目建设资金";
    /** Findings the engine cannot make (differences from the approved declaration): not part of a sheet. */
    static final Set<String> CARRY_OVER = Set.of(CarryOverCheck.CODE, CarryOverCheck.NOT_COMPARED_CODE);


    @Test
    void thePreviewOfSeed002EqualsItsStoredScoreRowByRowAndInTotal() throws Exception {
        String token = token("finance");
        JsonNode listed = ok("/api/v1/evaluations?year=2020&name=" + SEED_002, token).get("rows").get(0);
        long id = listed.get("id").asLong();
        JsonNode stored = ok("/api/v1/evaluations/" + id, token);
        JsonNode preview = preview(sheetOf(id, stored), token);

        assertThat(preview.get("total").asString()).isEqualTo("77.90")
                .isEqualTo(listed.get("computedTotal").asString()).isEqualTo(stored.get("scoring").get("total")
                        .asString());
        assertThat(jdbc.queryForObject("select computed_total from self_evaluation where id = ?",
                java.math.BigDecimal.class, id)).isEqualByComparingTo("77.90");
        assertThat(preview.get("recordedTotal").asString()).isEqualTo("80.00");
        assertThat(preview.get("grade").asString()).isEqualTo("优");
        JsonNode execution = null;
        for (JsonNode r : preview.get("rows")) {
            if (r.get("name").asString().equals("预算执行率")) {
                execution = r;
            }
        }
        assertThat(execution).isNotNull();
        assertThat(execution.get("computedScore").asString()).isEqualTo("3.90");
        assertThat(execution.get("recordedScore").asString()).isEqualTo("6.00");
        assertThat(execution.get("trace").asString()).contains("6 × 65% = 3.90");
        assertThat(execution.get("findings").findValuesAsString("code")).contains("RECORDED_SCORE_MISMATCH");
        assertSameScoring(id, stored, preview);
    }

    @Test
    void thePreviewOfEveryStoredSelfEvaluationEqualsItsScoreNationalOnesWithTheirBudgetExecution()
            throws Exception {
        nationalEvaluationFilledThroughTheApi();
        int compared = 0;
        Set<String> layouts = new LinkedHashSet<>();
        for (String who : List.of("finance", "finance-jining")) {
            String token = token(who);
            for (JsonNode row : ok("/api/v1/evaluations?size=100", token).get("rows")) {
                long id = row.get("id").asLong();
                JsonNode stored = ok("/api/v1/evaluations/" + id, token);
                assertSameScoring(id, stored, preview(sheetOf(id, stored), token));
                layouts.add(stored.get("layout").asString());
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(2);
        assertThat(layouts).contains("SUZHOU_2017", "NATIONAL_2020");
    }

    @Test
    void theRegimesAreListedWithTheirParametersWhichInlineGiveTheSameScores() throws Exception {
        String token = token(CHENGGUAN_FILER);
        JsonNode regimes = ok("/api/v1/scoring/regimes", token);
        assertThat(regimes.get("rows").findValuesAsString("id")).contains("SUZHOU_2017", "NATIONAL_2020");
        JsonNode suzhou = regimes.get("rows").get(0);
        assertThat(suzhou.get("id").asString()).isEqualTo("SUZHOU_2017");
        assertThat(suzhou.get("categories").findValuesAsString("points")).containsExactly("26.00", "24.00",
                "22.00", "8.00");
        assertThat(suzhou.get("categories").findValuesAsString("method")).containsExactly("BAND", "BAND",
                "THRESHOLD", "THRESHOLD");
        assertThat(suzhou.get("band").get("shortDeductionPercentPerPoint").asString()).isEqualTo("5.00");
        assertThat(suzhou.get("grades").findValuesAsString("minPercent")).containsExactly("90.00", "80.00",
                "60.00", "0.00");
        assertThat(suzhou.get("parameters").get("categories").asString()).startsWith("投入:26:BAND");
        JsonNode national = regimes.get("rows").get(1);
        assertThat(national.get("budgetExecutionPoints").asString()).isEqualTo("10.00");
        assertThat(national.get("qualitative").get("tiers").findValuesAsString("name")).containsExactly("达成",
                "部分达成", "未达成");

        long id = seed002(token("finance"));
        ObjectNode sheet = sheetOf(id, ok("/api/v1/evaluations/" + id, token("finance")));
        JsonNode byId = preview(sheet, token);
        sheet.remove("regimeId");
        sheet.set("regimeParameters", suzhou.get("parameters"));
        JsonNode inline = preview(sheet, token);
        assertThat(inline.get("total").asString()).isEqualTo(byId.get("total").asString());
        assertThat(inline.get("rows").findValuesAsString("trace")).isEqualTo(byId.get("rows")
                .findValuesAsString("trace"));

        // a province's stricter bands on the same sheet: 97.38% is no longer 优
        ObjectNode stricter = json.createObjectNode().put("regime.base", "SUZHOU_2017")
                .put("grades", "优:98,良:80,中:60,差:0");
        sheet.set("regimeParameters", stricter);
        JsonNode strict = preview(sheet, token);
        assertThat(strict.get("regimeId").asString()).isEqualTo("INLINE");
        assertThat(strict.get("regimeName").asString()).contains("按请求参数调整", "苏州");
        assertThat(strict.get("total").asString()).isEqualTo("77.90");
        assertThat(strict.get("grade").asString()).isEqualTo("良");
    }

    @Test
    void aSmallSheetIsScoredWithTracesSubtotalsGradeAndAReviewersAdjustment() throws Exception {
        String token = token(ZHUJIAN_FILER);
        ObjectNode sheet = json.createObjectNode().put("regimeId", "NATIONAL_2020").put("title", "试算");
        sheet.putArray("categories").add(json.createObjectNode().put("name", "产出指标").put("points", "50"))
                .add(json.createObjectNode().put("name", "效益指标").put("points", "30"))
                .add(json.createObjectNode().put("name", "满意度指标").put("points", "10"));
        ArrayNode rows = sheet.putArray("rows");
        rows.addObject().put("category", "产出指标").put("subCategory", "数量指标").put("name", "培训人次")
                .put("target", "≥500人次").put("weight", "30").put("actual", "450人次");
        rows.addObject().put("category", "产出指标").put("subCategory", "时效指标").put("name", "完成时间")
                .put("target", "≤12个月").put("weight", "20").put("actual", "15个月");
        rows.addObject().put("category", "效益指标").put("subCategory", "社会效益指标").put("name", "投诉率")
                .put("target", "=5%").put("direction", "LOWER_IS_BETTER").put("weight", "30").put("actual", "4%");
        rows.addObject().put("category", "满意度指标").put("subCategory", "服务对象满意度指标").put("name", "满意度")
                .put("target", "≥90%").put("weight", "10").put("actual", "95%").put("adjustedScore", "9")
                .put("adjustmentReason", "抽样偏少");
        ArrayNode funds = sheet.putObject("funds").putArray("nationalFunds");
        funds.addObject().put("kind", "TOTAL").put("initialBudget", "100").put("annualBudget", "100")
                .put("executed", "90");
        funds.addObject().put("kind", "CURRENT_APPROPRIATION").put("initialBudget", "100").put("annualBudget", "100")
                .put("executed", "90");
        for (String kind : List.of("PRIOR_CARRYOVER", "OTHER")) {
            funds.addObject().put("kind", kind).put("initialBudget", "0").put("annualBudget", "0")
                    .put("executed", "0");
        }
        long evaluations = jdbc.queryForObject("select count(*) from self_evaluation", Long.class);
        JsonNode r = preview(sheet, token);
        assertThat(r.get("rows").findValuesAsString("computedScore")).containsExactly("27.00", "15.00", "30.00",
                "10.00");
        assertThat(r.get("rows").get(0).get("trace").asString()).contains("450", "500");
        assertThat(r.get("rows").get(2).get("direction").asString()).isEqualTo("LOWER_IS_BETTER");
        assertThat(r.get("rows").get(3).get("finalScore").asString()).isEqualTo("9.00");
        assertThat(r.get("rows").get(3).get("status").asString()).isEqualTo("ADJUSTED_BY_REVIEWER");
        assertThat(r.get("categories").findValuesAsString("name")).containsExactly("产出", "效益", "满意度");
        assertThat(r.get("categories").findValuesAsString("score")).containsExactly("42.00", "30.00", "9.00");
        assertThat(r.get("budgetExecution").get("score").asString()).isEqualTo("9.00");
        assertThat(r.get("total").asString()).isEqualTo("90.00");
        assertThat(r.get("maxPoints").asString()).isEqualTo("100.00");
        assertThat(r.get("grade").asString()).isEqualTo("优");
        assertThat(r.get("complete").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from self_evaluation", Long.class))
                .as("nothing stored").isEqualTo(evaluations);
    }

    @Test
    void everyProblemOfASheetIsA422AtItsPathOrA400ForWhatCannotBeRead() throws Exception {
        String token = token(CHENGGUAN_FILER);
        ObjectNode sheet = json.createObjectNode();
        ArrayNode rows = sheet.putArray("rows");
        rows.addObject().put("category", "产出").put("name", "").put("target", "≥10个").put("weight", "6.555")
                .put("actual", "9个").put("adjustedScore", "3");
        rows.addObject().put("category", "产出").put("name", "完成率").put("target", "健全")
                .put("direction", "HIGHER_IS_BETTER");
        sheet.putObject("funds").putObject("cityFundsUse").put("appropriated", "十万");
        JsonNode shape = problem(post(sheet, token), 422, "invalid-command");
        assertThat(shape.get("violations").findValuesAsString("field")).contains("rows[0].weight",
                "funds.cityFundsUse.appropriated", "funds.cityFundsUse.actualPaid");
        ((ObjectNode) rows.get(0)).put("weight", "6");
        sheet.remove("funds");
        JsonNode rules = problem(post(sheet, token), 422, "invalid-command");
        assertThat(rules.get("violations").findValuesAsString("field")).contains("regimeId", "rows[0].name",
                "rows[0].adjustmentReason", "rows[1].direction");
        assertThat(rules.get("violations").toString()).contains("regimeParameters", "调整评分须填写理由");
        sheet.put("regimeId", "ZHEJIANG_2099");
        ((ObjectNode) rows.get(0)).put("name", "上线模块数").remove("adjustedScore");
        ((ObjectNode) rows.get(1)).remove("direction");
        JsonNode unknown = problem(post(sheet, token), 422, "invalid-command");
        assertThat(unknown.get("violations").get(0).get("message").asString()).contains("ZHEJIANG_2099");
        sheet.remove("regimeId");
        sheet.set("regimeParameters", json.createObjectNode().put("regime.base", "SUZHOU_2017")
                .put("grades", "优:九十"));
        JsonNode parameters = problem(post(sheet, token), 422, "invalid-command");
        assertThat(parameters.get("violations").get(0).get("field").asString()).isEqualTo("regimeParameters");
        assertThat(parameters.get("violations").get(0).get("message").asString()).contains("grades");
        problem(post(sheet.put("weights", "x"), token), 400, "unknown-field");
        problem(call(MockMvcRequestBuilders.post("/api/v1/scoring/preview").contentType(MediaType.APPLICATION_JSON)
                .content("{\"rows\": ["), token).getResponse(), 400, "malformed-json");
    }

    @Test
    void theScoringEndpointsAreForTheBusinessRoles() throws Exception {
        problem(get("/api/v1/scoring/regimes", token("admin")), 403, "forbidden");
        problem(get("/api/v1/scoring/regimes", null), 401, "unauthenticated");
        problem(post(json.createObjectNode(), token("auditor")), 403, "forbidden");
        assertThat(get("/api/v1/scoring/regimes", token("finance")).getStatus()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ helpers

    long seed002(String token) throws Exception {
        return ok("/api/v1/evaluations?year=2020&name=" + SEED_002, token).get("rows").get(0).get("id").asLong();
    }

    /** A national (NATIONAL_2020) self-evaluation of 城管局, its funds and actual values saved through the API. */
    void nationalEvaluationFilledThroughTheApi() throws Exception {
        EvaluationFixtures fixtures = evaluationFixtures();
        long declaration = fixtures.approvedNational(DemoOrganization.CHENGGUAN, "接口全国自评"
                        + UUID.randomUUID().toString().substring(0, 6),
                Row.national("产出指标", "数量指标", "培训人次", "≥500人次").weight("30"),
                Row.national("产出指标", "时效指标", "完成时间", "≤12个月").weight("20"),
                Row.national("效益指标", "社会效益指标", "业务系统投诉率", "=5%").weight("30")
                        .confirmed(Direction.LOWER_IS_BETTER),
                Row.national("满意度指标", "服务对象满意度指标", "满意度", "≥90%").weight("10"));
        String token = token(CHENGGUAN_FILER);
        MockHttpServletResponse started = call(MockMvcRequestBuilders.post("/api/v1/declarations/" + declaration
                + "/evaluation"), token).getResponse();
        assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(201);
        JsonNode e = read(started);
        ObjectNode body = json.createObjectNode().put("version", e.get("version").asLong()).put("budgetScore", "9");
        ArrayNode funds = body.putArray("nationalFunds");
        funds.addObject().put("kind", "TOTAL").put("initialBudget", "100").put("annualBudget", "100")
                .put("executed", "86.2");
        funds.addObject().put("kind", "CURRENT_APPROPRIATION").put("initialBudget", "100")
                .put("annualBudget", "100").put("executed", "86.2");
        funds.addObject().put("kind", "PRIOR_CARRYOVER").put("initialBudget", "0").put("annualBudget", "0")
                .put("executed", "0");
        funds.addObject().put("kind", "OTHER").put("initialBudget", "0").put("annualBudget", "0")
                .put("executed", "0");
        ArrayNode rows = body.putArray("rows");
        rows.addObject().put("actual", "450人次").put("deviationReason", "疫情停课一月");
        rows.addObject().put("actual", "15个月");
        rows.addObject().put("actual", "4%").put("recordedScore", "30");
        rows.addObject().put("actual", "95%");
        MockHttpServletResponse saved = call(MockMvcRequestBuilders.put("/api/v1/evaluations/" + e.get("id"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)), token).getResponse();
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
        assertThat(read(saved).get("scoring").get("budgetExecutionScore").asString()).isEqualTo("8.62");
    }

    /** The sheet of a stored self-evaluation, as a program would send its spreadsheet. */
    ObjectNode sheetOf(long id, JsonNode e) {
        Map<Integer, String> directions = new HashMap<>();
        jdbc.query("select position, target_direction from self_evaluation_indicator where self_evaluation_id = ? "
                + "and target_direction_confirmed", rs -> {
                    directions.put(rs.getInt(1), rs.getString(2));
                }, id);
        Map<Integer, JsonNode> adjustments = new HashMap<>();
        e.get("review").get("adjustments").forEach(a -> adjustments.put(a.get("position").asInt(), a));
        ObjectNode sheet = json.createObjectNode();
        sheet.put("regimeId", e.get("scoring").get("regimeId").asString());
        sheet.put("title", e.get("projectName").asString());
        ArrayNode categories = sheet.putArray("categories");
        e.get("categories").forEach(c -> categories.addObject().put("name", c.get("name").asString())
                .put("points", c.get("points").asString()));
        ArrayNode rows = sheet.putArray("rows");
        for (JsonNode r : e.get("rows")) {
            ObjectNode row = rows.addObject();
            for (String field : List.of("category", "subCategory", "name", "target", "weight", "actual",
                    "explanation", "deviationReason", "recordedScore", "adjustedScore")) {
                if (r.hasNonNull(field)) {
                    row.put(field, r.get(field).asString());
                }
            }
            int position = r.get("position").asInt();
            if (directions.containsKey(position)) {
                row.put("direction", directions.get(position));
            }
            if (r.hasNonNull("adjustedScore")) {
                // the latest adjustment of the row: its reason and reviewer are in the trace
                row.put("adjustmentReason", adjustments.get(position).get("reason").asString());
                row.put("adjustedBy", adjustments.get(position).get("reviewer").asString());
            }
        }
        JsonNode f = e.get("funds");
        ObjectNode funds = sheet.putObject("funds");
        if (f.hasNonNull("cityBudgetExecution")) {
            funds.set("cityBudgetExecution", f.get("cityBudgetExecution"));
        }
        if (f.hasNonNull("cityFundsUse")) {
            funds.set("cityFundsUse", f.get("cityFundsUse"));
        }
        ArrayNode subs = funds.putArray("subProjects");
        f.get("subProjects").forEach(s -> subs.addObject().put("name", s.get("name").asString())
                .put("actualAmount", s.get("actualAmount").asString()));
        if (f.hasNonNull("subProjectTotal")) {
            funds.put("subProjectTotal", f.get("subProjectTotal").asString());
        }
        ArrayNode national = funds.putArray("nationalFunds");
        f.get("nationalFunds").forEach(n -> national.addObject().put("kind", n.get("kind").asString())
                .put("initialBudget", n.get("initialBudget").asString())
                .put("annualBudget", n.get("annualBudget").asString())
                .put("executed", n.get("executed").asString()));
        if (e.get("scoring").hasNonNull("budgetExecutionRecordedScore")) {
            funds.put("budgetExecutionRecordedScore", e.get("scoring").get("budgetExecutionRecordedScore")
                    .asString());
        }
        if (e.get("scoring").hasNonNull("recordedTotal")) {
            sheet.put("recordedTotal", e.get("scoring").get("recordedTotal").asString());
        }
        return sheet;
    }

    /** The preview equals the stored form's scoring: every row, every subtotal, the total, grade and findings. */
    void assertSameScoring(long id, JsonNode stored, JsonNode preview) {
        String form = "evaluation " + id + " (" + stored.get("projectName").asString() + ")";
        JsonNode s = stored.get("scoring");
        assertThat(preview.get("regimeId").asString()).as(form).isEqualTo(s.get("regimeId").asString());
        assertThat(preview.get("total").asString()).as(form).isEqualTo(s.get("total").asString());
        assertThat(preview.get("maxPoints").asString()).as(form).isEqualTo(s.get("maxPoints").asString());
        assertThat(preview.get("grade").asString()).as(form).isEqualTo(s.get("grade").asString());
        assertThat(preview.get("gradeTrace").asString()).as(form).isEqualTo(s.get("gradeTrace").asString());
        assertThat(preview.get("complete").asBoolean()).as(form).isEqualTo(s.get("complete").asBoolean());
        if (s.hasNonNull("budgetExecutionScore")) {
            assertThat(preview.get("budgetExecution").get("score").asString()).as(form)
                    .isEqualTo(s.get("budgetExecutionScore").asString());
            assertThat(preview.get("budgetExecution").get("trace").asString()).as(form)
                    .isEqualTo(s.get("budgetExecutionTrace").asString());
        }
        assertThat(preview.get("rows")).as(form).hasSameSizeAs(stored.get("rows"));
        for (int k = 0; k < stored.get("rows").size(); k++) {
            JsonNode want = stored.get("rows").get(k);
            JsonNode got = preview.get("rows").get(k);
            String row = form + " row " + (k + 1);
            for (String field : List.of("weight", "computedScore", "finalScore", "status", "traceRule", "trace")) {
                assertThat(text(got, field)).as(row + " " + field).isEqualTo(text(want, field));
            }
            assertThat(codes(got.get("findings"))).as(row + " findings").isEqualTo(codes(want.get("findings")));
        }
        // the stored scores (kept with the form when it was last scored) are the same
        List<Map<String, Object>> kept = jdbc.queryForList("select position, computed_score, score_status "
                + "from self_evaluation_indicator where self_evaluation_id = ? order by position", id);
        for (Map<String, Object> r : kept) {
            JsonNode got = preview.get("rows").get((Integer) r.get("position") - 1);
            Object score = r.get("computed_score");
            assertThat(got.get("computedScore").isNull() ? null : got.get("computedScore").asString())
                    .as(form + " stored row " + r.get("position"))
                    .isEqualTo(score == null ? null : ((java.math.BigDecimal) score).setScale(2).toPlainString());
        }
        for (int k = 0; k < stored.get("categories").size(); k++) {
            for (String field : List.of("name", "points", "weightSum", "score")) {
                assertThat(text(preview.get("categories").get(k), field)).as(form + " category " + k + " " + field)
                        .isEqualTo(text(stored.get("categories").get(k), field));
            }
        }
        List<String> formFindings = codes(stored.get("formFindings"));
        formFindings.removeIf(CARRY_OVER::contains);
        List<String> previewSheetFindings = new ArrayList<>();
        preview.get("findings").forEach(f -> {
            if (f.get("rowPosition").isNull()) {
                previewSheetFindings.add(f.get("code").asString());
            }
        });
        assertThat(previewSheetFindings).as(form + " form findings").isEqualTo(formFindings);
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    static List<String> codes(JsonNode findings) {
        List<String> out = new ArrayList<>();
        findings.forEach(f -> {
            if (!CARRY_OVER.contains(f.get("code").asString())) {
                out.add(f.get("code").asString());
            }
        });
        return out;
    }

    MockHttpServletResponse post(JsonNode sheet, String token) throws Exception {
        return call(MockMvcRequestBuilders.post("/api/v1/scoring/preview").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(sheet)), token).getResponse();
    }

    JsonNode preview(JsonNode sheet, String token) throws Exception {
        MockHttpServletResponse r = post(sheet, token);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return read(r);
    }
}
