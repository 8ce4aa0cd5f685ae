package cn.perf.domain.declaration;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The signed PDF of one version of an approved 申报表, exactly as it was signed: the bytes are served unchanged, and
 * {@link #sha256} is their SHA-256 (hex, lower case) — checked again by the database when they are stored.
 *
 * @param declarationId      the declaration
 * @param declarationVersion the version of the declaration that was drawn and signed
 * @param pdf                the signed PDF (not copied: treat as read-only)
 * @param sha256             SHA-256 of {@code pdf}
 * @param signer             the signing certificate's name (its CN)
 * @param demoKey            whether the demo key signed it (no bureau key configured)
 * @param signedAt           when it was signed
 */
public record SignedDeclarationPdf(Long declarationId, long declarationVersion, byte[] pdf, String sha256,
                                   String signer, boolean demoKey, Instant signedAt) {

    public SignedDeclarationPdf {
        Objects.requireNonNull(declarationId, "declarationId");
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signedAt, "signedAt");
        if (!sha256(pdf).equals(sha256)) {
            throw new IllegalArgumentException("sha256 does not match the PDF's bytes");
        }
    }

    /** The record of {@code pdf}, its digest computed. */
    public static SignedDeclarationPdf of(Long declarationId, long declarationVersion, byte[] pdf, String signer,
                                          boolean demoKey, Instant signedAt) {
        return new SignedDeclarationPdf(declarationId, declarationVersion, pdf, sha256(pdf), signer, demoKey,
                signedAt);
    }

    /** SHA-256 of {@code bytes}, hex, lower case. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedDeclarationPdf s && declarationId.equals(s.declarationId)
                && declarationVersion == s.declarationVersion && sha256.equals(s.sha256) && signer.equals(s.signer)
                && demoKey == s.demoKey && signedAt.equals(s.signedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(declarationId, declarationVersion, sha256);
    }

    @Override
    public String toString() {
        return "SignedDeclarationPdf[" + declarationId + " v" + declarationVersion + ", " + pdf.length + " bytes, "
                + sha256 + ", " + signer + (demoKey ? " (demo)" : "") + ", " + signedAt + "]";
    }
}
