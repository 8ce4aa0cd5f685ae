package cn.perf.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

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
}
