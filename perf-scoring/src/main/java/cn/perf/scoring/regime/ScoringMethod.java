package cn.perf.scoring.regime;

/** How a quantitative higher-is-better row of a category is scored from its completion ratio r = 实际/目标. */
public enum ScoringMethod {
    /**
     * Suzhou 产出/投入: r inside the full-marks band [fullLower, fullUpper] → full weight; each point below fullLower
     * deducts {@code shortDeductionPercentPerPoint}% of the weight, each point above fullUpper deducts
     * {@code overDeductionPercentPerPoint}%; floor 0.
     */
    BAND,
    /** Suzhou 结果: r ≥ fullLower → full; each point below deducts the short deduction; no penalty above. */
    THRESHOLD,
    /** National 财预〔2020〕10号: r ≥ 100% → w, else w × r. */
    PROPORTIONAL
}
