package cn.perf.web.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.shared.DomainEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.util.MultiValueMap;

/**
 * The pages' workflow steps reach Spring listeners as {@link DomainEvent}s (what the audit log listens to): a save
 * with before/after values, the submit and the review, each with the signed-in user as actor.
 */
@Import(DeclarationWorkflowEventsTest.Recorder.class)
class DeclarationWorkflowEventsTest extends DeclarationPageSupport {

    @TestConfiguration
    static class Recorder {
        final List<DomainEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(DomainEvent event) {
            events.add(event);
        }
    }

    @Autowired
    Recorder recorder;

    @Test
    void aSaveASubmitAndAReviewArePublishedWithActorAndFacts() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("事件"), 2027);
        MultiValueMap<String, String> form = declarationForm(page(CHENGGUAN_FILER, "/declarations/" + id + "/edit"));
        form.set("projectLeader", "钱审计");
        post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", form);
        String version = valueOf(page(CHENGGUAN_FILER, "/declarations/" + id + "/edit"), "version");
        post(CHENGGUAN_FILER, "/declarations/" + id + "/submit", params("version", version));
        MultiValueMap<String, String> review = formOf(page("reviewer-001239", "/declarations/" + id), "review-form");
        review.set("decision", "RETURN");
        review.set("comment", "请细化指标");
        post("reviewer-001239", "/declarations/" + id + "/review", review);

        List<DomainEvent> mine = recorder.events.stream().filter(e -> e.subjectId().equals(String.valueOf(id)))
                .toList();
        assertThat(mine).extracting(DomainEvent::action).containsExactly("declaration.revised",
                "declaration.submitted", "declaration.returned");
        assertThat(mine).extracting(DomainEvent::actor).containsExactly(CHENGGUAN_FILER, CHENGGUAN_FILER,
                "reviewer-001239");
        assertThat(mine.get(0).details()).containsEntry("before.projectLeader", "张建国")
                .containsEntry("after.projectLeader", "钱审计");
        assertThat(mine.get(1).details()).containsEntry("from", "DRAFT").containsEntry("to", "SUBMITTED");
        assertThat(mine.get(2).details()).containsEntry("decision", "RETURN").containsEntry("comment", "请细化指标")
                .containsEntry("from", "SUBMITTED").containsEntry("to", "RETURNED");
    }
}
