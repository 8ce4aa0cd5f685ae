package cn.perf.persistence.changes;

import cn.perf.domain.shared.CommittedChanges;
import com.github.benmanes.caffeine.cache.Cache;
import cn.perf.domain.shared.CommittedChanges;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A node's copy of rows read often and changed seldom (who a signed-in user is, which version of a form is
 * current), kept only while this node hears every change to them: {@link ChangeFeed} drops an entry when any node
 * commits a change to its row, and drops them all while it is not listening. What is read is therefore what
 * PostgreSQL holds, up to the time a committed change's notification takes to arrive (on this node, none: its own
 * commits are applied at once, {@link LocalCommits}).
 *
 * <p>Three rules keep an entry from outliving its row:
 * <ul>
 *   <li>Reads inside a transaction go to the database and are not kept: they may see the transaction's own
 *       uncommitted writes, which a rollback would undo.</li>
 *   <li>A loaded value is kept only if no change to its key (and no {@link #clear}) arrived while it was being
 *       read: a change committed after the read began would otherwise be dropped before the stale value is put.
 *       The check and the put are one atomic step of the map, as is a drop.</li>
 *   <li>Absent rows are not kept: a row created later needs no notification to be seen.</li>
 * </ul>
 */
public final class ReadCache<K, V> implements CommittedChanges.Copies<K, V> {

    private static final int STRIPES = 256;

    private final String name;
    private final ChangeFeed feed;
    private final Cache<K, V> cache;
    private final ConcurrentMap<K, V> map;
    /** Changes seen per stripe of keys; a load keeps its value only if its stripe and the epoch did not move. */
    private final AtomicLongArray changes = new AtomicLongArray(STRIPES);
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong loads = new AtomicLong();

    ReadCache(String name, ChangeFeed feed, long maximumSize) {
        this.name = name;
        this.feed = feed;
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
        this.map = cache.asMap();
    }

    public String name() {
        return name;
    }

    /**
     * A cache kept current by the context's {@link ChangeFeed}; where there is none (a slice test), one that never
     * keeps anything.
     */
    public static <K, V> ReadCache<K, V> of(ObjectProvider<ChangeFeed> feeds, String name, long maximumSize) {
        ChangeFeed feed = feeds.getIfAvailable();
        return feed == null ? new ReadCache<>(name, null, 1) : feed.cache(name, maximumSize);
    }

    /** The row of {@code key}: this node's copy when it has one that is known to be current, else {@code load}'s. */
    @Override
    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        if (feed == null || !feed.live() || TransactionSynchronizationManager.isActualTransactionActive()) {
            return load.apply(key);
        }
        V kept = map.get(key);
        if (kept != null) {
            hits.incrementAndGet();
            return Optional.of(kept);
        }
        int stripe = stripe(key);
        long changesBefore = changes.get(stripe);
        long epochBefore = epoch.get();
        Optional<V> loaded = load.apply(key);
        loads.incrementAndGet();
        loaded.ifPresent(value -> map.compute(key, (k, old) ->
                feed.live() && changes.get(stripe) == changesBefore && epoch.get() == epochBefore ? value : old));
        return loaded;
    }

    /** Drops the copy of {@code key}; a load of it under way will not keep what it read. */
    @Override
    public void evict(K key) {
        int stripe = stripe(key);
        map.compute(key, (k, old) -> {
            changes.incrementAndGet(stripe);
            return null;
        });
    }

    /** Drops every copy; loads under way will not keep what they read. */
    public void clear() {
        epoch.incrementAndGet();
        map.clear();
    }

    /**
     * The {@link ChangeFeed#on handler} of a table whose copies are keyed by what its notifications name, read with
     * {@code key}: drops the row named, or every copy when the notification names none.
     */
    public static <K> Consumer<String> byKey(ReadCache<K, ?> cache, Function<String, K> key) {
        return id -> {
            if (id.isEmpty()) {
                cache.clear();
            } else {
                cache.evict(key.apply(id));
            }
        };
    }

    /** {@link #byKey} for copies keyed by a table's {@code bigint} id. */
    public static Consumer<String> byId(ReadCache<Long, ?> cache) {
        return byKey(cache, Long::valueOf);
    }

    /** Answers from this node's copies since start. */
    public long hits() {
        return hits.get();
    }

    /** Reads from the database while the feed was live (a miss, or a first read). */
    public long loads() {
        return loads.get();
    }

    public long size() {
        return cache.estimatedSize();
    }

    private static int stripe(Object key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}
