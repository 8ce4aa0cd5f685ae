package cn.perf.domain.idempotency;

import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Violation;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for the API's writes (issue 11): a request that carries a key is done at most once per
 * user and key. The key is claimed in the same transaction as the change it guards, so either both are stored or
 * neither: a retry after a success finds the key and does nothing ({@link Result#replayed()}); a retry after a
 * failure (nothing stored) simply runs again; two copies of one request at the same moment run one after the other,
 * and the second finds the key. The same key with a different request is refused
 * ({@link KeyReusedException}). Keys are kept for {@link #KEPT}.
 */
@Named
public class IdempotentRequests {

    /** How long a key is remembered. */
    public static final Duration KEPT = Duration.ofHours(24);

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    /** What happened to a request. */
    public record Result<T>(T value, boolean replayed) {
    }

    /** The key was used before for a different request. */
    public static class KeyReusedException extends RuntimeException {
        public KeyReusedException() {
            super("该 Idempotency-Key 已用于另一个请求");
        }
    }

    private final IdempotencyKeys keys;

    public IdempotentRequests(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /**
     * Runs {@code action} unless {@code key} (of {@code username}) was claimed before by the same request
     * ({@code request}: what identifies it, e.g. method, path and body); without a key, simply runs it.
     *
     * @throws InvalidCommandException the key is not 1–255 visible ASCII characters
     * @throws KeyReusedException      the key was claimed by a different request
     */
    @Transactional
    public <T> Result<T> run(String username, String key, String request, Supplier<T> action) {
        if (key == null) {
            return new Result<>(action.get(), false);
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidCommandException(List.of(Violation.of("Idempotency-Key", "idempotencyKey",
                    "Idempotency-Key 应为 1 至 255 个可见 ASCII 字符")));
        }
        String fingerprint = sha256(request);
        if (keys.claim(username, key, fingerprint, Instant.now())) {
            return new Result<>(action.get(), false);
        }
        String earlier = keys.fingerprint(username, key).orElse(fingerprint);
        if (!earlier.equals(fingerprint)) {
            throw new KeyReusedException();
        }
        return new Result<>(null, true);
    }

    /**
     * As {@link #run}, for a request that creates something: {@code action} returns the new resource's id, which is
     * kept with the key (in the same transaction), so a retry of the request gets that id back
     * ({@link Result#value()}, with {@link Result#replayed()} true) and nothing is created twice.
     */
    @Transactional
    public Result<Long> create(String username, String key, String request, Supplier<Long> action) {
        if (key == null) {
            return new Result<>(action.get(), false);
        }
        Result<Long> result = run(username, key, request, action);
        if (!result.replayed()) {
            keys.remember(username, key, result.value());
            return result;
        }
        return new Result<>(keys.resourceId(username, key).orElse(null), true);
    }

    /** Forgets keys older than {@link #KEPT}; returns how many. */
    @Transactional
    public int forgetOld() {
        return keys.forget(Instant.now().minus(KEPT));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
