package cn.perf.domain.imports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where uploads wait for confirmation (a table of PostgreSQL, shared by every application node). */
public interface PendingImports {

    /** Stores {@code p} (without id); returns its id. */
    long add(PendingImport p);

    /** The import {@code id} of {@code owner}, unless it expired by {@code now}. */
    Optional<PendingImport> find(long id, String owner, Instant now);

    /** The owner's waiting imports, newest first, without their files. */
    List<PendingImport.Line> ofOwner(String owner, Instant now);

    /** Removes import {@code id}; whether there was one. */
    boolean remove(long id);

    /** Removes every import that expired by {@code now}, and all but the {@code keep} newest of {@code owner}. */
    void prune(String owner, int keep, Instant now);
}
