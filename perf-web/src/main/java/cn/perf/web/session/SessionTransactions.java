package cn.perf.web.session;

import java.util.function.Supplier;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions of Spring Session's statements. Reading a session ({@link SparingSessions#findById}) is one
 * {@code SELECT} of the session row joined with its attributes: it runs in autocommit, without a transaction of its
 * own. In a transaction of the application's JPA transaction manager (Spring Session's default) every page began with
 * an entity manager, a {@code BEGIN} and a {@code COMMIT} around that one statement, about a tenth of the CPU of a
 * kept page (docs/performance.md). Writing a session (new, changed, deleted) keeps Spring Session's default: a new
 * transaction of the application's transaction manager ({@code REQUIRES_NEW}), so that the row and its attributes
 * change together, also when a response is committed inside a read-only transaction (a streamed export).
 */
final class SessionTransactions implements TransactionOperations {

    private final TransactionOperations writes;
    /** Set while this thread reads a session. */
    private final ThreadLocal<Boolean> reading = new ThreadLocal<>();

    SessionTransactions(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.writes = template;
    }

    /** Runs a read of a session: its statements run without a transaction. */
    <T> T read(Supplier<T> read) {
        if (reading.get() != null) {
            return read.get();
        }
        reading.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            reading.remove();
        }
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) throws TransactionException {
        if (reading.get() != null) {
            return TransactionOperations.withoutTransaction().execute(action);
        }
        return writes.execute(action);
    }
}
