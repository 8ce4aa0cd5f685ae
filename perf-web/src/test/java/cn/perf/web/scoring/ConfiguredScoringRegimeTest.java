package cn.perf.web.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.evaluation.SelfEvaluationDetail;
import cn.perf.domain.evaluation.SelfEvaluationFilter;
import cn.perf.domain.evaluation.SelfEvaluationQueries;
import cn.perf.domain.evaluation.SelfEvaluationScoring;
import cn.perf.domain.evaluation.SelfEvaluationSummary;
import cn.perf.scoring.sheet.RowResult;
import cn.perf.scoring.sheet.SheetResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A province changes a parameter by dropping a properties file into {@code PERF_SCORING_REGIMES_DIR}, without
 * code: here Suzhou's deduction per point short becomes 2% instead of 5%, and seed 002's 预算执行率 (=93% against
 * =100%, weight 6) scores 6 × (1 − 7 × 2%) = 5.16 instead of 3.90.
 */
@SpringBootTest(properties = "perf.demo-data=true")
class ConfiguredScoringRegimeTest {

    private static final Path DIR = regimeDirectory();

    @DynamicPropertySource
    static void regimes(DynamicPropertyRegistry registry) {
        registry.add("perf.scoring.regimes-dir", DIR::toString);
    }

    @Autowired
    SelfEvaluationScoring scoring;

    @Autowired
    SelfEvaluationQueries queries;

    @Test
    void aRegimeFileReplacesTheBuiltInParameters() {
        SelfEvaluationSummary seed002 = queries.list(SelfEvaluationFilter.all(), 0, 50).stream()
                .filter(s -> s.projectName().equals("电子政务项目建设资金")).findFirst().orElseThrow();
        SelfEvaluationDetail detail = queries.detail(seed002.id()).orElseThrow();

        SheetResult result = scoring.score(seed002.id(), detail.version());

        assertThat(result.regimeName()).isEqualTo("苏州（演示：每低 1 个百分点扣权重 2%）");
        RowResult row = result.row("预算执行率");
        assertThat(row.computedScore()).isEqualByComparingTo("5.16");
        assertThat(row.trace().text()).contains("扣减权重 14%");
    }

    private static Path regimeDirectory() {
        try {
            Path dir = Files.createTempDirectory("perf-regimes");
            Files.writeString(dir.resolve("suzhou.properties"), """
                    # 演示：苏州规则，短缺扣分从每点 5% 改为 2%
                    regime.base=SUZHOU_2017
                    regime.name=苏州（演示：每低 1 个百分点扣权重 2%）
                    band.shortDeductionPercentPerPoint=2
                    """);
            dir.toFile().deleteOnExit();
            dir.resolve("suzhou.properties").toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
