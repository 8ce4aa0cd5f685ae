package cn.perf.web.api;

import cn.perf.domain.declaration.DeclarationRuleException;
import cn.perf.domain.declaration.ReviewNotAllowedException;
import cn.perf.domain.idempotency.IdempotentRequests;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.shared.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What the API's controllers ({@link ApiController}) answer when a use case refuses, as problem details
 * (RFC 9457). Ahead of the pages' advice ({@code DomainExceptionPages}), which renders HTML for the same exceptions.
 * <ul>
 *   <li>{@link NotFoundException} — a forged id, another unit's form — 404, exactly like the pages;</li>
 *   <li>a stale {@code version} ({@link StaleVersionException}, or a lost race at commit) — 409 with
 *       {@code currentVersion};</li>
 *   <li>a command the domain refuses ({@link InvalidCommandException}: every violation at once) — 422, and a
 *       submission blocked by the lint ({@link DeclarationRuleException}) — 422 with each blocking finding: the
 *       request was well-formed JSON, its content is what is wrong (400 is kept for bodies that cannot be read);</li>
 *   <li>an {@code Idempotency-Key} used before for a different request — 422 {@code idempotency-conflict};</li>
 *   <li>a review step this person may not take — 403; a verb the form's state does not allow — 409;</li>
 *   <li>unreadable JSON — 400 {@code malformed-json}; an unknown field — 400 {@code unknown-field}; a value of the
 *       wrong type — 400 {@code invalid-field}; a body over the limit — 413 (see {@code ApiBodyLimit});</li>
 *   <li>a bad query parameter — 400 {@code invalid-parameter}; a database that cannot serve — left to the
 *       application's 503 ({@code DatabaseUnavailable}); anything else — 500, nothing said.</li>
 * </ul>
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ApiProblems problems;

    ApiExceptionHandler(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiProblem> notFound(HttpServletRequest request) {
        return respond(problems.of(HttpStatus.NOT_FOUND, "not-found", request));
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ApiProblem> stale(StaleVersionException e, HttpServletRequest request) {
        return respond(problems.of(HttpStatus.CONFLICT, "stale-version", request, List.of(), e.actual(),
                e.actual(), e.expected()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ApiProblem> lostRace(HttpServletRequest request) {
        return respond(problems.of(HttpStatus.CONFLICT, "stale-version-race", request));
    }

    @ExceptionHandler(InvalidCommandException.class)
    ResponseEntity<ApiProblem> invalid(InvalidCommandException e, HttpServletRequest request) {
        return respond(problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-command", request,
                problems.violations(e.violations()), null, e.violations().size()));
    }

    @ExceptionHandler(DeclarationRuleException.class)
    ResponseEntity<ApiProblem> blocked(DeclarationRuleException e, HttpServletRequest request) {
        List<ApiProblem.FieldViolation> findings = e.findings().stream()
                .map(f -> new ApiProblem.FieldViolation(f.path(), f.message())).toList();
        return respond(problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "submission-blocked", request, findings, null,
                findings.size()));
    }

    @ExceptionHandler(IdempotentRequests.KeyReusedException.class)
    ResponseEntity<ApiProblem> keyReused(HttpServletRequest request) {
        return respond(problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-conflict", request));
    }

    @ExceptionHandler(ReviewNotAllowedException.class)
    ResponseEntity<ApiProblem> stepNotAllowed(ReviewNotAllowedException e, HttpServletRequest request) {
        return respond(problems.of(HttpStatus.FORBIDDEN, "step-not-allowed", request, e.getMessage()));
    }

    /** A verb the form's state does not allow (the domain's guarded transitions throw it with a Chinese reason). */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ApiProblem> wrongState(IllegalStateException e, HttpServletRequest request) {
        return respond(problems.of(HttpStatus.CONFLICT, "workflow", request, e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiProblem> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiBodyLimit.TooLarge) {
                return respond(problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", request,
                        String.valueOf(ApiBodyLimit.MAX_BYTES / 1024)));
            }
            if (t instanceof UnrecognizedPropertyException u) {
                String field = path(u);
                return respond(problems.of(HttpStatus.BAD_REQUEST, "unknown-field", request,
                        List.of(new ApiProblem.FieldViolation(field, problems.message("api.violation.unknownField",
                                u.getPropertyName()))), null, field));
            }
            if (t instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
                String field = path(m);
                return respond(problems.of(HttpStatus.BAD_REQUEST, "invalid-field", request,
                        List.of(new ApiProblem.FieldViolation(field, problems.message("api.violation.invalidValue"))),
                        null, field));
            }
            if (t instanceof StreamReadException || t instanceof MismatchedInputException) {
                // a syntax error, a second document after the first, a body that is not an object
                return respond(problems.of(HttpStatus.BAD_REQUEST, "malformed-json", request));
            }
        }
        return respond(problems.of(HttpStatus.BAD_REQUEST, "malformed-json", request));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiProblem> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", request,
                List.of(new ApiProblem.FieldViolation(e.getName(), problems.message("api.violation.invalidParameter",
                        String.valueOf(e.getValue())))), null, e.getName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiProblem> missingParameter(MissingServletRequestParameterException e,
                                                HttpServletRequest request) {
        return respond(problems.of(HttpStatus.BAD_REQUEST, "missing-parameter", request,
                List.of(new ApiProblem.FieldViolation(e.getParameterName(),
                        problems.message("api.violation.required"))), null, e.getParameterName()));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiProblem> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return respond(problems.of(HttpStatus.BAD_REQUEST, "missing-parameter", request,
                List.of(new ApiProblem.FieldViolation(e.getHeaderName(),
                        problems.message("api.violation.required"))), null, e.getHeaderName()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiProblem> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof DataAccessException || e instanceof TransactionException) {
            // the database could not serve: the application's DatabaseUnavailable filter answers 503 with
            // Retry-After (or, for any other database failure, the container's 500)
            throw e;
        }
        if (e instanceof ErrorResponse http) {
            // Spring MVC's own refusals once a handler was chosen (406, …): their status, as a problem
            return ApiRoutingProblems.problem(http, request, problems);
        }
        LOG.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", request));
    }

    /** The JSON path of a binding failure: {@code indicators[3].name}. */
    static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    static ResponseEntity<ApiProblem> respond(ApiProblem problem) {
        return ResponseEntity.status(problem.status()).contentType(ApiProblems.PROBLEM_JSON).body(problem);
    }
}
