package cn.perf.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DESIGN.md §3.2: a national form without a 满意度 indicator gives the 满意度 points to 产出 and 效益. */
class SatisfactionPointsTest {

    private static final List<CategoryLine> NATIONAL = List.of(new CategoryLine("产出指标", new BigDecimal("50.00")),
            new CategoryLine("效益指标", new BigDecimal("30.00")), new CategoryLine("满意度指标", new BigDecimal("10.00")));

    @Test
    void withoutSatisfactionRowsItsPointsAreSharedInProportionToTheOtherCategories() {
        List<CategoryLine> out = SelfEvaluationService.withoutEmptySatisfaction(NATIONAL, List.of("产出指标", "效益指标"));

        assertThat(out).extracting(CategoryLine::name).containsExactly("产出指标", "效益指标");
        assertThat(out.get(0).points()).isEqualByComparingTo("56.25");
        assertThat(out.get(1).points()).isEqualByComparingTo("33.75");
        assertThat(out.stream().map(CategoryLine::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("90");
    }

    @Test
    void theLastCategoryTakesTheRoundingRemainder() {
        List<CategoryLine> three = List.of(new CategoryLine("产出指标", new BigDecimal("30")),
                new CategoryLine("效益指标", new BigDecimal("30")), new CategoryLine("成本指标", new BigDecimal("30")),
                new CategoryLine("满意度指标", new BigDecimal("10")));

        List<CategoryLine> out = SelfEvaluationService.withoutEmptySatisfaction(three, List.of("产出指标"));

        assertThat(out).extracting(c -> c.points().toPlainString()).containsExactly("33.33", "33.33", "33.34");
    }

    @Test
    void withASatisfactionRowNothingMoves() {
        assertThat(SelfEvaluationService.withoutEmptySatisfaction(NATIONAL, List.of("产出指标", "满意度指标")))
                .isEqualTo(NATIONAL);
    }
}
