package cn.perf.web.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.transaction.TransactionException;

/**
 * The sessions in PostgreSQL, written only when something changed. Spring Session's filter stamps every request's
 * session with a new last-access time, and the JDBC repository then writes the session row (a transaction with an
 * UPDATE, WAL and a commit) on every request, a static file's and a kept page's included. Here the new time is passed
 * on only when it is at least {@code touchInterval} later than the one stored; in between, a request that changes no
 * attribute writes nothing. The price: the stored expiry may lag the true last request by up to {@code touchInterval},
 * so an idle session may end that much earlier than the idle timeout (30 minutes; never later). Attributes (the
 * security context, the CSRF token, flash messages) are written as before, when set.
 * <p>
 * Within one request ({@link #beginRequest(boolean)} … {@link #endRequest()}, {@link SessionFilters}) a session is read from
 * the database once: Spring Session's filter reads it again after saving it (to decide on the cookie) and the
 * concurrent-session check reads it through the session registry, three identical SELECTs per page otherwise.
 * <p>
 * An error page rendered because the database is unavailable (the 503 page of {@code DatabaseUnavailable}) must not
 * need the database itself: during an error dispatch a session that cannot be read is replaced by an empty stand-in
 * with the same id, which is never written (so the browser keeps its cookie), and a new session that cannot be written
 * is dropped; the user's stored session is untouched and serves them again once the database is back.
 */
final class SparingSessions implements FindByIndexNameSessionRepository<SparingSessions.Sparing> {

    private static final Logger log = LoggerFactory.getLogger(SparingSessions.class);

    private final FindByIndexNameSessionRepository<Session> stored;
    private final SessionTransactions transactions;
    private final Duration touchInterval;
    /** This thread's request: the sessions it has read (or deleted: null), by id; absent outside a request. */
    private final ThreadLocal<Request> request = new ThreadLocal<>();

    private record Request(Map<String, Sparing> read, boolean errorPage) {
    }

    @SuppressWarnings("unchecked")
    SparingSessions(FindByIndexNameSessionRepository<? extends Session> stored, SessionTransactions transactions,
                    Duration touchInterval) {
        this.stored = (FindByIndexNameSessionRepository<Session>) stored;
        this.transactions = transactions;
        this.touchInterval = touchInterval;
    }

    /**
     * Starts keeping what this thread reads for the request ({@code errorPage}: an error dispatch); false if a request
     * had started already.
     */
    boolean beginRequest(boolean errorPage) {
        if (request.get() != null) {
            return false;
        }
        request.set(new Request(new HashMap<>(), errorPage));
        return true;
    }

    void endRequest() {
        request.remove();
    }

    @Override
    public Sparing createSession() {
        return new Sparing(stored.createSession(), null, false);
    }

    @Override
    public void save(Sparing session) {
        if (session.standIn) {
            return;
        }
        Request current = request.get();
        if (!session.changed) {
            // nothing set, removed or touched since it was read: Spring Session would still open a transaction to
            // find that out (a connection, BEGIN, COMMIT on every request)
            if (current != null) {
                current.read().put(session.getId(), session);
            }
            return;
        }
        try {
            stored.save(session.session);
        } catch (DataAccessException | TransactionException e) {
            if (current == null || !current.errorPage()) {
                throw e;
            }
            log.debug("error page: session not saved, the database is unavailable: {}", e.toString());
            return;
        }
        session.changed = false;
        if (current != null) {
            current.read().put(session.getId(), session);
        }
    }

    @Override
    public Sparing findById(String id) {
        Request current = request.get();
        if (current != null && current.read().containsKey(id)) {
            return current.read().get(id);
        }
        Session found;
        try {
            found = transactions.read(() -> stored.findById(id));
        } catch (DataAccessException | TransactionException e) {
            if (current == null || !current.errorPage()) {
                throw e;
            }
            log.debug("error page: an empty stand-in for session, the database is unavailable: {}", e.toString());
            Sparing standIn = new Sparing(new MapSession(id), null, true);
            current.read().put(id, standIn);
            return standIn;
        }
        Sparing session = found == null ? null : new Sparing(found, found.getLastAccessedTime(), false);
        if (current != null) {
            current.read().put(id, session);
        }
        return session;
    }

    @Override
    public void deleteById(String id) {
        stored.deleteById(id);
        Request current = request.get();
        if (current != null) {
            current.read().put(id, null);
        }
    }

    @Override
    public Map<String, Sparing> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Sparing> sessions = new LinkedHashMap<>();
        stored.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, s) -> sessions.put(id, new Sparing(s, s.getLastAccessedTime(), false)));
        return sessions;
    }

    /** A stored session whose last-access time moves only in steps of at least {@code touchInterval}. */
    final class Sparing implements Session {

        private final Session session;
        /** The last-access time as stored; null for a new session (everything is written at its first save). */
        private final Instant storedAccess;
        /** An error page's empty stand-in for a session the database could not give: never written. */
        private final boolean standIn;
        /** Something was set, removed or touched since the session was read or last saved (a new one: always). */
        private boolean changed;

        private Sparing(Session session, Instant storedAccess, boolean standIn) {
            this.session = session;
            this.storedAccess = storedAccess;
            this.standIn = standIn;
            this.changed = storedAccess == null;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (storedAccess == null || !lastAccessedTime.isBefore(storedAccess.plus(touchInterval))) {
                session.setLastAccessedTime(lastAccessedTime);
                changed = true;
            }
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return session.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            changed = true;
            session.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            changed = true;
            session.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
