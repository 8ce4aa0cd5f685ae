package cn.perf.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.scoring.regime.ScoringRegime;
import cn.perf.scoring.regime.ScoringRegimes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoringRegimeCatalogTest {

    private static final ScoringRegime STRICTER_SUZHOU = ScoringRegimes.fromMap(Map.of(
            "regime.base", "SUZHOU_2017", "band.shortDeductionPercentPerPoint", "10"));
    private static final ScoringRegime JIANGSU = ScoringRegimes.fromMap(Map.of(
            "regime.base", "SUZHOU_2017", "regime.id", "JIANGSU_2022", "regime.name", "江苏省2022版"));

    @Test
    void withoutConfigurationTheBuiltInsAreInForce() {
        ScoringRegimeCatalog catalog = new ScoringRegimeCatalog(Optional.empty());
        assertThat(catalog.all()).containsExactly(ScoringRegimes.SUZHOU_2017, ScoringRegimes.NATIONAL_2020);
        assertThat(catalog.forLayout(EvaluationLayout.SUZHOU_2017)).isSameAs(ScoringRegimes.SUZHOU_2017);
    }

    @Test
    void aConfiguredRegimeWithABuiltInIdReplacesIt() {
        ScoringRegimeCatalog catalog = new ScoringRegimeCatalog(Optional.of(() -> List.of(STRICTER_SUZHOU)));
        assertThat(catalog.forLayout(EvaluationLayout.SUZHOU_2017).band().shortDeductionPercentPerPoint())
                .isEqualByComparingTo("10");
        RegimeChoice choice = RegimeChoice.of(EvaluationLayout.SUZHOU_2017, "SUZHOU_2017", catalog);
        assertThat(choice.regime()).isSameAs(STRICTER_SUZHOU);
    }

    @Test
    void aConfiguredRegimeWithANewIdIsChosenByTheFrameworkThatNamesIt() {
        ScoringRegimeCatalog catalog = ScoringRegimeCatalog.of(List.of(JIANGSU));
        RegimeChoice choice = RegimeChoice.of(EvaluationLayout.SUZHOU_2017, "JIANGSU_2022", catalog);
        assertThat(choice.regime()).isSameAs(JIANGSU);
        assertThat(choice.reason()).contains("JIANGSU_2022").contains("江苏省2022版");
        assertThat(RegimeChoice.of(EvaluationLayout.SUZHOU_2017, "JIANGSU_2022").regime())
                .as("the built-in catalog does not know it").isSameAs(ScoringRegimes.SUZHOU_2017);
    }
}
