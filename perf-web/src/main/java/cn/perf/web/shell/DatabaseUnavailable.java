package cn.perf.web.shell;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the database cannot serve a request — the connection pool had no connection within its wait
 * ({@code spring.datasource.hikari.connection-timeout}), PostgreSQL is restarting or unreachable, or a statement ran past
 * {@code statement_timeout} — the user gets the Chinese 503 page (“系统繁忙，请稍后重试”) with {@code Retry-After},
 * never a stack trace or a hang, and nothing was stored (every save is one transaction that did not commit). A
 * program calling the JSON API ({@code /api/**}, {@code /v3/api-docs}) gets the same 503 and {@code Retry-After} as a
 * problem detail ({@code application/problem+json}, type {@code urn:perf:problem:database-unavailable}, title
 * 系统繁忙，请稍后重试) instead of the HTML page.
 *
 * <p>A servlet filter in front of everything else, Spring Security included (the URL rules read the caller's roles
 * from the database on each request), so the failure is caught wherever it happens. A response already being written
 * (a streamed export) cannot change its status; such a failure is rethrown as before.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableFilter(
            @Value("${perf.retry-after-seconds:5}") int retryAfter, ObjectProvider<UnavailableAnswer> others) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Filter(retryAfter, others));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setName("databaseUnavailable");
        return registration;
    }

    /** Whether {@code failure} (or one of its causes) says the database could not serve the request. */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException || t instanceof QueryTimeoutException
                    || t instanceof ConnectException) {
                return true;
            }
            // A transaction whose connection died could not even be rolled back (or committed): Spring's
            // TransactionSystemException or Hibernate's TransactionException ("Unable to rollback against JDBC
            // Connection") over an SQLException — Hikari's "Connection is closed" carries no SQLState. Seen in
            // scripts/fault-pg-restart.sh: a save in flight when PostgreSQL stopped was a 500 before.
            if ((t instanceof TransactionSystemException
                    || t.getClass().getName().equals("org.hibernate.TransactionException"))
                    && t.getCause() instanceof SQLException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01–57P03: shutdown, crash, cannot connect now; 57014: statement timeout
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("57014")) {
                    return true;
                }
            }
        }
        return false;
    }

    static final class Filter extends OncePerRequestFilter {

        private final int retryAfter;
        private final ObjectProvider<UnavailableAnswer> others;

        Filter(int retryAfter, ObjectProvider<UnavailableAnswer> others) {
            this.retryAfter = retryAfter;
            this.others = others;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | RuntimeException e) {
                if (!isUnavailable(e) || response.isCommitted()) {
                    throw e;
                }
                log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(),
                        rootMessage(e));
                // whatever the page had set goes: a kept page sets Content-Encoding: gzip and its length before
                // the session is written, and the 503 page must not go out under those headers
                response.reset();
                response.setHeader("Retry-After", String.valueOf(retryAfter));
                UnavailableAnswer other = others.orderedStream().filter(a -> a.answers(request)).findFirst()
                        .orElse(null);
                if (other != null) {
                    other.write(request, response, retryAfter);
                } else {
                    response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                }
            }
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }
}
