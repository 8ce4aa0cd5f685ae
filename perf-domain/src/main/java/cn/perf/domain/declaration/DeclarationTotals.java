package cn.perf.domain.declaration;

import cn.perf.domain.shared.Money;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Function;

/**
 * The computed figures and live checks of a 申报表, from its {@link DeclarationContent} (so a page shows them while
 * the filer types, before anything is saved): 项目资金构成合计, the 合计 row of 项目资金来源 and whether 本年度计划数合计
 * equals 资金构成合计 (Suzhou); 自有资金 and whether 资金总额 = 财政拨款 + 自有资金 (national); the prior-year rates.
 *
 * @param subProjectTotal     项目资金构成合计 (empty amounts count as 0)
 * @param fundingTotals       项目资金来源 合计 row; a column with no figure at all is null
 * @param planMatchesComposition 本年度计划数合计 (0 when empty) = 项目资金构成合计
 * @param requestTotal        资金总额 (national), null when empty
 * @param ownFunds            自有资金 = 事业收入 + 经营性收入 + 其他 (national), null when all empty
 * @param sumOfParts          财政拨款 + 自有资金 (national)
 * @param requestMatches      资金总额 = 财政拨款 + 自有资金 (national); false while 资金总额 is empty
 * @param allocationRate      上年度资金到位率 (%), null when not computable
 * @param executionRate       上年度预算执行率 (%), null when not computable
 */
public record DeclarationTotals(Money subProjectTotal, Declaration.FundingTotals fundingTotals,
                                boolean planMatchesComposition, Money requestTotal, Money ownFunds,
                                Money sumOfParts,
                                boolean requestMatches, BigDecimal allocationRate, BigDecimal executionRate) {

    public static DeclarationTotals of(DeclarationContent c) {
        Money subTotal = c.subProjects().stream().map(DeclarationContent.SubProjectRow::amount)
                .filter(Objects::nonNull).reduce(Money.ZERO, Money::plus);
        Declaration.FundingTotals funding = new Declaration.FundingTotals(
                sum(c, DeclarationContent.FundingRow::totalInvestment), sum(c, DeclarationContent.FundingRow::priorYear),
                sum(c, DeclarationContent.FundingRow::currentYear));
        Money planned = funding.currentYear() == null ? Money.ZERO : funding.currentYear();
        FundsRequest r = c.fundsRequest();
        return new DeclarationTotals(subTotal, funding, planned.equals(subTotal), r.total(), r.ownFunds(),
                r.sumOfParts(),
                r.total() != null && r.total().equals(r.sumOfParts()), c.priorYearFunds().allocationRate(),
                c.priorYearFunds().executionRate());
    }

    private static Money sum(DeclarationContent c, Function<DeclarationContent.FundingRow, Money> column) {
        return c.fundingSources().stream().map(column).filter(Objects::nonNull).reduce(Money::plus).orElse(null);
    }
}
