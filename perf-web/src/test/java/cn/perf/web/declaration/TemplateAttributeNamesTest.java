package cn.perf.web.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.MultiValueMap;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Every attribute name the pages write is registered with Thymeleaf at start-up ({@code TemplateAttributeNames}):
 * rendering the pages of every kind, as filer, reviewer and administrator, with htmx fragments and error pages, adds
 * no name to Thymeleaf's repository, so no request ever takes its write lock (a fair lock: one writer under load
 * parks every reader behind it; docs/performance.md).
 */
class TemplateAttributeNamesTest extends DeclarationPageSupport {

    @Autowired
    SpringTemplateEngine engine;

    @Test
    void renderingThePagesAddsNoAttributeName() throws Exception {
        Set<String> atStart = registered();
        assertThat(atStart).contains("hx-post", "aria-label", "data-key", "inputmode", "hx-swap-oob");

        long suzhou = createSuzhou(CHENGGUAN_FILER, unique("属性名"), 2027);
        long national = createNational(JINING_FILER, unique("属性名"), 2027);
        for (String url : List.of("/", "/todo", "/declarations", "/declarations/new?layout=SUZHOU",
                "/declarations/" + suzhou, "/declarations/" + suzhou + "/edit", "/declarations/" + suzhou + "/history",
                "/evaluations", "/imports", "/account/password", "/account/tokens")) {
            get(CHENGGUAN_FILER, url);
        }
        for (String url : List.of("/declarations/new?layout=NATIONAL", "/declarations/" + national,
                "/declarations/" + national + "/edit")) {
            get(JINING_FILER, url);
        }
        for (String url : List.of("/", "/todo", "/declarations", "/declarations/" + suzhou, "/evaluations")) {
            get("finance", url);
        }
        for (String url : List.of("/admin/users", "/admin/units", "/admin/audit", "/admin/deadlines",
                "/admin/security/locks", "/declarations/999999999", "/no-such-page")) {
            get("admin", url);
        }
        String edit = page(CHENGGUAN_FILER, "/declarations/" + suzhou + "/edit");
        MultiValueMap<String, String> form = declarationForm(edit);
        post(CHENGGUAN_FILER, "/declarations/form/lint", form);
        form.set("_op", "add:indicators:ANNUAL");
        post(CHENGGUAN_FILER, "/declarations/form/rows", form);
        form.set("priorBudgeted", "不是数字");
        form.remove("_op");
        post(CHENGGUAN_FILER, "/declarations/" + suzhou + "/edit", form);

        Set<String> added = new TreeSet<>(registered());
        added.removeAll(atStart);
        assertThat(added).as("attribute names Thymeleaf had to add while rendering").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Set<String> registered() throws Exception {
        Object definitions = engine.getConfiguration().getAttributeDefinitions();
        Field html = definitions.getClass().getDeclaredField("htmlAttributeRepository");
        html.setAccessible(true);
        Object repository = html.get(definitions);
        Field names = repository.getClass().getDeclaredField("repositoryNames");
        names.setAccessible(true);
        synchronized (repository) {
            return new TreeSet<>((List<String>) names.get(repository));
        }
    }
}
