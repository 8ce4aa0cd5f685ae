package cn.perf.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Bounds how many sign-ins this node checks at once (issue 12: 1,000 requests per second to {@code /login}). Checking
 * a password is BCrypt (cost 10, tens of milliseconds of CPU), and so is an unknown user name (Spring Security hashes
 * a dummy password so that timing does not reveal which names exist): a flood of sign-ins would queue that much CPU
 * per request and starve the pages of everybody already signed in. Here at most {@code max-concurrent} sign-ins run at
 * once (default: four per core; their hashing takes turns in the {@link HashingLane}), at most {@code max-waiting} more
 * wait for a turn in the order they came (default: half of Tomcat's request threads), each at most
 * {@code max-wait} (default 30 s); any further {@code POST /login} is answered at once with 429, {@code Retry-After}
 * and the Chinese page 登录请求过多，请稍后再试 — before Spring Security, so it costs no session, no CSRF check, no
 * database and no hash.
 *
 * <p>The limit is per node and protects that node's CPU; nothing in it is needed for correctness by another node. The
 * per-account lockout ({@link LoginAttempts}) stays in PostgreSQL. The refusal page is rendered once (no user, no
 * token in it) and its bytes are kept, so a refusal costs about as much as a static file.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    static final String PAGE = "security/login-busy";

    /**
     * Four sign-ins in flight per core. The gate bounds the requests, not the hashing: the hashing lane
     * ({@link HashingLane}, half the cores) runs the BCrypt checks one per lane thread, and a sign-in's other work
     * (reading the account, the lockout, the session, the audit entry: database round trips) overlaps with it. Until
     * 2026-12-02 the gate let in as many sign-ins as the lane has threads, one on two cores, so under load every
     * sign-in's database work waited for the one before to finish and the node passed about 2 a second while its
     * lane could hash far more (docs/performance.md).
     */
    static int defaultConcurrent() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    /**
     * Without a configured number: half of Tomcat's request threads may wait, as long as a quarter of them stays for
     * the pages besides the sign-ins in flight (100 of 200 on a 2-core node). A sign-in that waits holds a request
     * thread but no core and no connection, and one that waits its turn signs in, where a refused one costs its user a
     * try and, in the deadline week's second wave of sign-ins, often the sign-in itself: with 16 waiting for at most
     * 2 s, 3,420 of 7,065 tries were refused at 2,000 users; with 100 waiting for at most 30 s, 258 of 4,255 and 356
     * of 4,334 (docs/performance.md, runs Z, AA and AC).
     */
    static int defaultWaiting(int requestThreads, int concurrent) {
        return Math.max(0, Math.min(requestThreads / 2, forSignIns(requestThreads) - concurrent));
    }

    /** The request threads sign-ins may hold at most, checked and waiting together: a quarter stays for pages. */
    private static int forSignIns(int requestThreads) {
        return requestThreads * 3 / 4;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> loginThrottleFilter(SecurityProperties settings,
                                                                     ITemplateEngine templates,
                                                                     @Value("${server.tomcat.threads.max:200}")
                                                                     int requestThreads) {
        SecurityProperties.LoginThrottle s = settings.loginThrottle();
        int concurrent = s.maxConcurrent() > 0 ? s.maxConcurrent() : defaultConcurrent();
        int waiting = s.maxWaiting() >= 0 ? s.maxWaiting() : defaultWaiting(requestThreads, concurrent);
        if (concurrent + waiting > forSignIns(requestThreads)) {
            log.warn("登录限流：同时校验 {} 个加等待 {} 个，超过请求线程数 {} 的四分之三，登录高峰时页面可用的线程不足",
                    concurrent, waiting, requestThreads);
        }
        Gate gate = new Gate(concurrent, waiting, s.maxWait());
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Filter(gate, s.retryAfter(), templates));
        registration.setEnabled(s.enabled());
        registration.addUrlPatterns("/login");
        // inside DatabaseUnavailable (HIGHEST_PRECEDENCE + 20), before sessions and Spring Security
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        registration.setName("loginThrottle");
        if (s.enabled()) {
            log.info("登录限流：每个节点同时校验至多 {} 个登录，至多 {} 个等待（每个至多 {} ms），其余立即答复 429",
                    concurrent, waiting, s.maxWait().toMillis());
        }
        return registration;
    }

    /**
     * At most {@code concurrent} holders; at most {@code maxWaiting} waiting, each at most {@code maxWait}, served in
     * the order they came (a fair semaphore, and no barging: a newcomer finding a free permit still queues behind
     * those waiting, so with waits of many seconds nobody is passed over until refused).
     */
    static final class Gate {

        private final Semaphore permits;
        private final int concurrent;
        private final int maxWaiting;
        private final long maxWaitNanos;
        private final AtomicInteger waiting = new AtomicInteger();
        private final AtomicLong refused = new AtomicLong();

        Gate(int concurrent, int maxWaiting, Duration maxWait) {
            this.permits = new Semaphore(concurrent, true);
            this.concurrent = concurrent;
            this.maxWaiting = maxWaiting;
            this.maxWaitNanos = maxWait.toNanos();
        }

        /** Whether the caller may go on (then it must {@link #leave()}). */
        boolean tryEnter() throws InterruptedException {
            // the timed form with no wait honours the fairness (the untimed tryAcquire() barges past the queue)
            if (permits.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return true;
            }
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                refused.incrementAndGet();
                return false;
            }
            try {
                if (permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                    return true;
                }
                refused.incrementAndGet();
                return false;
            } finally {
                waiting.decrementAndGet();
            }
        }

        void leave() {
            permits.release();
        }

        int concurrent() {
            return concurrent;
        }

        int maxWaiting() {
            return maxWaiting;
        }

        int waiting() {
            return waiting.get();
        }

        /** Sign-ins parked in the semaphore's queue (for tests: the waiting count is raised just before parking). */
        int queued() {
            return permits.getQueueLength();
        }

        long refused() {
            return refused.get();
        }
    }

    static final class Filter extends OncePerRequestFilter {

        private final Gate gate;
        private final long retryAfter;
        private final ITemplateEngine templates;
        private volatile byte[] page;

        Filter(Gate gate, Duration retryAfter, ITemplateEngine templates) {
            this.gate = gate;
            this.retryAfter = Math.max(1, retryAfter.toSeconds());
            this.templates = templates;
        }

        Gate gate() {
            return gate;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean entered;
            try {
                entered = gate.tryEnter();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                entered = false;
            }
            if (!entered) {
                refuse(request, response);
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                gate.leave();
            }
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
            long n = gate.refused();
            if (n == 1 || n % 1000 == 0) {
                log.warn("登录请求过多：已立即拒绝 {} 个登录请求（429）", n);
            }
            byte[] body = page;
            if (body == null) {
                body = render(request, response);
                page = body;
            }
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(retryAfter));
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/html;charset=UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }

        /** The refusal page, for nobody in particular (no user, no CSRF token): the same bytes for every refusal. */
        private byte[] render(HttpServletRequest request, HttpServletResponse response) {
            var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                    .buildExchange(request, response);
            WebContext context = new WebContext(exchange, Locale.SIMPLIFIED_CHINESE);
            context.setVariable("status", 429);
            context.setVariable("retryAfter", retryAfter);
            // before Spring Security there is no authentication at all; the layout asks who is signed in: nobody
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContext anonymous = SecurityContextHolder.createEmptyContext();
            anonymous.setAuthentication(new AnonymousAuthenticationToken("login-busy", "anonymousUser",
                    AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
            SecurityContextHolder.setContext(anonymous);
            try {
                return templates.process(PAGE, context).getBytes(StandardCharsets.UTF_8);
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        }
    }
}
