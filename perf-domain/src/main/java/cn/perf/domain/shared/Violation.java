package cn.perf.domain.shared;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a command, as a value: where ({@link #path}, the form's property path such as
 * {@code indicators[3].name} or {@code projectName}), what ({@link #code}, resolved by the web layer as the message
 * key {@code violation.<code>} with {@link #args}), and a Chinese {@link #message} for callers without a message
 * bundle (logs, the API's fallback). Commands report every violation at once ({@link InvalidCommandException}).
 */
public record Violation(String path, String code, List<Object> args, String message) {

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        args = args == null ? List.of() : List.copyOf(args);
        Objects.requireNonNull(message, "message");
    }

    public static Violation of(String path, String code, String message, Object... args) {
        return new Violation(path, code, List.of(args), message);
    }

    /** The args as an array (for {@code MessageSource}). */
    public Object[] argsArray() {
        return args.toArray();
    }
}
