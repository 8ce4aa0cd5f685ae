package cn.perf.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * The contract of {@code /api/v1/evaluations}, read back from seed 002 (电子政务项目建设资金, 苏州市信息中心, 2020):
 * the list with the page's filters; one form with every row's actual value, filed and computed score and trace, the
 * category subtotals, total, grade and findings (the recorded 6 for 预算执行率 93% against the computed score); the
 * file links; another unit's form 404.
 */
class EvaluationApiContractTest extends ApiTestSupport {

    static final String SEED_002 = "电子政务项目建设资金";
    static final String XINXI_FILER = "filer-xxzx";

    @Test
    void theListTakesThePagesFilters() throws Exception {
        JsonNode list = ok("/api/v1/evaluations?year=2020&name=电子政务&size=10", token("finance"));
        assertThat(list.get("total").asLong()).isEqualTo(1);
        JsonNode row = list.get("rows").get(0);
        assertThat(row.get("projectName").asString()).isEqualTo(SEED_002);
        assertThat(row.get("year").asInt()).isEqualTo(2020);
        assertThat(row.get("layout").asString()).isEqualTo("SUZHOU_2017");
        assertThat(row.get("computedTotal").asString()).matches("\\d+\\.\\d{2}");
        assertThat(row.get("links").get("self").asString()).isEqualTo("/api/v1/evaluations/" + row.get("id"));
        assertThat(ok("/api/v1/evaluations?year=2020", token(CHENGGUAN_FILER)).get("rows").findValuesAsString(
                "projectName")).doesNotContain(SEED_002);
    }

    @Test
    void oneFormCarriesActualValuesComputedScoresTracesAndFindings() throws Exception {
        String token = token(XINXI_FILER);
        long id = ok("/api/v1/evaluations?name=" + SEED_002, token).get("rows").get(0).get("id").asLong();
        JsonNode e = ok("/api/v1/evaluations/" + id, token);
        assertThat(e.get("projectName").asString()).isEqualTo(SEED_002);
        assertThat(e.get("version").isIntegralNumber()).isTrue();
        assertThat(e.get("scoring").get("regimeId").asString()).isEqualTo("SUZHOU_2017");
        assertThat(e.get("scoring").get("total").asString()).matches("\\d+\\.\\d{2}");
        assertThat(e.get("scoring").get("grade").asString()).isNotBlank();
        assertThat(e.get("categories").findValuesAsString("points")).contains("26.00", "24.00", "22.00", "8.00");
        JsonNode rows = e.get("rows");
        assertThat(rows.size()).isGreaterThan(30);
        JsonNode execution = null;
        for (JsonNode r : rows) {
            if (r.get("name").asString().equals("预算执行率")) {
                execution = r;
            }
        }
        assertThat(execution).as("the 预算执行率 row").isNotNull();
        assertThat(execution.get("actual").asString()).contains("93");
        assertThat(execution.get("recordedScore").asString()).isEqualTo("6.00");
        assertThat(execution.get("computedScore").asString()).matches("\\d+\\.\\d{2}")
                .isNotEqualTo("6.00");
        assertThat(execution.get("trace").asString()).contains("完成率");
        assertThat(execution.get("findings").findValuesAsString("code")).contains("RECORDED_SCORE_MISMATCH");
        assertThat(e.get("funds").get("cityFundsUse").get("appropriated").isString()).isTrue();
        assertThat(e.get("links").get("pdf").asString()).isEqualTo("/api/v1/evaluations/" + id + "/pdf");
        MockHttpServletResponse pdf = get("/api/v1/evaluations/" + id + "/pdf", token);
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(get("/api/v1/evaluations/" + id + "/xlsx", token).getStatus()).isEqualTo(200);

        problem(get("/api/v1/evaluations/" + id, token(CHENGGUAN_FILER)), 404, "not-found");
        problem(get("/api/v1/evaluations/" + id + "/pdf", token(CHENGGUAN_FILER)), 404, "not-found");
    }
}
