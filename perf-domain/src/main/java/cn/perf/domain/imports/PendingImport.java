package cn.perf.domain.imports;

import java.time.Instant;
import java.util.Objects;

/**
 * An uploaded file waiting for its owner's confirmation (issue 10: nothing is stored as a form until the user
 * confirms). Kept in the database, so any application node serves its preview and its confirmation, and only for its
 * owner; it expires after {@link ImportFiling#KEPT}.
 *
 * @param id            null until stored
 * @param owner         the user who uploaded it; nobody else sees it
 * @param targetId      the unit (a new declaration), the declaration or the self-evaluation
 * @param targetVersion the target's version when it was uploaded (0 for a new declaration): the confirmation is a
 *                      save from that version, refused as stale when the target changed since
 * @param content       the file as uploaded (already checked: not hostile)
 */
public record PendingImport(Long id, String owner, ImportKind kind, Long targetId, long targetVersion,
                            String fileName, byte[] content, Instant createdAt, Instant expiresAt) {

    public PendingImport {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(targetId, "targetId");
        fileName = fileName == null || fileName.isBlank() ? "upload.xlsx" : fileName.strip();
        fileName = fileName.length() > 255 ? fileName.substring(fileName.length() - 255) : fileName;
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** One line of the owner's list of waiting imports (without the file). */
    public record Line(Long id, ImportKind kind, Long targetId, String fileName, int size, Instant createdAt,
                       Instant expiresAt) {
    }
}
