package cn.perf.scoring.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.scoring.regime.ScoringRegime;
import cn.perf.scoring.regime.ScoringRegimes;
import cn.perf.scoring.sheet.IndicatorRow;
import cn.perf.scoring.sheet.RowStatus;
import cn.perf.scoring.sheet.Sheet;
import cn.perf.scoring.sheet.Seed002;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegimeComparisonTest {

    @Test
    void seed002UnderSuzhouAndNationalSideBySide() {
        RegimeComparison c = RegimeComparison.compare(Seed002.sheet(), ScoringRegimes.SUZHOU_2017, ScoringRegimes.NATIONAL_2020);
        assertThat(c.rows()).hasSize(38);
        RowComparison budget = c.rows().get(4);
        assertThat(budget.name()).isEqualTo("预算执行率");
        assertThat(budget.left().finalScore()).isEqualByComparingTo("3.90");   // 6 × (1 − 7 × 5%)
        assertThat(budget.right().finalScore()).isEqualByComparingTo("5.58");  // 6 × 93 / 100
        assertThat(budget.difference()).isEqualByComparingTo("1.68");
        assertThat(c.left().total()).isEqualByComparingTo("77.90");
        assertThat(c.right().budgetExecutionScore()).isPresent();
        assertThat(c.totalDifference()).isEqualByComparingTo(c.right().total().subtract(c.left().total()));
        // national tiers need a chosen score: grade words such as 好 are left to the reviewer
        assertThat(c.rows().get(0).right().status()).isEqualTo(RowStatus.PENDING_REVIEW);
        assertThat(c.rows().get(0).difference()).isNull();
        assertThat(c.toText()).contains("预算执行率\t3.90\t5.58\t1.68");
    }

    @Test
    void aProvincialVariantTakesTheTierUpperBoundAndScoresEveryRow() {
        ScoringRegime variant = ScoringRegimes.fromMap(Map.of("regime.base", "NATIONAL_2020", "regime.id", "NATIONAL_UPPER",
                "qualitative.tierDefault", "UPPER"));
        // without filed 自评分: a tier regime now takes a qualitative row's filed 自评分 as the chosen score, which would
        // hide the tier default this test is about
        Sheet unfiled = Seed002.sheet().withRows(Seed002.rows().stream().map(r -> new IndicatorRow(r.category(),
                r.subCategory(), r.name(), r.target(), r.direction(), r.weight(), r.actual(), r.explanation(),
                r.deviationReason(), null, r.chosenScore(), r.reviewerAdjustment())).toList());
        RegimeComparison c = RegimeComparison.compare(unfiled, ScoringRegimes.NATIONAL_2020, variant);
        // 政府采购规范性 (规范 / =100%) is 达成 → upper bound of [1.60, 2.00]
        assertThat(c.rows().get(9).right().finalScore()).isEqualByComparingTo("2.00");
        // 好 is not a national tier word: still the reviewer's
        assertThat(c.rows().get(0).right().status()).isEqualTo(RowStatus.PENDING_REVIEW);
        assertThat(c.right().total()).isGreaterThan(c.left().total());
    }
}
