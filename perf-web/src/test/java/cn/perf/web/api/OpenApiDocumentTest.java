package cn.perf.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v3/api-docs}: an OpenAPI 3.1 document of the API's endpoints only (no page), with the bearer-token scheme,
 * the problem schema on every operation, and the seeds' values as examples; readable by any signed-in caller.
 */
class OpenApiDocumentTest extends ApiTestSupport {

    @Test
    void theDocumentDescribesTheApiAndOnlyTheApi() throws Exception {
        JsonNode doc = ok("/v3/api-docs", token(CHENGGUAN_FILER));
        assertThat(doc.get("openapi").asString()).startsWith("3.1");
        assertThat(doc.get("info").get("title").asString()).isEqualTo("预算绩效管理 API");
        List<String> paths = new ArrayList<>(doc.get("paths").propertyNames());
        assertThat(paths).contains("/api/v1/units", "/api/v1/declarations", "/api/v1/declarations/{id}",
                "/api/v1/declarations/{id}/submit", "/api/v1/declarations/{id}/findings",
                "/api/v1/declarations/{id}/history", "/api/v1/declarations/{id}/pdf", "/api/v1/evaluations",
                "/api/v1/evaluations/{id}", "/api/v1/declarations/{id}/review", "/api/v1/declarations/{id}/evaluation",
                "/api/v1/evaluations/{id}/submit", "/api/v1/evaluations/{id}/review",
                "/api/v1/evaluations/{id}/findings", "/api/v1/scoring/preview", "/api/v1/scoring/regimes");
        assertThat(doc.get("paths").get("/api/v1/declarations").get("post").get("parameters")
                .findValuesAsString("name")).contains("Idempotency-Key");
        assertThat(doc.get("paths").get("/api/v1/evaluations/{id}").get("put")).isNotNull();
        assertThat(paths).allMatch(p -> p.startsWith("/api/v1/"));
        assertThat(doc.get("components").get("securitySchemes").get("bearerToken").get("scheme").asString())
                .isEqualTo("bearer");
        JsonNode one = doc.get("paths").get("/api/v1/declarations/{id}").get("get");
        assertThat(one.get("responses").get("404").get("content").get("application/problem+json").get("schema")
                .get("$ref").asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(one.get("responses").get("401")).isNotNull();
        assertThat(one.get("responses").get("200").get("content").get("application/json")).isNotNull();
        assertThat(one.get("parameters").findValuesAsString("name")).as("scope is the caller's, not a parameter")
                .containsExactly("id");
        JsonNode put = doc.get("paths").get("/api/v1/declarations/{id}").get("put");
        assertThat(put.get("parameters").findValuesAsString("name")).contains("Idempotency-Key");
        JsonNode problem = doc.get("components").get("schemas").get("Problem");
        assertThat(problem.get("properties").propertyNames()).contains("type", "title", "status", "detail",
                "violations");
        assertThat(doc.toString()).contains("苏州市住建局“互联网+监管”", "41.86");
    }

    @Test
    void anonymousCallersGetNoDocument() throws Exception {
        assertThat(get("/v3/api-docs", null).getStatus()).isEqualTo(401);
    }
}
