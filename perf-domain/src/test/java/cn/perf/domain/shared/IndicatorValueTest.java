package cn.perf.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.scoring.target.Direction;
import cn.perf.scoring.target.Operator;
import org.junit.jupiter.api.Test;

class IndicatorValueTest {

    @Test
    void aQuantitativeTargetKeepsItsTextAndReadsOperatorNumberAndUnit() {
        IndicatorValue v = IndicatorValue.of("≥35 个");
        assertThat(v.originalText()).isEqualTo("≥35 个");
        assertThat(v.kind()).isEqualTo(IndicatorValue.Kind.QUANTITATIVE);
        assertThat(v.operator()).isEqualTo(Operator.GE);
        assertThat(v.number()).isEqualByComparingTo("35");
        assertThat(v.unit()).isEqualTo("个");
        assertThat(v.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(v.directionConfirmed()).isFalse();
    }

    @Test
    void lowerIsBetterPhrasesAndMagnitudesAreRead() {
        IndicatorValue saving = IndicatorValue.of("15%及其以下");
        assertThat(saving.operator()).isEqualTo(Operator.LE);
        assertThat(saving.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(saving.unitText()).isEqualTo("%");

        IndicatorValue cost = IndicatorValue.of("<700万");
        assertThat(cost.operator()).isEqualTo(Operator.LT);
        assertThat(cost.scaledNumber()).isEqualByComparingTo("7000000");
        assertThat(cost.unitText()).isEqualTo("万");
    }

    @Test
    void wordsAreQualitativeAndKeepTheirText() {
        IndicatorValue v = IndicatorValue.of("每月一次");
        assertThat(v.isQualitative()).isTrue();
        assertThat(v.operator()).isNull();
        assertThat(v.direction()).isNull();
        assertThat(IndicatorValue.of("提供78个就业机会").isQualitative()).isTrue();
    }

    @Test
    void placeholdersAndRangesAreReportedInChineseNotGuessed() {
        IndicatorValue star = IndicatorValue.of("*");
        assertThat(star.kind()).isEqualTo(IndicatorValue.Kind.UNPARSED);
        assertThat(star.isReadable()).isFalse();
        assertThat(star.parseError()).get().asString().contains("占位符");
        assertThat(IndicatorValue.of("80%-90%").parseError()).isPresent();
        assertThat(IndicatorValue.of("").isBlank()).isTrue();
        assertThat(IndicatorValue.of("").isReadable()).isFalse();
    }

    @Test
    void theFilerConfirmsADirectionForAnEqualsTarget() {
        IndicatorValue complaints = IndicatorValue.of("=5%");
        assertThat(complaints.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        IndicatorValue confirmed = complaints.withDirection(Direction.LOWER_IS_BETTER);
        assertThat(confirmed.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(confirmed.directionConfirmed()).isTrue();
        assertThat(confirmed.originalText()).isEqualTo("=5%");
        assertThat(confirmed).isNotEqualTo(complaints);
        assertThatThrownBy(() -> IndicatorValue.of("健全").withDirection(Direction.LOWER_IS_BETTER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("只有定量指标值");
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> IndicatorValue.of(null)).hasMessageContaining("不能为 null");
    }
}
