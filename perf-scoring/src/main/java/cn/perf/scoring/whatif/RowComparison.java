package cn.perf.scoring.whatif;

import cn.perf.scoring.sheet.RowResult;
import java.math.BigDecimal;

/**
 * One row under two regimes.
 *
 * @param rowNumber  1-based row number
 * @param category   category
 * @param name       indicator name
 * @param left       result under the first regime
 * @param right      result under the second regime
 * @param difference right − left final score, {@code null} when either has no score
 */
public record RowComparison(int rowNumber, String category, String name, RowResult left, RowResult right,
                            BigDecimal difference) {
}
