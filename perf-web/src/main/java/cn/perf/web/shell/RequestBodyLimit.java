package cn.perf.web.shell;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page form (not an upload, not the API) whose declared body is larger than Tomcat parses
 * ({@code server.tomcat.max-http-form-post-size}, 2 MB; the edit form of a 申报表 with 40 indicators posts 26 KB) is refused with the
 * Chinese 413 page before a byte of it is read — before sessions, Spring Security and the database (issue 12: a
 * 100 MB request). Without this, Tomcat refused such a form itself (413, when Spring Security read the CSRF token) and the
 * user read the import page's message, 文件超过 10 MB 的上限, about a file they had not sent. Uploads keep their own limit
 * ({@code spring.servlet.multipart.*}, the import page's 413) and the API its own ({@link cn.perf.web.api.ApiBodyLimit},
 * a 413 problem after authentication). Tomcat drops the unread rest of the body (up to
 * {@code server.tomcat.max-swallow-size}) so that the browser receives the page, not a reset.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimit {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyLimit.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestBodyLimitFilter(
            @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formLimit) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Filter(formLimit.toBytes()));
        // inside DatabaseUnavailable (HIGHEST_PRECEDENCE + 20), before sessions and Spring Security
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
        registration.setName("requestBodyLimit");
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final long limit;

        Filter(long limit) {
            this.limit = limit;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String type = request.getContentType();
            return limit < 0 || path.startsWith("/api/") || path.startsWith("/v3/api-docs")
                    || (type != null && type.toLowerCase().startsWith("multipart/"));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long length = request.getContentLengthLong();
            if (length > limit) {
                log.warn("请求体过大，已拒绝：{} {}，{} 字节（上限 {} 字节）", request.getMethod(), request.getRequestURI(),
                        length, limit);
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** The limit as the 413 page prints it ({@code @formPostLimit.megabytes()}). */
    @Bean
    FormPostLimit formPostLimit(@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formLimit) {
        return new FormPostLimit(formLimit.toBytes());
    }

    /** {@code server.tomcat.max-http-form-post-size} in bytes. */
    public record FormPostLimit(long bytes) {

        /** The limit in whole MB (at least 1). */
        public long megabytes() {
            return Math.max(1, bytes / (1024 * 1024));
        }
    }
}
