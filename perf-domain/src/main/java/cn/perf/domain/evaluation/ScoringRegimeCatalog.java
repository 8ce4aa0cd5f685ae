package cn.perf.domain.evaluation;

import cn.perf.scoring.regime.ScoringRegime;
import cn.perf.scoring.regime.ScoringRegimes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scoring regimes in force: the built-ins of perf-scoring, replaced or extended by what the deployment
 * configures ({@link ScoringRegimeSource}), so a province adjusts its parameters without code.
 */
@Named
public class ScoringRegimeCatalog {

    private final Map<String, ScoringRegime> regimes;

    /** Built-ins plus the deployment's regimes, when a source is configured. */
    @Inject
    public ScoringRegimeCatalog(Optional<ScoringRegimeSource> source) {
        this(source.map(ScoringRegimeSource::regimes).orElse(List.of()));
    }

    private ScoringRegimeCatalog(List<ScoringRegime> configured) {
        Map<String, ScoringRegime> all = new LinkedHashMap<>();
        all.put(ScoringRegimes.SUZHOU_2017.id(), ScoringRegimes.SUZHOU_2017);
        all.put(ScoringRegimes.NATIONAL_2020.id(), ScoringRegimes.NATIONAL_2020);
        configured.forEach(r -> all.put(r.id(), r));
        this.regimes = Collections.unmodifiableMap(all);
    }

    /** Only the built-ins. */
    public static ScoringRegimeCatalog builtIns() {
        return new ScoringRegimeCatalog(List.of());
    }

    /** The built-ins with {@code configured} replacing or extending them (by id). */
    public static ScoringRegimeCatalog of(List<ScoringRegime> configured) {
        return new ScoringRegimeCatalog(configured);
    }

    public Optional<ScoringRegime> find(String id) {
        return Optional.ofNullable(regimes.get(id));
    }

    /** The regime a form of this layout is scored by when its framework names none. */
    public ScoringRegime forLayout(EvaluationLayout layout) {
        return regimes.get(layout == EvaluationLayout.SUZHOU_2017 ? ScoringRegimes.SUZHOU_2017.id()
                : ScoringRegimes.NATIONAL_2020.id());
    }

    public Collection<ScoringRegime> all() {
        return regimes.values();
    }
}
