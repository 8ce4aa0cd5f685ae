package cn.perf.persistence.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.evaluation.EvaluationStamp;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.domain.evaluation.SelfEvaluationQueries;
import cn.perf.persistence.changes.ChangeFeed;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The live preview's kept forms ({@link EvaluationSnapshotStore#detached}): bounded by memory, so that every form in
 * use in a deadline week stays kept (the earlier bound was 500 forms), never served for another version, and off at
 * 0 MB. The stored aggregate is not needed here: the store keeps what its queries return, and counting those reads
 * is what these tests check.
 */
class EvaluationSnapshotStoreTest {

    static final int FORMS = 2_000;

    final AtomicInteger reads = new AtomicInteger();
    /** A form of no rows as the queries would return it (version 0), whatever the id. */
    final SelfEvaluation form = new SelfEvaluation() {
    };

    EvaluationSnapshotStore store(long maxSizeMb) {
        SelfEvaluationQueries queries = (SelfEvaluationQueries) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SelfEvaluationQueries.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("detached")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    reads.incrementAndGet();
                    return Optional.of(form);
                });
        return new EvaluationSnapshotStore(new SimpleDriverDataSource(), queries,
                new StaticListableBeanFactory().getBeanProvider(ChangeFeed.class), maxSizeMb);
    }

    static EvaluationStamp stamp(long id, long version) {
        return new EvaluationStamp(id, 1L, "苏州", version, EvaluationStatus.DRAFT, "SUZHOU_2017");
    }

    /** Each of {@link #FORMS} forms previewed once, in turn; the reads that took. */
    int previewEachOnce(EvaluationSnapshotStore store) {
        int before = reads.get();
        LongStream.rangeClosed(1, FORMS).forEach(id -> assertThat(store.detached(stamp(id, 0))).contains(form));
        return reads.get() - before;
    }

    @Test
    void twoThousandFormsInUseAreEachReadOnceNotAgainAtEveryPreview() {
        EvaluationSnapshotStore store = store(64);

        assertThat(previewEachOnce(store)).isEqualTo(FORMS);
        assertThat(previewEachOnce(store)).as("second preview of each form: all kept").isZero();
        assertThat(store.size()).isEqualTo(FORMS);
    }

    @Test
    void theBoundIsMemory() {
        EvaluationSnapshotStore store = store(1); // 1 MB: 128 forms of no rows (8 KB each)

        previewEachOnce(store);
        long kept = store.size();
        assertThat(kept).isBetween(100L, 128L);
        assertThat(previewEachOnce(store)).as("all but the kept forms read again").isGreaterThanOrEqualTo(
                (int) (FORMS - kept));
    }

    @Test
    void anotherVersionIsReadAnew() {
        EvaluationSnapshotStore store = store(64);
        store.detached(stamp(7, 0));

        assertThat(store.detached(stamp(7, 1))).contains(form);
        assertThat(reads.get()).as("the kept copy is of version 0, the stamp says 1").isEqualTo(2);
    }

    @Test
    void zeroMegabytesKeepsNothing() {
        EvaluationSnapshotStore store = store(0);

        store.detached(stamp(7, 0));
        store.detached(stamp(7, 0));
        assertThat(reads.get()).isEqualTo(2);
        assertThat(store.size()).isZero();
    }
}
