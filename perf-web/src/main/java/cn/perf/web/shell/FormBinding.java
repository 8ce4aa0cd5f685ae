package cn.perf.web.shell;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.WebDataBinder;

/**
 * Binding for the big form pages (申报表, 自评表), which post hundreds of fields, their CSRF token ({@code _csrf})
 * and the button pressed ({@code _op}), and have no checkbox.
 *
 * <p>Spring reads every parameter that starts with {@code _} as a checkbox's field marker and asks the form object
 * whether it has a property of that name ({@code csrf}, {@code op}); each such question that finds none builds and
 * throws an exception with its stack trace inside the binder (0.5 % of the request threads' CPU in a deadline-week
 * round, every save and every live score; docs/performance.md). These forms have no checkbox, so they need no
 * markers: {@link #withoutFieldMarkers} turns them off and keeps the two parameters away from the form object
 * (disallowed fields are skipped by name, without that question).
 */
public final class FormBinding {

    /** Parameters of every form page that are not the form object's: the CSRF token, the button pressed. */
    static final List<String> NOT_THE_FORMS = List.of("_csrf", "_op");

    private FormBinding() {
    }

    /**
     * No field markers on {@code binder}; the page's own parameters and {@code disallowed} are not bound. Only for a
     * form with no checkbox (an unchecked checkbox is only ever sent as its marker).
     */
    public static void withoutFieldMarkers(WebDataBinder binder, String... disallowed) {
        binder.setFieldMarkerPrefix(null);
        List<String> fields = new ArrayList<>(List.of(disallowed));
        fields.addAll(NOT_THE_FORMS);
        binder.setDisallowedFields(fields.toArray(String[]::new));
    }
}
