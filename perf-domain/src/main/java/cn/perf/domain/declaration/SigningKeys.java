package cn.perf.domain.declaration;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Storage port for a signing key kept by the application itself — the demo key, made where no bureau key is
 * configured — in the database, so that every application node signs with the same key and no node keeps a key
 * file of its own. Implemented by perf-persistence. Every method runs in the caller's transaction.
 */
public interface SigningKeys {

    /** The key stored under {@code name}. */
    Optional<StoredKey> find(String name);

    /** Stores {@code key} under {@code name} unless a key is stored under it already (the first one stays). */
    void insertIfAbsent(String name, StoredKey key);

    /**
     * A key as stored: the private key (PKCS#8, DER) and its certificate (X.509, DER). Arrays are not copied.
     */
    record StoredKey(byte[] privateKey, byte[] certificate, Instant createdAt) {
        public StoredKey {
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }
}
