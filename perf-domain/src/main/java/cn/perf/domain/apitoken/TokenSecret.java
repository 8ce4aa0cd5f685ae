package cn.perf.domain.apitoken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a personal API token: {@code perf_<key id>_<secret>}. The key id (16 characters a–z, 2–7: 80 random
 * bits) names the token and is stored as it is; the secret (43 characters base64url: 256 random bits) is shown once
 * and only its SHA-256 is stored. The key id lets the token be found with an index, and the secret's digest is then
 * compared in constant time, so how long a refusal takes says nothing about the secret.
 */
public final class TokenSecret {

    public static final String PREFIX = "perf_";
    static final int KEY_ID_LENGTH = 16;
    static final int SECRET_BYTES = 32;

    private static final Pattern FORMAT = Pattern.compile("perf_([a-z2-7]{16})_([A-Za-z0-9_-]{43})");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String keyId;
    private final String secret;

    private TokenSecret(String keyId, String secret) {
        this.keyId = keyId;
        this.secret = secret;
    }

    /** A new token from the system's secure random source. */
    static TokenSecret generate() {
        StringBuilder key = new StringBuilder(KEY_ID_LENGTH);
        for (int i = 0; i < KEY_ID_LENGTH; i++) {
            key.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return new TokenSecret(key.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token a program presented; empty when it is not of the token's form. */
    static Optional<TokenSecret> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(presented.strip());
        return m.matches() ? Optional.of(new TokenSecret(m.group(1), m.group(2))) : Optional.empty();
    }

    String keyId() {
        return keyId;
    }

    /** What is stored: the SHA-256 of the secret part. */
    byte[] digest() {
        return sha256(secret);
    }

    /** The whole token, to be shown once. */
    String text() {
        return PREFIX + keyId + "_" + secret;
    }

    /** Whether {@code storedDigest} is this secret's digest, compared in constant time. */
    boolean matches(byte[] storedDigest) {
        return storedDigest != null && MessageDigest.isEqual(digest(), storedDigest);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return PREFIX + keyId + "_…";
    }
}
