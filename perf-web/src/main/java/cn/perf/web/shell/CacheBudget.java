package cn.perf.web.shell;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Weigher;
import java.util.function.ToLongFunction;

/**
 * How much of the heap a node's caches of what it read or rendered (pages, rows, forms) may hold. A configured size
 * in MB is taken as it is ({@code 0}: off); {@code -1}, the default, is a share of the JVM's maximum heap, so that a
 * node sized for more users keeps more of them. Measured: at 1,000 Gatling users the 64 MB of the earlier fixed
 * default held a fraction of the pages in use, and each page opened again was rendered again (app CPU 124 % against
 * 99 % with 512 MB + 256 MB, docs/performance.md).
 */
public final class CacheBudget {

    private static final long MB = 1024 * 1024;
    private static final long AT_LEAST_MB = 16;

    private CacheBudget() {
    }

    /** {@code configuredMb} if it is 0 or more, else the {@code 1/heapShare} part of the maximum heap (≥ 16 MB). */
    public static long megabytes(long configuredMb, int heapShare) {
        if (configuredMb >= 0) {
            return configuredMb;
        }
        return Math.max(AT_LEAST_MB, Runtime.getRuntime().maxMemory() / MB / heapShare);
    }

    /**
     * A cache of at most {@code maxSizeMb} MB (at least 1: a cache that is off is never asked) as {@code weigher}
     * estimates each entry's bytes, the entries least likely to be used again out first (Caffeine's W-TinyLFU),
     * recording the hits and misses that 运行监控 shows.
     */
    public static <K, V> Caffeine<K, V> bounded(long maxSizeMb, Weigher<K, V> weigher) {
        return Caffeine.newBuilder().maximumWeight(Math.max(1, maxSizeMb) * MB).weigher(weigher).recordStats();
    }

    /**
     * The entry of {@code key} if it is of {@code version} (a cache of one entry per form, the version it was made
     * from in the entry). An entry of an older version is dropped first, so that the lookup counts as the miss it is
     * in the cache's statistics.
     */
    public static <K, V> V ofVersion(Cache<K, V> cache, K key, ToLongFunction<V> versionOf, long version) {
        V quietly = cache.policy().getIfPresentQuietly(key);
        if (quietly != null && versionOf.applyAsLong(quietly) < version) {
            cache.asMap().remove(key, quietly);
        }
        V found = cache.getIfPresent(key);
        return found != null && versionOf.applyAsLong(found) == version ? found : null;
    }

    /**
     * Keeps {@code value} under {@code key} unless the entry there is of a newer version: a slow request that read an
     * older version may finish after one that read the newer.
     */
    public static <K, V> void keepNewest(Cache<K, V> cache, K key, V value, ToLongFunction<V> versionOf) {
        cache.asMap().merge(key, value,
                (kept, read) -> versionOf.applyAsLong(kept) > versionOf.applyAsLong(read) ? kept : read);
    }
}
