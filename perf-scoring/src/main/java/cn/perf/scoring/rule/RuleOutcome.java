package cn.perf.scoring.rule;

import cn.perf.scoring.trace.Trace;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The result of one scoring rule.
 *
 * @param score the score, rounded to the regime's scale (HALF_UP)
 * @param ratio the completion ratio used (1 = 100%), or {@code null} when the rule used none
 * @param trace why
 */
public record RuleOutcome(BigDecimal score, BigDecimal ratio, Trace trace) {
    public RuleOutcome {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(trace, "trace");
    }
}
