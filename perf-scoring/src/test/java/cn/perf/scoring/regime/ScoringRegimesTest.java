package cn.perf.scoring.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringRegimesTest {

    @Test
    void builtInsRoundTripThroughTheirParameters() {
        assertThat(ScoringRegimes.fromMap(ScoringRegimes.toMap(ScoringRegimes.SUZHOU_2017))).isEqualTo(ScoringRegimes.SUZHOU_2017);
        assertThat(ScoringRegimes.fromMap(ScoringRegimes.toMap(ScoringRegimes.NATIONAL_2020))).isEqualTo(ScoringRegimes.NATIONAL_2020);
    }

    @Test
    void suzhouParametersAreTheFillingInstructions() {
        ScoringRegime s = ScoringRegimes.SUZHOU_2017;
        assertThat(s.category("投入").orElseThrow().points()).isEqualByComparingTo("26");
        assertThat(s.category("产出").orElseThrow().method()).isEqualTo(ScoringMethod.BAND);
        assertThat(s.category("结果").orElseThrow().method()).isEqualTo(ScoringMethod.THRESHOLD);
        assertThat(s.band().fullUpperPercent()).isEqualByComparingTo("130");
        assertThat(s.band().shortDeductionPercentPerPoint()).isEqualByComparingTo("5");
        assertThat(s.band().overDeductionPercentPerPoint()).isEqualByComparingTo("1");
        assertThat(s.qualitative().grades()).extracting(QualitativeScheme.Grade::name).containsExactly("好", "较好", "一般", "较差", "差");
        assertThat(s.scoresBudgetExecution()).isFalse();
    }

    @Test
    void aProvinceCanMoveGradeBandsWithoutCode() throws IOException {
        String props = """
                regime.base=NATIONAL_2020
                regime.id=PROVINCE_X_2022
                regime.name=某省2022版
                grades=优:80,良:70,中:60,差:0
                overAchievement.flagPercent=
                """;
        ScoringRegime r = ScoringRegimes.fromProperties(new StringReader(props));
        assertThat(r.id()).isEqualTo("PROVINCE_X_2022");
        assertThat(r.grades()).extracting(GradeBand::name).containsExactly("优", "良", "中", "差");
        assertThat(r.grades().get(0).minPercent()).isEqualByComparingTo("80");
        assertThat(r.overAchievementFlagPercent()).isEmpty();
        assertThat(r.budgetExecutionPoints()).isEqualByComparingTo("10");
    }

    @Test
    void categoriesAndNotesAreParameters() {
        Map<String, String> p = new HashMap<>();
        p.put("regime.base", "SUZHOU_2017");
        p.put("categories", "投入:20:BAND,产出:30:BAND,结果:30:THRESHOLD,影响力:20:THRESHOLD");
        p.put("category.影响力.note", "本省影响力类按结果类评分");
        p.put("totalPoints", "100");
        ScoringRegime r = ScoringRegimes.fromMap(p);
        assertThat(r.category("产出").orElseThrow().points()).isEqualTo(new BigDecimal("30"));
        assertThat(r.category("影响力").orElseThrow().note()).isEqualTo("本省影响力类按结果类评分");
        // notes not overridden come from the base
        assertThat(r.category("投入").orElseThrow().note()).contains("同产出类");
    }

    @Test
    void withoutABaseEveryKeyIsRequired() {
        assertThatThrownBy(() -> ScoringRegimes.fromMap(Map.of("regime.id", "X")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("缺少评分规则参数");
    }

    @Test
    void unknownKeysAndBadValuesAreRefusedWithTheKeyNamed() {
        assertThatThrownBy(() -> ScoringRegimes.fromMap(Map.of("regime.base", "SUZHOU_2017", "band.fullUperPercent", "120")))
                .hasMessageContaining("未知的评分规则参数：band.fullUperPercent");
        assertThatThrownBy(() -> ScoringRegimes.fromMap(Map.of("regime.base", "SUZHOU_2017", "band.fullUpperPercent", "abc")))
                .hasMessageContaining("band.fullUpperPercent").hasMessageContaining("不是数值");
        assertThatThrownBy(() -> ScoringRegimes.fromMap(Map.of("regime.base", "SUZHOU_2017", "lowerIsBetter", "MAGIC")))
                .hasMessageContaining("lowerIsBetter");
        assertThatThrownBy(() -> ScoringRegimes.fromMap(Map.of("regime.base", "SHANGHAI")))
                .hasMessageContaining("不是内置规则");
        assertThatThrownBy(() -> ScoringRegimes.fromMap(Map.of("regime.base", "SUZHOU_2017", "band.fullUpperPercent", "90")))
                .hasMessageContaining("低于下限");
    }
}
