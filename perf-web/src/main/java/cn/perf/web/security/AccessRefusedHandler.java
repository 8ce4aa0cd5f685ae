package cn.perf.web.security;

import cn.perf.domain.shared.DomainEventPublisher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/** Publishes {@code access.refused} (who, method, path, why) and answers with the Chinese 403 page. */
@Component
class AccessRefusedHandler implements AccessDeniedHandler {

    private final DomainEventPublisher events;
    private final AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();

    AccessRefusedHandler(DomainEventPublisher events) {
        this.events = events;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException, ServletException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String actor = who == null || !who.isAuthenticated() ? "anonymous" : who.getName();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("method", request.getMethod());
        details.put("path", path);
        details.put("reason", refused instanceof CsrfException ? "csrf" : "forbidden");
        events.publish(new AccessRefused(Instant.now(), actor, path, details));
        page.handle(request, response, refused);
    }
}
