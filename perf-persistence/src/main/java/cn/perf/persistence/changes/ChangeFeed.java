package cn.perf.persistence.changes;

import cn.perf.domain.shared.CommittedChanges;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * What every node commits, heard by this node: PostgreSQL triggers (migration V25) send
 * {@code NOTIFY perf_changes, '<table>'} or {@code '<table>:<id>'} when a row that nodes keep copies of changes,
 * and one daemon thread per node {@code LISTEN}s on a connection of its own (not one of the pool's). PostgreSQL
 * sends a notification when, and only if, its transaction commits, and delivers them in commit order.
 *
 * <p>The feed is <em>live</em> while that connection listens and a probe (a notification it sends itself) has come
 * back on it: at start, and after every {@link #KEEP_ALIVE_MS} without notifications (within
 * {@link #PROBE_TIMEOUT_MS}). Only then do {@link ReadCache}s answer from their copies. When the connection breaks
 * (PostgreSQL restarted, the backend terminated, the network gone) or a probe does not come back (a silently dead
 * connection; a pooler in transaction mode, behind which notifications never arrive), every copy is dropped and
 * reads go to the database until the feed is live again, and every copy is dropped once more when it is. No copy is
 * ever needed by another node: each node keeps its own and loses nothing by losing them.
 *
 * <p>{@code perf.read-cache.enabled=false} switches the copies off (the feed never goes live).
 */
@Component
public class ChangeFeed implements CommittedChanges, SmartLifecycle {

    static final String CHANNEL = "perf_changes";
    private static final long POLL_MS = 500;
    static final long KEEP_ALIVE_MS = 10_000;
    static final long PROBE_TIMEOUT_MS = 5_000;
    private static final String PROBE = "probe:";
    private static final long MAX_BACKOFF_MS = 5_000;
    private static final String SYNC = "sync:";
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    private final DataSource dataSource;
    private final boolean enabled;
    private final String node = UUID.randomUUID().toString();
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private final List<ReadCache<?, ?>> caches = new CopyOnWriteArrayList<>();
    private final Map<String, CountDownLatch> syncs = new ConcurrentHashMap<>();
    private final AtomicLong syncCount = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();
    private final String listenChannel;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong outages = new AtomicLong();
    private final AtomicLong probesLost = new AtomicLong();
    private final AtomicLong wentLive = new AtomicLong();
    private volatile boolean live;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Integer backendPid;
    /** While set, the feed's thread waits before applying a notification (tests: to tell local commits apart). */
    private volatile CountDownLatch held;

    @Autowired
    public ChangeFeed(DataSource dataSource, @Value("${perf.read-cache.enabled:true}") boolean enabled) {
        this(dataSource, enabled, CHANNEL);
    }

    /** Listening on {@code listenChannel} while changes and probes are sent to {@link #CHANNEL}: tests only. */
    ChangeFeed(DataSource dataSource, boolean enabled, String listenChannel) {
        this.dataSource = dataSource;
        this.enabled = enabled;
        this.listenChannel = listenChannel;
    }

    /** A cache whose copies this feed keeps current; {@link #on} says which changes drop which copies. */
    public <K, V> ReadCache<K, V> cache(String name, long maximumSize) {
        ReadCache<K, V> cache = new ReadCache<>(name, this, maximumSize);
        caches.add(cache);
        return cache;
    }

    @Override
    public <V> CommittedChanges.Copies<String, V> copies(String name, long maximumSize, String table) {
        ReadCache<String, V> cache = cache(name, maximumSize);
        on(table, ReadCache.byKey(cache, Function.identity()));
        return cache;
    }

    /**
     * Calls {@code handler} for each committed change of {@code table}'s rows, on the feed's thread (or, for this
     * node's own JPA commits, on the committing thread): with the row's id, or with {@code ""} when the trigger
     * names no row (a statement-level change, a {@code TRUNCATE}) and every copy from that table must go.
     */
    public void on(String table, Consumer<String> handler) {
        handlers.computeIfAbsent(table, t -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** Whether copies may be used now: the feed is listening. */
    public boolean live() {
        return live;
    }

    public List<ReadCache<?, ?>> caches() {
        return List.copyOf(caches);
    }

    /** Notifications received since start. */
    public long received() {
        return received.get();
    }

    /** Times the feed stopped listening (a broken connection) since start. */
    public long outages() {
        return outages.get();
    }

    /** Probes that did not come back in time since start (each ends the connection: the feed starts over). */
    public long probesLost() {
        return probesLost.get();
    }

    /** Times the feed went live since start. */
    public long wentLive() {
        return wentLive.get();
    }

    @Override
    public Status status() {
        return new Status(live, received.get(), outages.get(), probesLost.get(), wentLive.get(), caches.stream()
                .map(c -> new CopiesStatus(c.name(), c.size(), c.hits(), c.loads())).toList());
    }

    /** PostgreSQL's process id of the listening connection, while live (for fault tests and the operator). */
    public Integer backendPid() {
        return backendPid;
    }

    /**
     * Waits until every change committed before this call has reached this node's copies: sends a notification of
     * its own and waits for it to come back (a listener receives notifications in commit order). Returns at once
     * when the feed is not live, because copies are not used then. For a caller that changed rows another way than
     * through this node's JPA (plain SQL, another node) and must read them back at once: tests, mostly.
     *
     * @return whether the copies are current (false: the wait timed out while the feed was live)
     */
    @Override
    public boolean awaitDelivered(Duration timeout) {
        if (!live) {
            return true;
        }
        String token = SYNC + node + ":" + syncCount.incrementAndGet();
        CountDownLatch arrived = new CountDownLatch(1);
        syncs.put(token, arrived);
        try (Connection c = dataSource.getConnection();
             PreparedStatement notify = c.prepareStatement("select pg_notify('" + CHANNEL + "', ?)")) {
            notify.setString(1, token);
            notify.execute();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (live) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                if (arrived.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MS)), TimeUnit.NANOSECONDS)) {
                    return true;
                }
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("change feed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            syncs.remove(token);
        }
    }

    /** Whether any copies depend on rows of {@code table}. */
    boolean watches(String table) {
        return handlers.containsKey(table);
    }

    /** Applies a change this node committed itself (see {@link LocalCommits}) without waiting for its notification. */
    void committedHere(String table, String id) {
        dispatch(table, id);
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        if (listenUrl() == null) {
            log.info("读缓存未启用：数据源不是 HikariCP 连接池，无法另开监听连接 (change feed off: no JDBC URL)");
            return;
        }
        running = true;
        Thread t = new Thread(this::listen, "perf-change-feed");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2 * POLL_MS + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        down(false);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        long backoff = 100;
        while (running) {
            try (Connection c = open()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + listenChannel);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                backendPid = pg.getBackendPID();
                // Live only once a probe has come back: proof that notifications arrive on this connection (behind a
                // pooler in transaction mode they would not). Then again after every quiet KEEP_ALIVE_MS: a silently
                // dead connection shows.
                String expected = null;
                long sentAt = 0;
                long quietSince = System.nanoTime();
                while (running) {
                    long now = System.nanoTime();
                    if (expected == null && (!live || now - quietSince > TimeUnit.MILLISECONDS.toNanos(KEEP_ALIVE_MS))) {
                        expected = probe(c);
                        sentAt = now;
                        quietSince = now;
                    }
                    PGNotification[] notifications = pg.getNotifications((int) POLL_MS);
                    if (notifications != null && notifications.length > 0) {
                        for (PGNotification n : notifications) {
                            received.incrementAndGet();
                            if (n.getParameter() != null && n.getParameter().equals(expected)) {
                                expected = null;
                                if (!live) {
                                    backoff = 100;
                                    up();
                                }
                            } else {
                                handle(n.getParameter());
                            }
                        }
                        quietSince = System.nanoTime();
                    }
                    if (expected != null && System.nanoTime() - sentAt > TimeUnit.MILLISECONDS.toNanos(PROBE_TIMEOUT_MS)) {
                        probesLost.incrementAndGet();
                        throw new SQLException("the feed's probe did not come back within " + PROBE_TIMEOUT_MS
                                + " ms (a pooler in transaction mode between node and PostgreSQL?)");
                    }
                }
            } catch (SQLException | RuntimeException | InterruptedException e) {
                if (running) {
                    log.warn("读缓存监听连接中断，改为直接读库，稍后重连 (change feed lost: {})", e.getMessage());
                }
            } finally {
                down(running);
            }
            if (running) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    if (!running) {
                        break;
                    }
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    /**
     * Sends a probe on the listening connection itself, as a statement of its own (autocommit): behind a pooler in
     * transaction mode that statement and the {@code LISTEN} run on different server connections, and the probe never
     * comes back; on a dead connection it fails. Its token, or null if it could not be sent.
     */
    private String probe(Connection listening) throws SQLException {
        String token = PROBE + node + ":" + probes.incrementAndGet();
        try (PreparedStatement notify = listening.prepareStatement("select pg_notify('" + CHANNEL + "', ?)")) {
            notify.setString(1, token);
            notify.execute();
        }
        return token;
    }

    private void up() {
        clearAll(); // nothing read before LISTEN was in place survives
        live = true;
        wentLive.incrementAndGet();
        log.info("读缓存监听已连接 (change feed listening, backend pid {})", backendPid);
    }

    private void down(boolean outage) {
        boolean was = live;
        live = false;
        backendPid = null;
        clearAll();
        syncs.values().forEach(CountDownLatch::countDown);
        if (was && outage) {
            outages.incrementAndGet();
        }
    }

    private void clearAll() {
        caches.forEach(ReadCache::clear);
    }

    /** Holds back the notifications received from now on until {@link #releaseDeliveries}; for tests. */
    void holdDeliveries() {
        held = new CountDownLatch(1);
    }

    void releaseDeliveries() {
        CountDownLatch h = held;
        held = null;
        if (h != null) {
            h.countDown();
        }
    }

    private void handle(String payload) throws InterruptedException {
        CountDownLatch h = held;
        if (h != null) {
            h.await();
        }
        if (payload == null) {
            return;
        }
        if (payload.startsWith(PROBE)) {
            return; // another node's, or one of ours that came back after its time
        }
        if (payload.startsWith(SYNC)) {
            CountDownLatch waiting = syncs.get(payload);
            if (waiting != null) {
                waiting.countDown();
            }
            return;
        }
        int colon = payload.indexOf(':');
        dispatch(colon < 0 ? payload : payload.substring(0, colon), colon < 0 ? "" : payload.substring(colon + 1));
    }

    private void dispatch(String table, String id) {
        List<Consumer<String>> list = handlers.get(table);
        if (list != null) {
            list.forEach(h -> h.accept(id));
        }
    }

    private Connection open() throws SQLException {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        properties.putAll(hikari.getDataSourceProperties());
        if (hikari.getUsername() != null) {
            properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("ApplicationName", "perf change feed");
        Connection c = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        c.setAutoCommit(true);
        return c;
    }

    private String listenUrl() {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class).getJdbcUrl() : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
