package cn.perf.web.api;

import cn.perf.web.shell.UnavailableAnswer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * When the database cannot serve a request of the JSON API or its document ({@code /api/**}, {@code /v3/api-docs}),
 * the program gets the 503 as a problem detail ({@code application/problem+json}, type
 * {@code urn:perf:problem:database-unavailable}, 系统繁忙，请稍后重试), never the HTML page
 * ({@link cn.perf.web.shell.DatabaseUnavailable} sets the status and {@code Retry-After}).
 */
@Component
class ApiUnavailable implements UnavailableAnswer {

    private final ApiProblems problems;

    ApiUnavailable(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    public boolean answers(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/v3/api-docs");
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, int retryAfterSeconds)
            throws IOException {
        problems.write(response, problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", request,
                String.valueOf(retryAfterSeconds)));
    }
}
