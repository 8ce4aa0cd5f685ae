package cn.perf.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsSixDecimalsAndDisplaysTwo() {
        Money m = Money.ofWan("21.864999");
        assertThat(m.wan()).isEqualByComparingTo("21.864999");
        assertThat(m.display()).isEqualTo("21.86");
        assertThat(Money.ofWan("0.005").display()).isEqualTo("0.01");
    }

    @Test
    void addsExactlyWithoutBinaryFloatingPointErrors() {
        Money sum = Money.ofWan("21.86").plus(Money.ofWan("10")).plus(Money.ofWan("10"));
        assertThat(sum).isEqualTo(Money.ofWan("41.86"));
        assertThat(Money.ofWan("0.1").plus(Money.ofWan("0.2"))).isEqualTo(Money.ofWan("0.3"));
    }

    @Test
    void acceptsThousandsSeparators() {
        assertThat(Money.ofWan("3,773.00")).isEqualTo(Money.ofWan(new BigDecimal("3773")));
    }

    @Test
    void rejectsMalformedNumbersWithAChineseMessage() {
        assertThatThrownBy(() -> Money.ofWan("12,3a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("金额格式不正确");
        assertThatThrownBy(() -> Money.ofWan(" ")).hasMessage("金额不能为空");
        assertThatThrownBy(() -> Money.ofWan("1000000000000")).hasMessageContaining("金额超出范围");
    }

    @Test
    void percentOfZeroIsUndefined() {
        assertThat(Money.ofWan("52").percentOf(Money.ZERO, 2)).isNull();
        assertThat(Money.ofWan("3513").percentOf(Money.ofWan("3773"), 2)).isEqualByComparingTo("93.11");
    }
}
