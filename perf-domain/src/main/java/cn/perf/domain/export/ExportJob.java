package cn.perf.domain.export;

import java.time.Instant;
import java.util.Objects;

/**
 * One export asked for on a list page (issue 12: a region's summary of 10,000 forms takes longer than a page may), kept
 * in the database so that any application node writes it and any node serves its file, only to its owner.
 *
 * @param parameters the list's search as the web layer wrote it (the domain does not read it)
 * @param title      what the job is called on its page and what its file is named after
 * @param attempts   how many times a worker started it (a worker that died leaves the job to another)
 * @param size       the file's size in bytes, once written
 * @param rows       how many forms the file holds, once written
 * @param error      why it was given up, in Chinese, for its owner
 */
public record ExportJob(long id, String owner, ExportKind kind, String parameters, String title, ExportStatus status,
                        int attempts, Instant createdAt, Instant startedAt, Instant finishedAt, Instant expiresAt,
                        String fileName, Long size, Integer rows, String error) {

    public ExportJob {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Waiting or being written. */
    public boolean unfinished() {
        return status.unfinished();
    }

    /** The file is ready to download. */
    public boolean done() {
        return status == ExportStatus.DONE;
    }
}
