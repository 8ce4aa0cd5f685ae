package cn.perf.domain.shared;

import java.util.List;
import java.util.stream.Collectors;

/** A command refused for every {@link Violation} found in it, all reported at once; nothing was changed. */
public class InvalidCommandException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidCommandException(List<Violation> violations) {
        super(violations.stream().map(v -> v.path() + "：" + v.message()).collect(Collectors.joining("；")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid command needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
