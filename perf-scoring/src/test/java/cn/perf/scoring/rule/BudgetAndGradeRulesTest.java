package cn.perf.scoring.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.scoring.funds.BudgetExecution;
import cn.perf.scoring.regime.GradeBand;
import cn.perf.scoring.regime.ScoringRegimes;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetAndGradeRulesTest {

    @ParameterizedTest(name = "A={0} B={1} → {2}")
    @CsvSource(textBlock = """
            3773, 3513, 9.31
            100, 100,   10.00
            100, 120,   10.00
            100, 0,     0.00
            100, 99.95, 10.00
            100, 99.94, 9.99
            """)
    void budgetExecutionIsTenTimesTheRateCappedAtTen(String a, String b, String expected) {
        RuleOutcome o = BudgetExecutionRule.score(BigDecimal.TEN, new BudgetExecution(new BigDecimal(a), new BigDecimal(b)), 2);
        assertThat(o.score()).isEqualByComparingTo(expected);
    }

    @Test
    void budgetExecutionTraceShowsRateAndFormula() {
        RuleOutcome o = BudgetExecutionRule.score(BigDecimal.TEN,
                new BudgetExecution(new BigDecimal("3773.00"), new BigDecimal("3513.00")), 2);
        assertThat(o.trace().text()).contains("= 93.11%").contains("min(10, 10 × 3513.00 ÷ 3773.00) = 9.31");
    }

    @Test
    void budgetExecutionNeedsAPositiveBudget() {
        assertThatThrownBy(() -> BudgetExecutionRule.score(BigDecimal.TEN,
                new BudgetExecution(BigDecimal.ZERO, BigDecimal.ONE), 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}/100 → {1}")
    @CsvSource(textBlock = """
            100,   优
            90,    优
            89.99, 良
            80,    良
            79.99, 中
            60,    中
            59.99, 差
            0,     差
            """)
    void standardGradeBandsAtTheirBoundaries(String total, String grade) {
        assertThat(GradeRule.grade(new BigDecimal(total), new BigDecimal("100"), ScoringRegimes.NATIONAL_2020.grades(), 2)
                .grade().name()).isEqualTo(grade);
    }

    @Test
    void provincialBandsAreParameters() {
        List<GradeBand> bands = List.of(new GradeBand("优", new BigDecimal("80")), new GradeBand("良", new BigDecimal("70")),
                new GradeBand("中", new BigDecimal("60")), new GradeBand("差", BigDecimal.ZERO));
        assertThat(GradeRule.grade(new BigDecimal("80"), new BigDecimal("100"), bands, 2).grade().name()).isEqualTo("优");
        assertThat(GradeRule.grade(new BigDecimal("79.99"), new BigDecimal("100"), bands, 2).grade().name()).isEqualTo("良");
    }

    @Test
    void gradeOnAnEightyPointSheetUsesTheScoreRate() {
        GradeRule.GradeOutcome g = GradeRule.grade(new BigDecimal("71.99"), new BigDecimal("80"),
                ScoringRegimes.SUZHOU_2017.grades(), 2);
        assertThat(g.rate()).isEqualByComparingTo("89.99");
        assertThat(g.grade().name()).isEqualTo("良");
        assertThat(g.trace().text()).contains("换算为百分制得分率 89.99%");
    }
}
