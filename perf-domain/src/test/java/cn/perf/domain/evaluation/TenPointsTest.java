package cn.perf.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A 财预〔2021〕101号 declaration (first levels without points, 成本指标 its own first level) is self-evaluated with
 * 财预〔2020〕10号's points: 产出 and 成本 share 50 by their rows, 效益 30, 满意度 10.
 */
class TenPointsTest {

    private static final List<String> TOP = List.of("产出指标", "成本指标", "效益指标", "满意度指标");

    @Test
    void outputAndCostShareFiftyPointsByTheirRows() {
        List<CategoryLine> out = SelfEvaluationService.tenPoints(TOP, rows(6, 2, 3, 1));

        assertThat(out).extracting(CategoryLine::name).containsExactly("产出指标", "成本指标", "效益指标", "满意度指标");
        assertThat(out).extracting(c -> c.points().toPlainString()).containsExactly("37.50", "12.50", "30.00", "10.00");
        assertThat(out.stream().map(CategoryLine::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("90");
    }

    @Test
    void roundingGoesToOutputSoTheFiftyStaysWhole() {
        List<CategoryLine> out = SelfEvaluationService.tenPoints(TOP, rows(5, 1, 2, 1));

        assertThat(out.get(1).points()).isEqualByComparingTo("8.33");
        assertThat(out.get(0).points()).isEqualByComparingTo("41.67");
    }

    @Test
    void withoutCostRowsOutputHasAllFiftyAndThereIsNoCostLine() {
        List<CategoryLine> out = SelfEvaluationService.tenPoints(TOP, rows(4, 0, 2, 1));

        assertThat(out).extracting(CategoryLine::name).containsExactly("产出指标", "效益指标", "满意度指标");
        assertThat(out.get(0).points()).isEqualByComparingTo("50");
    }

    @Test
    void withoutSatisfactionRowsItsTenPointsAreThenSharedAsOnAnyNationalForm() {
        List<CategoryLine> ten = SelfEvaluationService.tenPoints(TOP, rows(6, 2, 3, 0));
        List<CategoryLine> out = SelfEvaluationService.withoutEmptySatisfaction(ten, rows(6, 2, 3, 0));

        assertThat(out).extracting(CategoryLine::name).containsExactly("产出指标", "成本指标", "效益指标");
        assertThat(out.stream().map(CategoryLine::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("90");
    }

    private static List<String> rows(int output, int cost, int benefit, int satisfaction) {
        return Stream.of(Collections.nCopies(output, "产出指标"), Collections.nCopies(cost, "成本指标"),
                Collections.nCopies(benefit, "效益指标"), Collections.nCopies(satisfaction, "满意度指标"))
                .flatMap(List::stream).toList();
    }
}
