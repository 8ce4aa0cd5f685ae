package cn.perf.scoring.trace;

/** Stable identifiers of the rules that appear in a {@link Trace#ruleId()}. */
public final class RuleIds {
    private RuleIds() {
    }

    public static final String BAND_FULL = "BAND_FULL";
    public static final String BAND_SHORT = "BAND_SHORT";
    public static final String BAND_OVER = "BAND_OVER";
    public static final String THRESHOLD_FULL = "THRESHOLD_FULL";
    public static final String THRESHOLD_SHORT = "THRESHOLD_SHORT";
    public static final String PROPORTIONAL_FULL = "PROPORTIONAL_FULL";
    public static final String PROPORTIONAL_SHORT = "PROPORTIONAL_SHORT";
    public static final String LOWER_MET = "LOWER_MET";
    public static final String LOWER_INVERSE_RATIO = "LOWER_INVERSE_RATIO";
    public static final String LOWER_LINEAR_TO_DOUBLE = "LOWER_LINEAR_TO_DOUBLE";
    public static final String ZERO_EQUALITY_TARGET = "ZERO_EQUALITY_TARGET";
    public static final String ZERO_TARGET_HIGHER = "ZERO_TARGET_HIGHER";
    public static final String QUALITATIVE_GRADE = "QUALITATIVE_GRADE";
    public static final String QUALITATIVE_TIER = "QUALITATIVE_TIER";
    public static final String MISSING_ACTUAL_ZERO = "MISSING_ACTUAL_ZERO";
    public static final String PENDING_REVIEW = "PENDING_REVIEW";
    public static final String REJECTED = "REJECTED";
    public static final String REVIEWER_ADJUSTMENT = "REVIEWER_ADJUSTMENT";
    public static final String WEIGHT_GIVEN = "WEIGHT_GIVEN";
    public static final String WEIGHT_LIBRARY = "WEIGHT_LIBRARY";
    public static final String WEIGHT_EQUAL_SPLIT = "WEIGHT_EQUAL_SPLIT";
    public static final String BUDGET_EXECUTION = "BUDGET_EXECUTION";
    public static final String GRADE = "GRADE";
    public static final String TOTAL = "TOTAL";
}
