package cn.perf.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.web.bind.WebDataBinder;

class FormBindingTest {

    /** A form object with no property named like the page's own parameters. */
    public static class Form {
        private String name;
        private Long id;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }
    }

    static MutablePropertyValues posted() {
        MutablePropertyValues values = new MutablePropertyValues();
        values.add("_csrf", "token-value");
        values.add("_op", "submit");
        values.add("name", "项目名称");
        values.add("id", "42");
        return values;
    }

    @Test
    void theTokenAndTheButtonAreSkippedByNameAndTheFieldsAreBound() {
        Form form = new Form();
        WebDataBinder binder = new WebDataBinder(form, "form");
        FormBinding.withoutFieldMarkers(binder, "id");

        binder.bind(posted());

        assertThat(form.getName()).isEqualTo("项目名称");
        assertThat(form.getId()).as("disallowed by the caller").isNull();
        assertThat(binder.getBindingResult().hasErrors()).isFalse();
        assertThat(binder.getBindingResult().getSuppressedFields()).containsExactlyInAnyOrder("_csrf", "_op", "id");
        assertThat(binder.getFieldMarkerPrefix()).isNull();
    }

    /**
     * What {@link FormBinding} avoids: with Spring's defaults {@code _csrf} and {@code _op} are field markers, not
     * skipped by name: the binder asks the form whether it has properties {@code csrf} and {@code op}, and a
     * question that finds none is answered by an exception thrown and caught inside the binder, on every post.
     */
    @Test
    void withSpringsDefaultsTheTokenIsTakenForAFieldMarker() {
        Form form = new Form();
        WebDataBinder binder = new WebDataBinder(form, "form");

        binder.bind(posted());

        assertThat(binder.getFieldMarkerPrefix()).isEqualTo("_");
        assertThat(binder.getBindingResult().getSuppressedFields()).doesNotContain("_csrf", "_op");
        assertThat(form.getName()).isEqualTo("项目名称");
    }
}
