package cn.perf.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import org.junit.jupiter.api.Test;

class CacheBudgetTest {

    @Test
    void aConfiguredSizeIsTakenAsItIsAndZeroSwitchesOff() {
        assertThat(CacheBudget.megabytes(64, RenderedPages.HEAP_SHARE)).isEqualTo(64);
        assertThat(CacheBudget.megabytes(0, KeptFragments.HEAP_SHARE)).isZero();
    }

    @Test
    void withoutOneItIsAShareOfTheMaximumHeap() {
        long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        assertThat(CacheBudget.megabytes(-1, RenderedPages.HEAP_SHARE))
                .isEqualTo(Math.max(16, heapMb / 8));
        assertThat(CacheBudget.megabytes(-1, KeptFragments.HEAP_SHARE))
                .isEqualTo(Math.max(16, heapMb / 16));
    }

    /** A kept thing of one version of form 1, as the caches of one entry per page hold them. */
    record Kept(long version, String page) {
    }

    static Cache<Long, Kept> cache() {
        return CacheBudget.bounded(1, (Long id, Kept kept) -> kept.page().length()).build();
    }

    @Test
    void anEntryOfAnOlderVersionIsNotServedCountsAsAMissAndGoes() {
        Cache<Long, Kept> cache = cache();
        cache.put(1L, new Kept(3, "第 3 版"));

        assertThat(CacheBudget.ofVersion(cache, 1L, Kept::version, 4)).isNull();
        assertThat(cache.stats().hitCount()).isZero();
        assertThat(cache.stats().missCount()).isEqualTo(1);
        assertThat(cache.asMap()).doesNotContainKey(1L);

        cache.put(1L, new Kept(4, "第 4 版"));
        assertThat(CacheBudget.ofVersion(cache, 1L, Kept::version, 4)).isEqualTo(new Kept(4, "第 4 版"));
        assertThat(cache.stats().hitCount()).isEqualTo(1);
    }

    @Test
    void aRequestThatReadAnOlderVersionNeitherGetsNorDropsTheNewerEntry() {
        Cache<Long, Kept> cache = cache();
        cache.put(1L, new Kept(5, "第 5 版"));

        assertThat(CacheBudget.ofVersion(cache, 1L, Kept::version, 4)).isNull();
        CacheBudget.keepNewest(cache, 1L, new Kept(4, "第 4 版"), Kept::version);
        assertThat(cache.getIfPresent(1L)).isEqualTo(new Kept(5, "第 5 版"));

        CacheBudget.keepNewest(cache, 1L, new Kept(6, "第 6 版"), Kept::version);
        assertThat(cache.getIfPresent(1L)).isEqualTo(new Kept(6, "第 6 版"));
    }
}
