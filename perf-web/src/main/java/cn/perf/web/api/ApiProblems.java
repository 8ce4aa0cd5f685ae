package cn.perf.web.api;

import cn.perf.domain.shared.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the API's problem details ({@link ApiProblem}) from the {@code api-messages} bundle — {@code
 * api.problem.<kind>.title} and {@code .detail} — and writes them where no controller runs (the security filters:
 * 401, 403, 413). Violations are resolved like the pages resolve them ({@code violation.<code>} with the violation's
 * arguments, the domain's own message as the default), so a program reads the same sentence a person sees.
 */
@Component
public class ApiProblems {

    /** The media type of every problem. */
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    /** Prefix of every problem type. */
    public static final String TYPE_PREFIX = "urn:perf:problem:";

    private final MessageSource messages;
    private final JsonMapper json;

    ApiProblems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /**
     * A problem of kind {@code kind} (lower-case, dashes: {@code not-found}) with the bundle's title and detail; the
     * detail's arguments are {@code args}.
     */
    public ApiProblem of(HttpStatus status, String kind, HttpServletRequest request, Object... args) {
        return of(status, kind, request, List.of(), null, args);
    }

    public ApiProblem of(HttpStatus status, String kind, HttpServletRequest request,
                         List<ApiProblem.FieldViolation> violations, Long currentVersion, Object... args) {
        String key = "api.problem." + kind;
        String title = messages.getMessage(key + ".title", null, status.getReasonPhrase(),
                LocaleContextHolder.getLocale());
        String detail = messages.getMessage(key + ".detail", args, null, LocaleContextHolder.getLocale());
        return new ApiProblem(TYPE_PREFIX + kind, title, status.value(), detail, path(request),
                violations == null || violations.isEmpty() ? null : List.copyOf(violations), currentVersion);
    }

    /** The domain's violations with the pages' messages. */
    public List<ApiProblem.FieldViolation> violations(List<Violation> violations) {
        return violations.stream().map(v -> new ApiProblem.FieldViolation(v.path(), messages.getMessage(
                "violation." + v.code(), v.argsArray(), v.message(), LocaleContextHolder.getLocale()))).toList();
    }

    /** A message of the bundle (for violations the web layer itself finds: a bad parameter, an unknown field). */
    public String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    /** Writes {@code problem} as the response (from a filter, where no message converter runs). */
    public void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
        response.flushBuffer();
    }

    private static String path(HttpServletRequest request) {
        return request == null ? null : request.getRequestURI().substring(request.getContextPath().length());
    }
}
