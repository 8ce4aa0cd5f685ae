package cn.perf.domain.declaration;

import java.util.List;
import java.util.Optional;

/**
 * Storage port for {@link SignedDeclarationPdf}s, at most one per declaration version; implemented by
 * perf-persistence (PostgreSQL, the bytes in a {@code bytea}). Every method runs in the caller's transaction.
 * Used by {@link DeclarationSignatures} only.
 */
public interface SignedDeclarationPdfs {

    /**
     * Stores {@code pdf} unless that declaration version already has a signed PDF (another node or an earlier try
     * signed it first: theirs stays). Returns whether this one was stored.
     */
    boolean storeIfAbsent(SignedDeclarationPdf pdf);

    /** The signed PDF of the declaration's highest signed version. */
    Optional<SignedDeclarationPdf> latest(Long declarationId);

    /** Whether any version of the declaration has a signed PDF (without reading the bytes). */
    boolean exists(Long declarationId);

    /**
     * Declarations approved by the bureau (also those superseded since) that have no signed PDF at all, lowest id
     * first, at most {@code limit}.
     */
    List<Long> approvedWithoutSignedPdf(int limit);
}
