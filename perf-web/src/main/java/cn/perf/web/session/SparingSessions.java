package cn.perf.web.session;

import cn.perf.domain.shared.CommittedChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.transaction.TransactionException;

/**
 * The sessions in PostgreSQL, written only when something changed, and read from this node's copy while
 * PostgreSQL's notifications keep it current (below). Spring Session's filter stamps every request's
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
 * Between requests a session is this node's copy ({@link CommittedChanges.Copies}: a {@link MapSession} of what was read, its
 * attributes deserialized once) while the change feed listens: any committed change to the session's rows, on any
 * node, drops the copy (triggers of migration V26), and this node's own writes drop it at once. A request that only
 * reads its session (a kept page, the live score) then reads nothing from the database; the first write to a session
 * served from a copy (an attribute, a sign-in's new id, the once-a-minute touch) reads the stored session and writes
 * to that, as Spring Session would. Attribute values are shared by the requests served from one copy, as with
 * sessions kept in a server's memory.
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
    /** Copies of stored sessions, by id, kept current by PostgreSQL's notifications (V26). */
    private final CommittedChanges.Copies<String, MapSession> copies;
    /** This thread's request: the sessions it has read (or deleted: null), by id; absent outside a request. */
    private final ThreadLocal<Request> request = new ThreadLocal<>();

    private record Request(Map<String, Sparing> read, boolean errorPage) {
    }

    @SuppressWarnings("unchecked")
    SparingSessions(FindByIndexNameSessionRepository<? extends Session> stored, SessionTransactions transactions,
                    Duration touchInterval, CommittedChanges.Copies<String, MapSession> copies) {
        this.stored = (FindByIndexNameSessionRepository<Session>) stored;
        this.transactions = transactions;
        this.touchInterval = touchInterval;
        this.copies = copies;
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
        if (session.gone) {
            return; // deleted meanwhile (signed out elsewhere, expired): Spring Session's update would change no row
        }
        try {
            stored.save(session.session);
        } catch (DataAccessException | TransactionException e) {
            if (session.onlyTouched()) {
                // only the expiry moved on: not worth failing the page it comes with (the next request touches)
                log.debug("session touch not saved, the database cannot take it now: {}", e.toString());
                return;
            }
            if (current == null || !current.errorPage()) {
                throw e;
            }
            log.debug("error page: session not saved, the database is unavailable: {}", e.toString());
            return;
        } finally {
            // this node's own write: its copy goes now, not when the notification arrives
            copies.evict(session.readId);
            copies.evict(session.getId());
        }
        session.changed = false;
        session.changedMoreThanTouch = false;
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
        Sparing session;
        try {
            session = read(id);
        } catch (DataAccessException | TransactionException e) {
            if (current == null || !current.errorPage()) {
                throw e;
            }
            log.debug("error page: an empty stand-in for session, the database is unavailable: {}", e.toString());
            Sparing standIn = new Sparing(new MapSession(id), null, true);
            current.read().put(id, standIn);
            return standIn;
        }
        if (current != null) {
            current.read().put(id, session);
        }
        return session;
    }

    /**
     * The stored session: this node's copy while the change feed keeps it current, else read (and copied). A session
     * served from a copy is read again from the database only when something is to be written to it.
     */
    private Sparing read(String id) {
        Session[] readNow = new Session[1];
        Optional<MapSession> copy = copies.get(id, key -> {
            Session found = transactions.read(() -> stored.findById(key));
            readNow[0] = found;
            return Optional.ofNullable(found).map(MapSession::new);
        });
        if (readNow[0] != null) {
            return new Sparing(readNow[0], readNow[0].getLastAccessedTime(), false);
        }
        if (copy.isEmpty()) {
            return null;
        }
        if (copy.get().isExpired()) {
            copies.evict(id);
            Session found = transactions.read(() -> stored.findById(id)); // Spring Session deletes it
            return found == null ? null : new Sparing(found, found.getLastAccessedTime(), false);
        }
        return new Sparing(copy.get());
    }

    @Override
    public void deleteById(String id) {
        stored.deleteById(id);
        copies.evict(id);
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

        /** The repository's session; null while this one is served from a copy and nothing was written to it. */
        private Session session;
        /** The copy it is served from until something is written (then {@link #session} is read); or null. */
        private final MapSession copy;
        /** The id it was read by (a sign-in changes the id). */
        private final String readId;
        /** The last-access time as stored; null for a new session (everything is written at its first save). */
        private final Instant storedAccess;
        /** An error page's empty stand-in for a session the database could not give: never written. */
        private final boolean standIn;
        /** Deleted after its copy was read (signed out on another node, expired): nothing of it is written. */
        private boolean gone;
        /** Something was set, removed or touched since the session was read or last saved (a new one: always). */
        private boolean changed;
        /** An attribute, the id or the timeout was changed since it was read or last saved (not just the touch). */
        private boolean changedMoreThanTouch;

        private Sparing(Session session, Instant storedAccess, boolean standIn) {
            this.session = session;
            this.copy = null;
            this.readId = session.getId();
            this.storedAccess = storedAccess;
            this.standIn = standIn;
            this.changed = storedAccess == null;
        }

        private Sparing(MapSession copy) {
            this.session = null;
            this.copy = copy;
            this.readId = copy.getId();
            this.storedAccess = copy.getLastAccessedTime();
            this.standIn = false;
            this.changed = false;
        }

        /** What is read: the stored session once it has been read, the copy until then. */
        private Session view() {
            return session != null ? session : copy;
        }

        /**
         * What is written: the stored session, read now if this one was served from a copy. Called before the session
         * is marked changed: when that read fails (the pool exhausted, the database away) nothing is marked, and the
         * request's final save writes nothing instead of failing again over a session it never read.
         */
        private Session writable() {
            if (session == null) {
                Session found = transactions.read(() -> stored.findById(readId));
                if (found == null) {
                    gone = true;
                    session = new MapSession(copy); // takes the writes, is never saved
                } else {
                    session = found;
                }
            }
            return session;
        }

        /**
         * The once-every-{@code touchInterval} touch. It only moves the expiry on, so it is skipped when the stored
         * session cannot be read now (the pool exhausted, the database away): Spring Session touches when the
         * response is committed, in the middle of writing the page, where a failure turned a page already being sent
         * into a 500 (seen at 2,000 users in Gatling). The next request touches again.
         */
        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (storedAccess == null || !lastAccessedTime.isBefore(storedAccess.plus(touchInterval))) {
                Session written;
                try {
                    written = writable();
                } catch (DataAccessException | TransactionException e) {
                    log.debug("session touch skipped, the database cannot be read now: {}", e.toString());
                    return;
                }
                written.setLastAccessedTime(lastAccessedTime);
                changed = true;
            }
        }

        /** Nothing but the touch to save: a stored session whose attributes, id and timeout are as read. */
        private boolean onlyTouched() {
            return storedAccess != null && !changedMoreThanTouch;
        }

        @Override
        public String getId() {
            return view().getId();
        }

        @Override
        public String changeSessionId() {
            Session written = writable();
            changed = true;
            changedMoreThanTouch = true;
            return written.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return view().getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return view().getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            Session written = writable();
            changed = true;
            changedMoreThanTouch = true;
            written.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            Session written = writable();
            changed = true;
            changedMoreThanTouch = true;
            written.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return view().getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return view().getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            Session written = writable();
            changed = true;
            changedMoreThanTouch = true;
            written.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return view().getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return view().isExpired();
        }
    }
}
