package cn.perf.domain.evaluation;

import cn.perf.scoring.regime.ScoringRegime;
import java.util.List;

/**
 * Port: the scoring regimes a deployment configures for its province (perf-web reads them from
 * {@code PERF_SCORING_REGIMES_DIR}). A regime whose id is a built-in's ({@code SUZHOU_2017},
 * {@code NATIONAL_2020}) replaces it; any other id adds a regime a framework code can name.
 */
public interface ScoringRegimeSource {

    List<ScoringRegime> regimes();
}
