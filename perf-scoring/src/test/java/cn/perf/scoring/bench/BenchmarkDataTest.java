package cn.perf.scoring.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.scoring.check.FindingCode;
import cn.perf.scoring.regime.ScoringRegimes;
import cn.perf.scoring.sheet.Sheet;
import cn.perf.scoring.sheet.SheetResult;
import cn.perf.scoring.sheet.SheetScorer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark measures realistic work: its sheets have 30 rows, split weights that sum, and get scored. */
class BenchmarkDataTest {

    @Test
    void benchmarkSheetsHaveThirtyRowsAndScoreCompletely() {
        List<Sheet> sheets = ScoringBenchmark.sheets(50, 42);
        SheetScorer scorer = new SheetScorer(ScoringRegimes.SUZHOU_2017);
        for (Sheet s : sheets) {
            assertThat(s.rows()).hasSize(ScoringBenchmark.ROWS);
            SheetResult r = scorer.score(s);
            assertThat(r.findings(FindingCode.WEIGHT_SUM_MISMATCH)).isEmpty();
            assertThat(r.complete()).isTrue();
            assertThat(r.total()).isBetween(java.math.BigDecimal.ZERO, new java.math.BigDecimal("80"));
        }
    }
}
