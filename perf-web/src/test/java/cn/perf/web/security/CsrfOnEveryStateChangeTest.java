package cn.perf.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import cn.perf.web.session.TestSessions;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every state-changing endpoint the application maps (found in the handler mappings, so a new controller is covered
 * without touching this test), plus the security filters' own {@code /login} and {@code /logout}, answers 403 to a
 * signed-in user who sends no CSRF token, and the refusal is published as {@code access.refused} (reason csrf).
 */
@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
@RecordApplicationEvents
class CsrfOnEveryStateChangeTest {

    /** Where the session filter keeps sessions: an anonymous session is made there (TestSessions.fresh). */
    @Autowired
    SessionRepository<?> sessionStore;

    private static final Set<RequestMethod> STATE_CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.DELETE, RequestMethod.PATCH);

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApplicationEvents events;

    record Endpoint(HttpMethod method, String path) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint o) {
            return (path + method).compareTo(o.path + o.method);
        }
    }

    private Set<Endpoint> stateChangingEndpoints() {
        Set<Endpoint> found = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            // no method condition: the handler answers every method, POST included
            Set<RequestMethod> changing = methods.isEmpty() ? Set.of(RequestMethod.POST)
                    : methods.stream().filter(STATE_CHANGING::contains).collect(java.util.stream.Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]*}", "1").replace("/**", "/x");
                changing.forEach(m -> found.add(new Endpoint(HttpMethod.valueOf(m.name()), path)));
            }
        }
        found.add(new Endpoint(HttpMethod.POST, "/login"));
        found.add(new Endpoint(HttpMethod.POST, "/logout"));
        return found;
    }

    @Test
    void everyStateChangeWithoutTheTokenIsRefused() throws Exception {
        Set<Endpoint> endpoints = stateChangingEndpoints();
        assertThat(endpoints).extracting(Endpoint::path)
                .contains("/declarations", "/account/password", "/admin/security/locks/unlock",
                        // the 绩效自评 pages' state changes (and the live score, which posts the unsaved form)
                        "/declarations/1/evaluation", "/evaluations/1/edit", "/evaluations/1/preview",
                        "/evaluations/1/submit", "/evaluations/1/review",
                        // the JSON API's writes, for the pages' own scripts (a session)
                        "/api/v1/declarations/1", "/api/v1/declarations/1/submit");

        List<String> accepted = new ArrayList<>();
        for (Endpoint e : endpoints) {
            // signed in with a browser session (the API skips CSRF only for bearer-token calls and session-less,
            // hence anonymous, ones: ApiProblemDetailsTest)
            int status = mvc.perform(request(e.method(), e.path()).cookie(TestSessions.fresh(sessionStore))
                    .with(user("csrf-probe").roles("FILER",
                            "UNIT_LEADER", "DEPARTMENT_REVIEWER", "FINANCE_REVIEWER", "SYSTEM_ADMIN", "SECURITY_ADMIN",
                            "AUDIT_ADMIN")))
                    .andReturn().getResponse().getStatus();
            boolean csrfRefusal = events.stream(AccessRefused.class).anyMatch(r -> r.subjectId().equals(e.path())
                    && r.details().get("method").equals(e.method().name())
                    && r.details().get("reason").equals("csrf"));
            if (status != 403 || !csrfRefusal) {
                accepted.add(e + " -> " + status);
            }
        }
        assertThat(accepted).as("state changes accepted without a CSRF token (of %s)", endpoints).isEmpty();
    }
}
