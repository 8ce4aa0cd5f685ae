package cn.perf.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * How a part of the application other than the pages answers when the database cannot serve a request
 * ({@link DatabaseUnavailable}): the JSON API answers a problem detail instead of the HTML 503 page. Implemented
 * where that part lives, so the shell does not depend on it.
 */
public interface UnavailableAnswer {

    /** Whether this request is one this part answers. */
    boolean answers(HttpServletRequest request);

    /** Writes the 503 answer; the status line's {@code Retry-After} is already set to {@code retryAfterSeconds}. */
    void write(HttpServletRequest request, HttpServletResponse response, int retryAfterSeconds) throws IOException;
}
