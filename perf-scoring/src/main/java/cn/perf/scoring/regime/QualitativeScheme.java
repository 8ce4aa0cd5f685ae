package cn.perf.scoring.regime;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * How 定性 rows are scored.
 *
 * @param mode        {@link Mode#GRADES} (Suzhou multipliers) or {@link Mode#TIERS} (national bands)
 * @param grades      grade word → % of the weight (好 100, 较好 80, 一般 60, 较差 40, 差 20); first = best
 * @param tiers       tier → [min, max] % of the weight (达成 80–100, 部分达成 60–80, 未达成 0–60); first = best.
 *                    The upper bound is exclusive except for the first (best) tier.
 * @param tierDefault what to do when the filer picked no score in a tier regime
 */
public record QualitativeScheme(Mode mode, List<Grade> grades, List<Tier> tiers, TierDefault tierDefault) {

    public QualitativeScheme {
        Objects.requireNonNull(mode, "mode");
        grades = List.copyOf(grades);
        tiers = List.copyOf(tiers);
        Objects.requireNonNull(tierDefault, "tierDefault");
        if (mode == Mode.GRADES && grades.isEmpty()) {
            throw new IllegalArgumentException("定性评分方式为等级（GRADES），但未配置等级");
        }
        if (mode == Mode.TIERS && tiers.isEmpty()) {
            throw new IllegalArgumentException("定性评分方式为档次（TIERS），但未配置档次");
        }
    }

    public enum Mode { GRADES, TIERS }

    /** When no score was chosen inside a tier: leave for the reviewer, or take the tier's upper/lower end. */
    public enum TierDefault { NONE, UPPER, LOWER }

    /** A grade word and its share of the weight, in %. */
    public record Grade(String name, BigDecimal percent) {
        public Grade {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(percent, "percent");
        }
    }

    /** A tier and its band, in % of the weight. */
    public record Tier(String name, BigDecimal minPercent, BigDecimal maxPercent) {
        public Tier {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(minPercent, "minPercent");
            Objects.requireNonNull(maxPercent, "maxPercent");
        }
    }
}
