package cn.perf.scoring.target;

/** Which way a quantitative indicator is better. */
public enum Direction {
    /** 越高越好 (≥, >, and by convention =). */
    HIGHER_IS_BETTER("越高越好"),
    /** 越低越好 (≤, <, 及其以下, 不超过 …). */
    LOWER_IS_BETTER("越低越好");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
