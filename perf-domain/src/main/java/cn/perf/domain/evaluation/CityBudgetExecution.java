package cn.perf.domain.evaluation;

import cn.perf.domain.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Suzhou 市级预算执行情况 (万元), the figures as filed. Identity: 指标结余数 = 年初预算数 + 当年使用上年结余、结转及当年调整预算数
 * − 财政拨款数. This value does not enforce it (a filed historical form may break it); {@link #violations()} says whether
 * it holds and {@link SelfEvaluation#recordCityBudgetExecution} rejects figures that break it.
 */
@Embeddable
public class CityBudgetExecution {

    static final String BLOCK = "市级预算执行情况";

    /** 年初预算数 ("二下"数). */
    @Column(name = "budget_initial")
    private Money initialBudget;

    /** 当年使用上年结余、结转及当年调整预算数. */
    @Column(name = "budget_adjustment")
    private Money adjustment;

    /** 财政拨款数. */
    @Column(name = "budget_appropriated")
    private Money appropriated;

    /** 指标结余数 as filed. */
    @Column(name = "budget_indicator_balance")
    private Money indicatorBalance;

    protected CityBudgetExecution() {
        // for JPA
    }

    private CityBudgetExecution(Money initialBudget, Money adjustment, Money appropriated, Money indicatorBalance) {
        this.initialBudget = Objects.requireNonNull(initialBudget, "年初预算数不能为空");
        this.adjustment = Objects.requireNonNull(adjustment, "当年使用上年结余、结转及当年调整预算数不能为空");
        this.appropriated = Objects.requireNonNull(appropriated, "财政拨款数不能为空");
        this.indicatorBalance = Objects.requireNonNull(indicatorBalance, "指标结余数不能为空");
    }

    /** The four figures as filed (指标结余数 included, so a filed form can be stored as printed). */
    public static CityBudgetExecution of(Money initialBudget, Money adjustment, Money appropriated,
                                         Money indicatorBalance) {
        return new CityBudgetExecution(initialBudget, adjustment, appropriated, indicatorBalance);
    }

    /** The three entered figures with 指标结余数 derived from the identity. */
    public static CityBudgetExecution derived(Money initialBudget, Money adjustment, Money appropriated) {
        return new CityBudgetExecution(initialBudget, adjustment, appropriated,
                initialBudget.plus(adjustment).minus(appropriated));
    }

    /** The identities these figures break; empty when they hold. */
    public List<FundsIdentityViolation> violations() {
        List<FundsIdentityViolation> out = new ArrayList<>();
        Money expected = initialBudget.plus(adjustment).minus(appropriated);
        if (!expected.equals(indicatorBalance)) {
            out.add(new FundsIdentityViolation(BLOCK, "指标结余数 = 年初预算数 + 当年使用上年结余、结转及当年调整预算数 − 财政拨款数",
                    "指标结余数 " + indicatorBalance.display() + " 应等于 年初预算数 " + initialBudget.display()
                            + " + 当年使用上年结余、结转及当年调整预算数 " + adjustment.display() + " − 财政拨款数 "
                            + appropriated.display() + " = " + expected.display()));
        }
        return out;
    }

    public Money initialBudget() {
        return initialBudget;
    }

    public Money adjustment() {
        return adjustment;
    }

    public Money appropriated() {
        return appropriated;
    }

    public Money indicatorBalance() {
        return indicatorBalance;
    }
}
