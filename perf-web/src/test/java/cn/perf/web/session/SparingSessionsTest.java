package cn.perf.web.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.shared.CommittedChanges;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * {@link SparingSessions} without a database: a session served from this node's copy is read from the store only when
 * something is written to it, and when that read fails (the pool exhausted under load, the database away) the
 * request's final save writes nothing, instead of handing the store a session it never read (a
 * {@code NullPointerException} in Spring Session, a 500 instead of the 503 page, seen at 1,200 users in Gatling).
 */
class SparingSessionsTest {

    private final Store store = new Store();
    private final SparingSessions sessions = new SparingSessions(store, new SessionTransactions(new NoTransactions()),
            Duration.ofMinutes(1), new MapCopies());

    @Test
    void aCopyServedSessionWhoseStoredReadFailsOnWriteIsNotSavedAndTheFailureIsTheDatabases() {
        MapSession stored = new MapSession();
        stored.setAttribute("a", "1");
        store.sessions.put(stored.getId(), stored);

        assertThat(sessions.findById(stored.getId()).getAttribute("a").toString()).isEqualTo("1");
        int reads = store.reads.get();
        SparingSessions.Sparing fromCopy = sessions.findById(stored.getId());
        assertThat(store.reads.get()).as("the second read is served from the copy").isEqualTo(reads);

        store.failing = true;
        assertThatThrownBy(() -> fromCopy.setAttribute("b", "2"))
                .isInstanceOf(DataAccessResourceFailureException.class);
        sessions.save(fromCopy); // the request's final save (Spring Session's filter, in a finally)
        assertThat(store.saves.get()).as("nothing was changed, nothing is written").isZero();

        store.failing = false;
        SparingSessions.Sparing again = sessions.findById(stored.getId());
        again.setAttribute("b", "2");
        sessions.save(again);
        assertThat(store.saves.get()).isEqualTo(1);
        assertThat(store.sessions.get(stored.getId()).<String>getAttribute("b")).isEqualTo("2");
    }

    @Test
    void aFailedReadBeforeAChangedIdOrARemovedAttributeLeavesNothingToSave() {
        MapSession stored = new MapSession();
        stored.setAttribute("a", "1");
        store.sessions.put(stored.getId(), stored);
        sessions.findById(stored.getId());
        SparingSessions.Sparing fromCopy = sessions.findById(stored.getId());

        store.failing = true;
        assertThatThrownBy(fromCopy::changeSessionId).isInstanceOf(DataAccessResourceFailureException.class);
        assertThatThrownBy(() -> fromCopy.removeAttribute("a")).isInstanceOf(DataAccessResourceFailureException.class);
        assertThatThrownBy(() -> fromCopy.setMaxInactiveInterval(Duration.ofMinutes(5)))
                .isInstanceOf(DataAccessResourceFailureException.class);
        sessions.save(fromCopy);
        assertThat(store.saves.get()).isZero();
        assertThat(store.sessions.get(stored.getId()).<String>getAttribute("a")).isEqualTo("1");
    }

    /**
     * The once-a-minute touch only moves the expiry on: when the stored session cannot be read for it, or the touch
     * cannot be written, it is skipped, and the page it came with is not failed (Spring Session touches as the
     * response is committed, mid-page: a 500 at 2,000 users in Gatling). A change of an attribute still fails loudly.
     */
    @Test
    void aTouchTheDatabaseCannotTakeNowIsSkippedAndFailsNothingButAChangeStillFails() {
        MapSession stored = new MapSession();
        stored.setAttribute("a", "1");
        java.time.Instant lastRequest = java.time.Instant.now().minus(Duration.ofMinutes(2));
        stored.setLastAccessedTime(lastRequest);
        store.sessions.put(stored.getId(), stored);
        sessions.findById(stored.getId());
        java.time.Instant now = java.time.Instant.now();

        store.failing = true;
        SparingSessions.Sparing unreadable = sessions.findById(stored.getId());
        unreadable.setLastAccessedTime(now);
        sessions.save(unreadable);

        store.failing = false;
        store.failingSaves = true;
        SparingSessions.Sparing unwritable = sessions.findById(stored.getId());
        unwritable.setLastAccessedTime(now);
        sessions.save(unwritable);
        assertThat(store.sessions.get(stored.getId()).getLastAccessedTime()).as("not touched").isEqualTo(lastRequest);

        SparingSessions.Sparing changed = sessions.findById(stored.getId());
        changed.setLastAccessedTime(now);
        changed.setAttribute("b", "2");
        assertThatThrownBy(() -> sessions.save(changed)).isInstanceOf(DataAccessResourceFailureException.class);

        store.failingSaves = false;
        SparingSessions.Sparing touched = sessions.findById(stored.getId());
        touched.setLastAccessedTime(now);
        sessions.save(touched);
        assertThat(store.saves.get()).isEqualTo(1);
        assertThat(store.sessions.get(stored.getId()).getLastAccessedTime()).isEqualTo(now);
    }

    /** Spring Session's store, in memory; its reads fail while {@link #failing}, its saves while {@link #failingSaves}. */
    private static final class Store implements FindByIndexNameSessionRepository<MapSession> {
        final Map<String, MapSession> sessions = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger saves = new AtomicInteger();
        volatile boolean failing;
        volatile boolean failingSaves;

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            Objects.requireNonNull(session, "session"); // as JdbcIndexedSessionRepository.save: session.save()
            if (failingSaves) {
                throw new DataAccessResourceFailureException("Connection is not available, request timed out");
            }
            saves.incrementAndGet();
            sessions.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            if (failing) {
                throw new DataAccessResourceFailureException("Connection is not available, request timed out");
            }
            reads.incrementAndGet();
            MapSession found = sessions.get(id);
            return found == null ? null : new MapSession(found);
        }

        @Override
        public void deleteById(String id) {
            sessions.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    /** Copies kept until evicted (the change feed's part is not under test here). */
    private static final class MapCopies implements CommittedChanges.Copies<String, MapSession> {
        private final Map<String, Optional<MapSession>> kept = new ConcurrentHashMap<>();

        @Override
        public Optional<MapSession> get(String key, Function<String, Optional<MapSession>> load) {
            return kept.computeIfAbsent(key, load);
        }

        @Override
        public void evict(String key) {
            kept.remove(key);
        }
    }

    private static final class NoTransactions implements PlatformTransactionManager {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    }
}
