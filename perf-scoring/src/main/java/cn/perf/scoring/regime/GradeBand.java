package cn.perf.scoring.regime;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A grade (等级) and the lowest score rate (in %, of 100) that earns it: 优 90, 良 80, 中 60, 差 0.
 */
public record GradeBand(String name, BigDecimal minPercent) {
    public GradeBand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(minPercent, "minPercent");
    }
}
