package cn.perf.domain.shared;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Committed changes of stored rows, as every node hears of them (implemented in perf-persistence with PostgreSQL's
 * {@code LISTEN}/{@code NOTIFY}): what lets a node keep copies of rows it reads on every request without ever
 * serving one that another node has changed, beyond the moment the change takes to arrive.
 */
public interface CommittedChanges {

    /**
     * Copies of the rows of {@code table}, keyed by the id its change notifications name: a committed change of a
     * row, on any node, drops that row's copy.
     */
    <V> Copies<String, V> copies(String name, long maximumSize, String table);

    /**
     * Waits until every change committed before this call has reached this node's copies; for a caller that changed
     * rows outside this node's JPA (plain SQL: tests, an operator's tool). False if the wait timed out.
     */
    boolean awaitDelivered(Duration timeout);

    /** What 运行监控 shows of the feed and of the copies it keeps current on this node. */
    Status status();

    /**
     * The feed on this node: listening ({@code live}: copies are used), notifications received, times the listening
     * connection broke ({@code outages}) or a probe did not come back ({@code probesLost}), times it went live, and
     * each kind of copy.
     */
    record Status(boolean live, long received, long outages, long probesLost, long wentLive,
                  List<CopiesStatus> copies) {
    }

    /** One kind of copy: how many are kept, reads answered from them, reads that went to the database. */
    record CopiesStatus(String name, long size, long hits, long loads) {
    }

    /** Copies of rows: served only while they are known to be current. */
    interface Copies<K, V> {

        /** The row of {@code key}: the copy when there is one known to be current, else {@code load}'s (kept). */
        Optional<V> get(K key, Function<K, Optional<V>> load);

        /** Drops the copy of {@code key} (this node changed the row: no need to wait for the notification). */
        void evict(K key);

        /** Copies that never keep anything: every read loads. */
        static <K, V> Copies<K, V> none() {
            return new Copies<>() {
                @Override
                public Optional<V> get(K key, Function<K, Optional<V>> load) {
                    return load.apply(key);
                }

                @Override
                public void evict(K key) {
                }
            };
        }
    }
}
