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

    private static NationalFunds.Row row(String initial, String annual, String executed) {
        return new NationalFunds.Row(d(initial), d(annual), d(executed));
    }

    @Test
    void nationalTotalRowMustBeTheSumOfItsPartsInEveryColumn() {
        NationalFunds ok = new NationalFunds(row("300", "320", "310.5"), row("300", "300", "290.5"),
                row("0", "20", "20"), row("0", "0", "0"));
        assertThat(FundsChecks.check(ok)).isEmpty();

        // 全年执行数: 290.5 + 20 + 0 = 310.50, filed 300.00
        NationalFunds executed = new NationalFunds(row("300", "320", "300"), ok.currentAppropriation(),
                ok.priorCarryover(), ok.other());
        assertThat(FundsChecks.check(executed)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.FUNDS_NATIONAL_TOTAL);
            assertThat(f.severity()).isEqualTo(cn.perf.scoring.check.Severity.ERROR);
            assertThat(f.rowNumber()).isNull();
            assertThat(f.location()).isEqualTo("项目资金");
            assertThat(f.message()).isEqualTo("全年执行数：年度资金总额 300.00 应等于 本年财政拨款 290.50 + 上年结转资金 20.00 "
                    + "+ 其他资金 0.00 = 310.50，相差 -10.50");
        });

        // two columns off: one finding each, in column order
        NationalFunds twoColumns = new NationalFunds(row("310", "330", "310.5"), ok.currentAppropriation(),
                ok.priorCarryover(), ok.other());
        assertThat(FundsChecks.check(twoColumns)).extracting(f -> f.message().substring(0, 5))
                .containsExactly("年初预算数", "全年预算数");
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
