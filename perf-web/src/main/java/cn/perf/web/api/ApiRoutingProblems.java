package cn.perf.web.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problems for requests under {@code /api/} that fail before any controller is chosen — a wrong method (405 with
 * {@code Allow}), a path no endpoint has (404), a body type or an {@code Accept} the endpoint does not speak (415,
 * 406) — so a program gets problem JSON for these too. Such failures have no controller, so the API's own advice
 * (scoped to its package) cannot see them; this one sees every request and answers only those of the API: for a page
 * it rethrows the exception, which leaves it to Spring MVC's default handling and the Chinese error pages, as before.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiRoutingProblems {

    private final ApiProblems problems;

    ApiRoutingProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class, NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ApiProblem> routing(Exception e, HttpServletRequest request) throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") || !(e instanceof ErrorResponse http)) {
            throw e;
        }
        return problem(http, request, problems);
    }

    /** The problem of one of Spring MVC's own refusals, with its headers ({@code Allow}, {@code Accept}). */
    static ResponseEntity<ApiProblem> problem(ErrorResponse e, HttpServletRequest request, ApiProblems problems) {
        HttpStatusCode code = e.getStatusCode();
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String kind = switch (status) {
            case NOT_FOUND -> "no-endpoint";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case NOT_ACCEPTABLE -> "not-acceptable";
            default -> "http-" + status.value();
        };
        ApiProblem problem = problems.of(status, kind, request, request.getMethod());
        return ResponseEntity.status(status).headers(e.getHeaders()).contentType(ApiProblems.PROBLEM_JSON)
                .body(problem);
    }
}
