package cn.perf.scoring.regime;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Parameters of the Suzhou completion-ratio rules ({@link ScoringMethod#BAND}, {@link ScoringMethod#THRESHOLD}).
 *
 * @param fullLowerPercent              lower end of the full-marks band, in % (100)
 * @param fullUpperPercent              upper end of the full-marks band, in % (130), inclusive
 * @param shortDeductionPercentPerPoint % of the weight deducted per percentage point below the lower end (5)
 * @param overDeductionPercentPerPoint  % of the weight deducted per percentage point above the upper end (1)
 * @param pointCounting                 how fractional percentage points count
 */
public record BandParameters(BigDecimal fullLowerPercent, BigDecimal fullUpperPercent,
                             BigDecimal shortDeductionPercentPerPoint, BigDecimal overDeductionPercentPerPoint,
                             PointCounting pointCounting) {
    public BandParameters {
        Objects.requireNonNull(fullLowerPercent, "fullLowerPercent");
        Objects.requireNonNull(fullUpperPercent, "fullUpperPercent");
        Objects.requireNonNull(shortDeductionPercentPerPoint, "shortDeductionPercentPerPoint");
        Objects.requireNonNull(overDeductionPercentPerPoint, "overDeductionPercentPerPoint");
        Objects.requireNonNull(pointCounting, "pointCounting");
        if (fullUpperPercent.compareTo(fullLowerPercent) < 0) {
            throw new IllegalArgumentException("满分区间上限 " + fullUpperPercent + "% 低于下限 " + fullLowerPercent + "%");
        }
    }

    /** How "each percentage point" counts a fractional shortfall such as 6.5 points. */
    public enum PointCounting {
        /** 6.5 points deduct 6.5 × 5% = 32.5% (default: continuous and monotone, no cliff at whole points). */
        PROPORTIONAL,
        /** Only whole points count: 6.5 points deduct 6 × 5% = 30%. */
        WHOLE_POINTS
    }
}
