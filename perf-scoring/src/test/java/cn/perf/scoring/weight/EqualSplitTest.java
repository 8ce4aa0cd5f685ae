package cn.perf.scoring.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class EqualSplitTest {

    @Test
    void seed002OutputsAre218TimesTenPlus220() {
        EqualSplit s = EqualSplit.of(new BigDecimal("24"), 11, 2);
        assertThat(s.share()).isEqualByComparingTo("2.18");
        assertThat(s.last()).isEqualByComparingTo("2.20");
        assertThat(Collections.frequency(s.weights(), new BigDecimal("2.18"))).isEqualTo(10);
        assertThat(s.explain()).isEqualTo("24 ÷ 11 = 2.18（四舍五入保留2位小数），末项取余 24 − 2.18 × 10 = 2.20");
    }

    @Test
    void seed002ResultsAre244TimesEightPlus248() {
        EqualSplit s = EqualSplit.of(new BigDecimal("22"), 9, 2);
        assertThat(s.share()).isEqualByComparingTo("2.44");
        assertThat(s.last()).isEqualByComparingTo("2.48");
    }

    @Test
    void roundingUpCanMakeTheLastRowSmaller() {
        EqualSplit s = EqualSplit.of(new BigDecimal("20"), 3, 2);
        assertThat(s.weights()).extracting(BigDecimal::toPlainString).containsExactly("6.67", "6.67", "6.66");
    }

    @Test
    void aNegativeRemainderFallsBackToRoundingDown() {
        // 1 point over 61 rows: HALF_UP gives 0.02 × 60 = 1.20 > 1
        EqualSplit s = EqualSplit.of(BigDecimal.ONE, 61, 2);
        assertThat(s.roundedDown()).isTrue();
        assertThat(s.share()).isEqualByComparingTo("0.01");
        assertThat(s.last()).isEqualByComparingTo("0.40");
        assertThat(s.weights().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1");
        assertThat(s.explain()).contains("改为舍去");
    }

    @Test
    void oneRowTakesAllPoints() {
        EqualSplit s = EqualSplit.of(new BigDecimal("8"), 1, 2);
        assertThat(s.weights()).containsExactly(new BigDecimal("8.00"));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> EqualSplit.of(BigDecimal.TEN, 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EqualSplit.of(new BigDecimal("-1"), 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
