package cn.perf.domain.declaration;

import static cn.perf.domain.declaration.Contents.cityFunding;
import static cn.perf.domain.declaration.Contents.cleanNational;
import static cn.perf.domain.declaration.Contents.cleanSuzhou;
import static cn.perf.domain.declaration.Contents.sub;
import static cn.perf.domain.declaration.Contents.withFunding;
import static cn.perf.domain.declaration.Contents.withRequest;
import static cn.perf.domain.declaration.Contents.withSubProjects;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.shared.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DeclarationTotals}: the computed figures a page shows while the filer types, from unsaved content. */
class DeclarationTotalsTest {

    @Test
    void theSuzhouTotalsAreComputedFromTheRowsAndEmptyAmountsCountAsZero() {
        DeclarationContent c = withSubProjects(cleanSuzhou(),
                List.of(sub("a", "平台", "21.86"), sub("b", "栏目", null), sub("c", "执法", "10")));
        DeclarationTotals t = DeclarationTotals.of(c);
        assertThat(t.subProjectTotal()).isEqualTo(Money.ofWan("31.86"));
        assertThat(t.fundingTotals().totalInvestment()).isEqualTo(Money.ofWan("20"));
        assertThat(t.fundingTotals().priorYear()).isEqualTo(Money.ofWan("5"));
        assertThat(t.fundingTotals().currentYear()).isEqualTo(Money.ofWan("10"));
        assertThat(t.planMatchesComposition()).isFalse();
        assertThat(DeclarationTotals.of(cleanSuzhou()).planMatchesComposition()).isTrue();
    }

    @Test
    void aFundingColumnWithoutAnyFigureIsEmptyNotZero() {
        DeclarationTotals t = DeclarationTotals.of(withFunding(cleanSuzhou(), cityFunding(null, null, "10")));
        assertThat(t.fundingTotals().totalInvestment()).isNull();
        assertThat(t.fundingTotals().priorYear()).isNull();
        assertThat(t.fundingTotals().currentYear()).isEqualTo(Money.ofWan("10"));
    }

    @Test
    void thePriorYearRatesAreComputedWhenTheFiguresAreThere() {
        DeclarationContent c = cleanSuzhou();
        DeclarationContent withPrior = c.withFunds(c.projectAttribute(),
                new PriorYearFunds(Money.ofWan("300"), Money.ofWan("300"), Money.ofWan("299.5")), c.fundsRequest(),
                c.subProjects(), c.fundingSources(), c.signOff());
        DeclarationTotals t = DeclarationTotals.of(withPrior);
        assertThat(t.allocationRate()).isEqualByComparingTo("100.00");
        assertThat(t.executionRate()).isEqualByComparingTo("99.83");
        assertThat(DeclarationTotals.of(c).allocationRate()).isNull();
        assertThat(DeclarationTotals.of(c).executionRate()).isNull();
    }

    @Test
    void theNationalRequestAddsUpFromAppropriationAndOwnFunds() {
        DeclarationTotals t = DeclarationTotals.of(withRequest(cleanNational(), new FundsRequest(Money.ofWan("350"),
                Money.ofWan("300"), Money.ofWan("20"), Money.ofWan("10"), Money.ofWan("20"))));
        assertThat(t.ownFunds()).isEqualTo(Money.ofWan("50"));
        assertThat(t.sumOfParts()).isEqualTo(Money.ofWan("350"));
        assertThat(t.requestMatches()).isTrue();

        DeclarationTotals appropriationOnly = DeclarationTotals.of(cleanNational());
        assertThat(appropriationOnly.ownFunds()).isNull();
        assertThat(appropriationOnly.sumOfParts()).isEqualTo(Money.ofWan("350"));
        assertThat(appropriationOnly.requestMatches()).isTrue();

        DeclarationTotals noTotal = DeclarationTotals.of(withRequest(cleanNational(),
                new FundsRequest(null, Money.ofWan("300"), null, null, null)));
        assertThat(noTotal.requestMatches()).isFalse();
        assertThat(noTotal.sumOfParts()).isEqualTo(Money.ofWan("300"));
    }
}
