package cn.perf.scoring.sheet;

import java.math.BigDecimal;

/**
 * A category's subtotal.
 *
 * @param name      category name
 * @param points    category points
 * @param weightSum sum of the row weights used
 * @param score     sum of the rows' final scores
 * @param rows      number of rows
 */
public record CategoryResult(String name, BigDecimal points, BigDecimal weightSum, BigDecimal score, int rows) {
}
