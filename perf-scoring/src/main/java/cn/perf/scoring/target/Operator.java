package cn.perf.scoring.target;

/**
 * The comparison written in a target value. Chinese phrases follow the statutory reading of
 * 以上/以下/以内 as inclusive (民法典 第1259条: "以上、以下、以内、届满，包括本数；不满、超过，不包括本数").
 */
public enum Operator {
    EQ("="),
    GE("≥"),
    GT(">"),
    LE("≤"),
    LT("<"),
    /** No operator written (e.g. {@code 100%}, {@code 140000}); treated like {@link #EQ}. */
    UNSPECIFIED("");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** {@code =} or no operator: the direction is ambiguous and must be confirmed. */
    public boolean isEquality() {
        return this == EQ || this == UNSPECIFIED;
    }

    /**
     * The direction the operator implies by default: ≥/&gt; higher-is-better, ≤/&lt; lower-is-better, and
     * = / none higher-is-better (the national convention; flagged by the lint when the name says otherwise).
     */
    public Direction defaultDirection() {
        return switch (this) {
            case LE, LT -> Direction.LOWER_IS_BETTER;
            case EQ, GE, GT, UNSPECIFIED -> Direction.HIGHER_IS_BETTER;
        };
    }
}
