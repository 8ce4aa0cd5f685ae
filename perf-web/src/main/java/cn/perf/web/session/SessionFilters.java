package cn.perf.web.session;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The two filters around Spring Session's that keep the session table cheap:
 * <ul>
 * <li>outside it, {@code sessionReadOncePerRequest}: a session is read once per request, and an error page does not
 * depend on the database ({@link SparingSessions});</li>
 * <li>inside it, for static files only, {@code noSessionForStaticFiles}: the request has no session, so nothing
 * (Spring MVC's flash-message lookup, the security filters) reads the session table for a stylesheet or a script.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionFilters {

    @Bean
    FilterRegistrationBean<Filter> sessionReadOncePerRequest(SparingSessions sessions) {
        Filter filter = (request, response, chain) -> {
            boolean began = sessions.beginRequest(request.getDispatcherType() == DispatcherType.ERROR);
            try {
                chain.doFilter(request, response);
            } finally {
                if (began) {
                    sessions.endRequest();
                }
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> noSessionForStaticFiles() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new WithoutSession());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.addUrlPatterns("/css/*", "/js/*", "/webjars/*");
        return registration;
    }

    /** Hides the session (and the session cookie) from everything that serves a static file. */
    static final class WithoutSession implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            chain.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request) {
                @Override
                public HttpSession getSession(boolean create) {
                    return create ? super.getSession(true) : null;
                }

                @Override
                public HttpSession getSession() {
                    return super.getSession(true);
                }

                @Override
                public String getRequestedSessionId() {
                    return null;
                }

                @Override
                public boolean isRequestedSessionIdValid() {
                    return false;
                }
            }, response);
        }
    }
}
