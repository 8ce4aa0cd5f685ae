package cn.perf.web.shell;

import cn.perf.domain.shared.Violation;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;

/**
 * Puts the domain's violations (DESIGN.md §8: field path, message key, arguments) onto a page's
 * {@link BindingResult}, so each message lands next to its field: the key is {@code violation.<code>} (the bundle's
 * Chinese text), the domain's own message the default. A path the form has no field for becomes a form-level error.
 */
public final class FormViolations {

    private FormViolations() {
    }

    /** Each violation at its own path. */
    public static void reject(BindingResult result, List<Violation> violations) {
        reject(result, violations, UnaryOperator.identity());
    }

    /** Each violation at the form's path for its domain path ({@code formPath}; empty = the whole form). */
    public static void reject(BindingResult result, List<Violation> violations, UnaryOperator<String> formPath) {
        for (Violation v : violations) {
            String path = formPath.apply(v.path());
            if (path.isEmpty()) {
                result.reject("violation." + v.code(), v.argsArray(), v.message());
                continue;
            }
            try {
                result.rejectValue(path, "violation." + v.code(), v.argsArray(), v.message());
            } catch (NotReadablePropertyException | IllegalArgumentException e) {
                result.reject("violation." + v.code(), v.argsArray(), v.message());
            }
        }
    }
}
