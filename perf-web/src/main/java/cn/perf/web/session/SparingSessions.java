package cn.perf.web.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The sessions in PostgreSQL, written only when something changed. Spring Session's filter stamps every request's
 * session with a new last-access time, and the JDBC repository then writes the session row (a transaction with an
 * UPDATE, WAL and a commit) on every request, a static file's and a kept page's included. Here the new time is passed
 * on only when it is at least {@code touchInterval} later than the one stored; in between, a request that changes no
 * attribute writes nothing. The price: the stored expiry may lag the true last request by up to {@code touchInterval},
 * so an idle session may end that much earlier than the idle timeout (30 minutes; never later). Attributes (the
 * security context, the CSRF token, flash messages) are written as before, when set.
 * <p>
 * Within one request ({@link #beginRequest()} … {@link #endRequest()}, {@link SessionFilters}) a session is read from
 * the database once: Spring Session's filter reads it again after saving it (to decide on the cookie) and the
 * concurrent-session check reads it through the session registry, three identical SELECTs per page otherwise.
 */
final class SparingSessions implements FindByIndexNameSessionRepository<SparingSessions.Sparing> {

    private final FindByIndexNameSessionRepository<Session> stored;
    private final Duration touchInterval;
    /** The sessions this request has read (or deleted: null), by id; absent outside a request. */
    private final ThreadLocal<Map<String, Sparing>> request = new ThreadLocal<>();

    @SuppressWarnings("unchecked")
    SparingSessions(FindByIndexNameSessionRepository<? extends Session> stored, Duration touchInterval) {
        this.stored = (FindByIndexNameSessionRepository<Session>) stored;
        this.touchInterval = touchInterval;
    }

    /** Starts keeping what this thread reads for the request; false if a request had started already. */
    boolean beginRequest() {
        if (request.get() != null) {
            return false;
        }
        request.set(new HashMap<>());
        return true;
    }

    void endRequest() {
        request.remove();
    }

    @Override
    public Sparing createSession() {
        return new Sparing(stored.createSession(), null);
    }

    @Override
    public void save(Sparing session) {
        stored.save(session.session);
        Map<String, Sparing> read = request.get();
        if (read != null) {
            read.put(session.getId(), session);
        }
    }

    @Override
    public Sparing findById(String id) {
        Map<String, Sparing> read = request.get();
        if (read != null && read.containsKey(id)) {
            return read.get(id);
        }
        Session found = stored.findById(id);
        Sparing session = found == null ? null : new Sparing(found, found.getLastAccessedTime());
        if (read != null) {
            read.put(id, session);
        }
        return session;
    }

    @Override
    public void deleteById(String id) {
        stored.deleteById(id);
        Map<String, Sparing> read = request.get();
        if (read != null) {
            read.put(id, null);
        }
    }

    @Override
    public Map<String, Sparing> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Sparing> sessions = new LinkedHashMap<>();
        stored.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, s) -> sessions.put(id, new Sparing(s, s.getLastAccessedTime())));
        return sessions;
    }

    /** A stored session whose last-access time moves only in steps of at least {@code touchInterval}. */
    final class Sparing implements Session {

        private final Session session;
        /** The last-access time as stored; null for a new session (everything is written at its first save). */
        private final Instant storedAccess;

        private Sparing(Session session, Instant storedAccess) {
            this.session = session;
            this.storedAccess = storedAccess;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (storedAccess == null || !lastAccessedTime.isBefore(storedAccess.plus(touchInterval))) {
                session.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
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
            session.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
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
