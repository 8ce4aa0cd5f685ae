package cn.perf.scoring.target;

import java.util.Objects;
import java.util.Optional;

/** The outcome of parsing a target or actual text: a value, or the reason (in Chinese) it is not one. */
public sealed interface ParseResult {

    /** The text exactly as filed. */
    String original();

    /** The parsed value, empty when rejected. */
    Optional<TargetValue> value();

    default boolean isParsed() {
        return this instanceof Parsed;
    }

    /** A parsed value. */
    record Parsed(TargetValue parsed) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(parsed, "parsed");
        }

        @Override
        public String original() {
            return parsed.original();
        }

        @Override
        public Optional<TargetValue> value() {
            return Optional.of(parsed);
        }
    }

    /**
     * A text that is not a value.
     *
     * @param original    the filed text (may be empty)
     * @param reason      why, in Chinese
     * @param placeholder true for empty text and placeholders (*, -, /, _): "nothing was filed"
     */
    record Rejected(String original, String reason, boolean placeholder) implements ParseResult {
        public Rejected {
            original = original == null ? "" : original;
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<TargetValue> value() {
            return Optional.empty();
        }
    }
}
