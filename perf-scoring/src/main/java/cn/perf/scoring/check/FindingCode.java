package cn.perf.scoring.check;

/** Stable codes of the consistency checks (DESIGN.md §3.3). The scorer reports; it never silently fixes. */
public enum FindingCode {
    /** 自评分 recorded on the sheet differs from the computed score. */
    RECORDED_SCORE_MISMATCH,
    /** 合计 recorded on the sheet differs from the computed total. */
    RECORDED_TOTAL_MISMATCH,
    /** Row weights do not sum to the category (一级指标) points. */
    WEIGHT_SUM_MISMATCH,
    /** Category points plus budget-execution points do not sum to the regime's total. */
    TOTAL_POINTS_MISMATCH,
    /** The sheet's category points differ from the regime's default for that category. */
    CATEGORY_POINTS_DIFFER,
    /** A category has points but no indicator. */
    CATEGORY_WITHOUT_ROWS,
    /** A row's category is neither on the sheet nor known to the regime. */
    CATEGORY_UNKNOWN,
    /** A weight was computed (equal split or library) rather than filed. */
    WEIGHT_COMPUTED,
    /** 目标值 cannot be parsed. */
    TARGET_UNPARSEABLE,
    /** 实际完成值 cannot be parsed. */
    ACTUAL_UNPARSEABLE,
    /** No 实际完成值 and no explanation: scored 0. */
    ACTUAL_MISSING,
    /** The row is left for the reviewer to score (待审核人评分). */
    PENDING_REVIEW,
    /** Target and actual carry different units. */
    UNIT_MISMATCH,
    /** Only one of target and actual carries a unit; it was taken for both. */
    UNIT_ASSUMED,
    /** A quantitative target written as a bare number (43.2, 100), with no unit. */
    TARGET_UNIT_MISSING,
    /** A target written as an approximate number (约35个, 35个左右, 近35个): scored on the number, flagged. */
    TARGET_APPROXIMATE,
    /** An actual written as an approximate number (约35个, 35个左右): not scored, left for the reviewer. */
    ACTUAL_APPROXIMATE,
    /** A qualitative actual could not be mapped to a grade or tier. */
    QUALITATIVE_ACTUAL_UNMAPPED,
    /** A qualitative score is outside its tier's band (national 达成/部分达成/未达成). */
    QUALITATIVE_SCORE_OUT_OF_BAND,
    /** A qualitative row in a tier regime has no chosen score. */
    QUALITATIVE_SCORE_NOT_CHOSEN,
    /** A qualitative target that mentions a number (e.g. 提供78个就业机会): consider writing it as ≥78个. */
    NUMBER_IN_QUALITATIVE_TARGET,
    /** Completion at or above the over-achievement threshold without an explanation. */
    OVER_ACHIEVEMENT_UNEXPLAINED,
    /** Completion at or above the over-achievement threshold, with an explanation. */
    OVER_ACHIEVEMENT_EXPLAINED,
    /** A short row without 偏差原因分析. */
    DEVIATION_REASON_MISSING,
    /** An {@code =} (or operator-less) target whose name or explanation suggests another direction. */
    EQUALITY_DIRECTION_LINT,
    /** An explicit direction contradicts the target's operator. */
    DIRECTION_CONTRADICTS_OPERATOR,
    /** A reviewer changed a score (recorded with the reason). */
    REVIEWER_ADJUSTMENT,
    /** A reviewer adjustment outside [0, weight]: ignored. */
    REVIEWER_ADJUSTMENT_INVALID,
    /** 指标结余数 ≠ 年初预算数 + 调整数 − 财政拨款数. */
    FUNDS_BUDGET_BALANCE,
    /** 资金结余、结转数 ≠ 财政拨款数 − 实际支付数. */
    FUNDS_PAYMENT_BALANCE,
    /** 资金结余、结转数 ≠ 结转数 + 财政收回数. */
    FUNDS_CARRYOVER_SPLIT,
    /** 财政拨款数 differs between the two funds blocks. */
    FUNDS_APPROPRIATION_DIFFERS,
    /** National 项目资金: in a column, 年度资金总额 ≠ 本年财政拨款 + 上年结转资金 + 其他资金. */
    FUNDS_NATIONAL_TOTAL,
    /** Sub-project amounts do not sum to the printed 合计. */
    SUBPROJECT_SUM_MISMATCH,
    /** Budget-execution score could not be computed. */
    BUDGET_EXECUTION_MISSING
}
