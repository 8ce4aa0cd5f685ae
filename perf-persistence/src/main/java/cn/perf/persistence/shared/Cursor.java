package cn.perf.persistence.shared;

import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Reads every row of a projection query through one PostgreSQL cursor ({@value #BATCH} rows per round trip), hands
 * them on in batches of the same size after {@code complete} has filled in what the query left out (counts read for
 * the batch's ids in one statement), and keeps nothing: memory stays at one batch whatever the number of rows.
 *
 * <p>The driver only reads through a cursor inside a transaction (outside one it would fetch the whole result at
 * once), so callers run in one; a second statement for a batch runs on the same connection while the cursor stays
 * open, which PostgreSQL allows.
 */
public final class Cursor {

    /** Rows per fetch from the cursor and per batch handed to {@code complete}. */
    public static final int BATCH = 500;

    private Cursor() {
    }

    public static <T> void forEach(TypedQuery<T> query, UnaryOperator<List<T>> complete, Consumer<T> row) {
        List<T> batch = new ArrayList<>(BATCH);
        try (Stream<T> rows = query.setHint("org.hibernate.fetchSize", BATCH).setHint("org.hibernate.readOnly", true)
                .getResultStream()) {
            rows.forEachOrdered(r -> {
                batch.add(r);
                if (batch.size() == BATCH) {
                    complete.apply(List.copyOf(batch)).forEach(row);
                    batch.clear();
                }
            });
        }
        if (!batch.isEmpty()) {
            complete.apply(List.copyOf(batch)).forEach(row);
        }
    }
}
