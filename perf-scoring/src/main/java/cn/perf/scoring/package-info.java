/**
 * perf-scoring: turns a self-evaluation sheet (绩效自评表) into scores that a finance officer can check.
 *
 * <p>JDK only. Entry points:
 * <ul>
 *   <li>{@link cn.perf.scoring.target.TargetValueParser} — parses 目标值 / 实际完成值 texts;</li>
 *   <li>{@link cn.perf.scoring.regime.ScoringRegimes} — the built-in regimes and {@code fromMap}/{@code fromProperties}
 *       for provincial variants;</li>
 *   <li>{@link cn.perf.scoring.sheet.Sheet} + {@link cn.perf.scoring.sheet.SheetScorer} — build a sheet and score it;</li>
 *   <li>{@link cn.perf.scoring.whatif.RegimeComparison} — the same sheet under two regimes side by side.</li>
 * </ul>
 * Every number is a {@link java.math.BigDecimal}; the only rounding mode is {@link java.math.RoundingMode#HALF_UP}.
 */
package cn.perf.scoring;
