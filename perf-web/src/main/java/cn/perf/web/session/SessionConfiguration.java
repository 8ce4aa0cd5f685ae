package cn.perf.web.session;

import cn.perf.domain.job.JobLocks;
import cn.perf.domain.shared.CommittedChanges;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.FlushMode;
import org.springframework.session.MapSession;
import org.springframework.session.SaveMode;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * HTTP sessions in PostgreSQL (Spring Session JDBC; tables of migration V23), so that every application node serves
 * every user and a node that dies logs nobody out (docs/deployment.md). Decisions, measured in docs/performance.md:
 * <ul>
 * <li>Flush mode {@code ON_SAVE} and save mode {@code ON_SET_ATTRIBUTE} (Spring Session's defaults, and the cheapest):
 * changes are written once, at the end of the request, and only the attributes that were set.</li>
 * <li>The last-access time is written at most once per {@code perf.session.touch-interval} (default one minute,
 * {@link SparingSessions}): a request that changes nothing in its session writes nothing.</li>
 * <li>A session is read in autocommit, without a transaction; it is written in a new transaction of the application's
 * transaction manager (Spring Session's default, {@code REQUIRES_NEW}): a session is also saved when a response is
 * committed inside a read-only transaction (a streamed export). A plain {@code DataSourceTransactionManager} was tried
 * for the writes and joined the JPA transaction's read-only connection there ({@link SessionTransactions}).</li>
 * <li>Spring Session's own clean-up task (every node, every minute) is off ({@code cleanupCron = "-"}):
 * {@link ExpiredSessionCleanup} deletes expired sessions on one node at a time.</li>
 * <li>A session is read once per request, and static files never touch the session table ({@link SessionFilters},
 * and their own security filter chain, {@code SecurityConfiguration#staticFilesFilterChain}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession(cleanupCron = "-", flushMode = FlushMode.ON_SAVE, saveMode = SaveMode.ON_SET_ATTRIBUTE)
class SessionConfiguration {

    /** The idle timeout of {@code server.servlet.session.timeout} ({@code PERF_SESSION_TIMEOUT}, 30 minutes). */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> idleTimeout(
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(timeout);
    }

    /**
     * The security context and the CSRF token, read on every page, in a compact form; other attributes
     * Java-serialized ({@link SessionAttributeCodec}).
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeCodec() {
        return repository -> repository.setConversionService(
                new SessionAttributeCodec(SessionConfiguration.class.getClassLoader()).conversionService());
    }

    /**
     * A new attribute written by two requests of one session at once (the CSRF token of the first pages after a
     * sign-in, opened together: both read the session without it, both add it) is an upsert, as Spring Session's
     * documentation suggests for PostgreSQL: the plain INSERT of the second failed on the attribute table's key and
     * its page became a 500 (seen with 4 connections on one fresh session in scripts/fault-requests.sh).
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentAttributeWrites() {
        return repository -> repository.setCreateSessionAttributeQuery("""
                INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
                VALUES (?, ?, ?)
                ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
                DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES""");
    }

    /**
     * Reads without a transaction, writes in a new one ({@link SessionTransactions}); Spring Session's configuration
     * takes it by this name. (Being a {@code TransactionOperations}, it also stands in for Boot's default
     * {@code TransactionTemplate} bean, which the application does not use.)
     */
    @Bean
    SessionTransactions springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
        return new SessionTransactions(transactionManager);
    }

    /** The repository the session filter and the session registry use. */
    @Bean
    @Primary
    SparingSessions sparingSessions(@Qualifier("sessionRepository") JdbcIndexedSessionRepository stored,
                                    SessionTransactions transactions,
                                    @Value("${perf.session.touch-interval:PT1M}") Duration touchInterval,
                                    ObjectProvider<CommittedChanges> feed) {
        CommittedChanges changes = feed.getIfAvailable();
        CommittedChanges.Copies<String, MapSession> copies = changes == null ? CommittedChanges.Copies.none()
                : changes.copies("sessions", 100_000, "spring_session");
        return new SparingSessions(stored, transactions, touchInterval, copies);
    }

    /**
     * "One active session per user" across nodes: the sessions of a user are found by Spring Session's principal
     * name index (column {@code PRINCIPAL_NAME}), and an older session is marked expired in the database, so the
     * node that serves it next sends its browser to {@code /login?expired}.
     */
    @Bean
    SpringSessionBackedSessionRegistry<SparingSessions.Sparing> sessionRegistry(SparingSessions sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    @Bean
    ExpiredSessionCleanup expiredSessionCleanup(JdbcIndexedSessionRepository sessionRepository, JobLocks locks) {
        return new ExpiredSessionCleanup(sessionRepository, locks);
    }
}
