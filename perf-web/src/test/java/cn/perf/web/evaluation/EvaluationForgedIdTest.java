package cn.perf.web.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.web.evaluation.EvaluationFixtures.Row;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.MultiValueMap;

/**
 * A forged self-evaluation id gets 404 and changes nothing (DESIGN.md §8), on every route of the pages, GET and POST:
 * another unit's form, another region's form, a form that does not exist. The 404 page is Chinese and carries none of
 * the form's data.
 */
class EvaluationForgedIdTest extends EvaluationPageSupport {

    private static final Row MODULES = Row.suzhou("产出", "平台上线模块数", "≥10个");

    @Test
    void anotherUnitsSelfEvaluationIsNotFoundOnEveryRouteAndNothingChanges() throws Exception {
        String name = unique("他人自评");
        long id = suzhouEvaluation(name, MODULES);
        Document ownersEdit = editPage(FILER, id);
        save(FILER, id, filledAsMet(ownersEdit));
        Document before = editPage(FILER, id);
        long version = versionOf(before);
        MultiValueMap<String, String> forged = evaluationForm(before);
        forged.set("rows[14].actual", "1个");
        forged.set("signature.filer", "冒名顶替");

        for (String intruder : List.of(OTHER_FILER, DSJ_REVIEWER, JINING_FILER, FINANCE_JINING)) {
            assertEveryRouteIsNotFound(intruder, id, version, forged, name);
        }

        Document after = editPage(FILER, id);
        assertThat(versionOf(after)).isEqualTo(version);
        assertThat(evaluationForm(after)).isEqualTo(evaluationForm(before));
        assertThat(storedVersion(id)).isEqualTo(version);
        assertThat(stored(id, SelfEvaluation::status)).isEqualTo(EvaluationStatus.DRAFT);
        assertThat(stored(id, (SelfEvaluation e) -> e.signOff().filer())).isEqualTo("李晓梅");
        assertThat(stored(id, (SelfEvaluation e) -> List.copyOf(e.adjustments()))).isEmpty();
    }

    @Test
    void aSubmittedSelfEvaluationOfAnotherUnitCannotBeReviewedOrReturnedByAnIntruder() throws Exception {
        long id = suzhouEvaluation(unique("他人已提交"), MODULES);
        save(FILER, id, filledAsMet(editPage(FILER, id)));
        post(FILER, "/evaluations/" + id + "/submit", params("version", String.valueOf(storedVersion(id))));
        assertThat(stored(id, SelfEvaluation::status)).isEqualTo(EvaluationStatus.SUBMITTED);
        long version = storedVersion(id);

        for (String intruder : List.of(OTHER_FILER, DSJ_REVIEWER, FINANCE_JINING)) {
            for (String action : List.of("START", "RETURN", "CONFIRM", "ADJUST")) {
                assertNotFound(post(intruder, "/evaluations/" + id + "/review", params("version",
                        String.valueOf(version), "action", action, "comment", "越权", "position", "1", "score", "0",
                        "reason", "越权")).getResponse());
            }
        }

        assertThat(storedVersion(id)).isEqualTo(version);
        assertThat(stored(id, SelfEvaluation::status)).isEqualTo(EvaluationStatus.SUBMITTED);
    }

    @Test
    void aSelfEvaluationThatDoesNotExistIsNotFoundOnEveryRoute() throws Exception {
        assertEveryRouteIsNotFound(FILER, NO_SUCH_ID, 0, params("rows[0].actual", "1个"), null);
        assertEveryRouteIsNotFound(FINANCE, NO_SUCH_ID, 0, params(), null);
    }

    @Test
    void seed002IsNotFoundForAnotherUnitsFilerOrAnotherRegion() throws Exception {
        long seed = doc(DSJ_REVIEWER, "/evaluations?year=2020&name=" + SEED_002)
                .select("#evaluations tbody tr[data-id]").stream().map(tr -> Long.parseLong(tr.attr("data-id")))
                .findFirst().orElseThrow();
        long version = storedVersion(seed);

        for (String intruder : List.of(FILER, OTHER_FILER, REVIEWER, JINING_FILER, FINANCE_JINING)) {
            assertEveryRouteIsNotFound(intruder, seed, version, params("rows[0].actual", "合规"), SEED_002);
        }

        assertThat(storedVersion(seed)).isEqualTo(version);
        assertThat(stored(seed, SelfEvaluation::status)).isEqualTo(EvaluationStatus.SUBMITTED);
    }

    @Test
    void withoutALoginEveryRouteRedirectsToTheLoginPage() throws Exception {
        long id = suzhouEvaluation(unique("匿名"), MODULES);
        long version = storedVersion(id);

        for (String url : List.of("/evaluations", "/evaluations/" + id, "/evaluations/" + id + "/edit",
                "/evaluations/" + id + "/compare")) {
            MockHttpServletResponse r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .get(url)).andReturn().getResponse();
            assertThat(r.getRedirectedUrl()).as(url).endsWith("/login");
        }
        for (String url : List.of("/evaluations/" + id + "/edit", "/evaluations/" + id + "/preview",
                "/evaluations/" + id + "/submit", "/evaluations/" + id + "/review")) {
            MockHttpServletResponse r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .post(url).with(org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .param("version", String.valueOf(version)).param("action", "START")
                    .param("layout", "SUZHOU_2017")).andReturn().getResponse();
            assertThat(r.getRedirectedUrl()).as(url).endsWith("/login");
        }
        assertThat(storedVersion(id)).isEqualTo(version);
    }

    // ------------------------------------------------------------------ helpers

    /** Every GET and POST route of the self-evaluation {@code id} answers {@code username} with the 404 page. */
    private void assertEveryRouteIsNotFound(String username, long id, long version, MultiValueMap<String, String> form,
                                            String projectName) throws Exception {
        String base = "/evaluations/" + id;
        String v = String.valueOf(version);
        List<MockHttpServletResponse> responses = new java.util.ArrayList<>();
        responses.add(get(username, base));
        responses.add(get(username, base + "/edit"));
        responses.add(get(username, base + "/compare"));
        responses.add(get(username, base + "/compare?regime=NATIONAL_2020"));
        MultiValueMap<String, String> save = new org.springframework.util.LinkedMultiValueMap<>(form);
        save.set("version", v);
        save.set("layout", "SUZHOU_2017");
        responses.add(post(username, base + "/edit", save).getResponse());
        MultiValueMap<String, String> submitting = new org.springframework.util.LinkedMultiValueMap<>(save);
        submitting.set("_op", "submit");
        responses.add(post(username, base + "/edit", submitting).getResponse());
        responses.add(post(username, base + "/preview", save).getResponse());
        responses.add(post(username, base + "/submit", params("version", v)).getResponse());
        for (String action : List.of("START", "ADJUST", "CONFIRM", "RETURN")) {
            responses.add(post(username, base + "/review", params("version", v, "action", action, "position", "1",
                    "score", "0", "reason", "伪造", "comment", "伪造")).getResponse());
        }
        for (MockHttpServletResponse r : responses) {
            assertNotFound(r);
            if (projectName != null) {
                assertThat(r.getContentAsString()).as("the 404 page names nothing of the form")
                        .doesNotContain(projectName);
            }
        }
    }
}
