package cn.perf.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * "Try it out" in the Swagger UI with the browser's session: the API's writes need the session's CSRF token in the
 * header {@code X-CSRF-TOKEN}, as the pages' own scripts send it. springdoc's CSRF support
 * ({@code springdoc.swagger-ui.csrf.enabled}, application.yml) makes the UI copy a cookie into that header on every
 * same-origin request; this filter gives the UI page that cookie: {@value #COOKIE}, holding the session's CSRF token
 * (the token the pages embed in their forms), readable by the page's script, sent only to {@code /swagger-ui/}
 * ({@code SameSite=Strict}). Nothing else changes: the pages keep their session-held token, and a program with an API
 * token needs no CSRF token at all.
 */
@Configuration(proxyBeanMethods = false)
class SwaggerUiCsrf {

    /** springdoc's default cookie name for its CSRF support. */
    static final String COOKIE = "XSRF-TOKEN";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> swaggerUiCsrfCookie() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.addUrlPatterns("/swagger-ui/index.html");
        // after Spring Security's filter chain (order -100), which puts the session's CsrfToken on the request
        registration.setOrder(0);
        registration.setName("swaggerUiCsrfCookie");
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null && request.getSession(false) != null) {
                response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, token.getToken())
                        .path(request.getContextPath() + "/swagger-ui/").sameSite("Strict")
                        .secure(request.isSecure()).httpOnly(false).build().toString());
            }
            chain.doFilter(request, response);
        }
    }
}
