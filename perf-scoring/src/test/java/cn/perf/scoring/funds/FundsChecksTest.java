package cn.perf.scoring.funds;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.scoring.check.FindingCode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FundsChecksTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void indicatorBalanceIdentityHoldsOrIsReported() {
        assertThat(FundsChecks.check(new CityBudgetExecution(d("3773.00"), d("0.00"), d("3773.00"), d("0.00")))).isEmpty();
        assertThat(FundsChecks.check(new CityBudgetExecution(d("100"), d("20"), d("110"), d("0"))))
                .singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo(FindingCode.FUNDS_BUDGET_BALANCE);
                    assertThat(f.message()).contains("= 10.00");
                });
    }

    @Test
    void balanceMustEqualAppropriationMinusPaymentAndCarryoverPlusRecovered() {
        assertThat(FundsChecks.check(new CityFundsUse(d("3773"), d("3513"), d("260"), d("200"), d("60")))).isEmpty();
        assertThat(FundsChecks.check(new CityFundsUse(d("3773"), d("3513"), d("250"), d("200"), d("50"))))
                .extracting(f -> f.code()).containsExactly(FindingCode.FUNDS_PAYMENT_BALANCE);
        assertThat(FundsChecks.check(new CityFundsUse(d("3773"), d("3513"), d("260"), d("0"), d("0"))))
                .extracting(f -> f.code()).containsExactly(FindingCode.FUNDS_CARRYOVER_SPLIT);
    }

    @Test
    void appropriationMustAgreeBetweenBlocks() {
        assertThat(FundsChecks.check(new CityBudgetExecution(d("100"), d("0"), d("100"), d("0")),
                new CityFundsUse(d("90"), d("90"), d("0"), d("0"), d("0"))))
                .extracting(f -> f.code()).containsExactly(FindingCode.FUNDS_APPROPRIATION_DIFFERS);
    }

    @Test
    void subProjectsMustSumToTheTotal() {
        // seed 001: 21.86 + 10 + 10 = 41.86
        SubProjects ok = new SubProjects(List.of(new SubProject("“互联网+监管”信息化平台", d("21.86")),
                new SubProject("行政监管栏目", d("10.00")), new SubProject("统一执法栏目", d("10.00"))), d("41.86"));
        assertThat(FundsChecks.check(ok)).isEmpty();
        SubProjects bad = new SubProjects(ok.items(), d("42.86"));
        assertThat(FundsChecks.check(bad)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.SUBPROJECT_SUM_MISMATCH);
            assertThat(f.message()).contains("41.86").contains("42.86").contains("-1.00");
        });
    }
}
