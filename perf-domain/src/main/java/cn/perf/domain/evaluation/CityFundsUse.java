package cn.perf.domain.evaluation;

import cn.perf.domain.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Suzhou 市级财政资金使用情况 (万元), the figures as filed. Identities (填表说明 1): 资金结余、结转数 = 财政拨款数 − 实际支付数
 * = 结转数 + 财政收回数. This value does not enforce them; {@link #violations()} lists the broken ones and
 * {@link SelfEvaluation#recordCityFundsUse} rejects figures that break any.
 */
@Embeddable
public class CityFundsUse {

    static final String BLOCK = "市级财政资金使用情况";

    /** 财政拨款数. */
    @Column(name = "use_appropriated")
    private Money appropriated;

    /** 实际支付数. */
    @Column(name = "use_actual_paid")
    private Money actualPaid;

    /** 资金结余、结转数 as filed. */
    @Column(name = "use_balance")
    private Money balance;

    /** 其中：结转数. */
    @Column(name = "use_carryover")
    private Money carryover;

    /** 其中：财政收回数. */
    @Column(name = "use_recovered")
    private Money recovered;

    protected CityFundsUse() {
        // for JPA
    }

    private CityFundsUse(Money appropriated, Money actualPaid, Money balance, Money carryover, Money recovered) {
        this.appropriated = Objects.requireNonNull(appropriated, "财政拨款数不能为空");
        this.actualPaid = Objects.requireNonNull(actualPaid, "实际支付数不能为空");
        this.balance = Objects.requireNonNull(balance, "资金结余、结转数不能为空");
        this.carryover = Objects.requireNonNull(carryover, "结转数不能为空");
        this.recovered = Objects.requireNonNull(recovered, "财政收回数不能为空");
    }

    /** The five figures as filed. */
    public static CityFundsUse of(Money appropriated, Money actualPaid, Money balance, Money carryover,
                                  Money recovered) {
        return new CityFundsUse(appropriated, actualPaid, balance, carryover, recovered);
    }

    /** The identities these figures break; empty when they hold. */
    public List<FundsIdentityViolation> violations() {
        List<FundsIdentityViolation> out = new ArrayList<>();
        Money unpaid = appropriated.minus(actualPaid);
        if (!unpaid.equals(balance)) {
            out.add(new FundsIdentityViolation(BLOCK, "资金结余、结转数 = 财政拨款数 − 实际支付数",
                    "资金结余、结转数 " + balance.display() + " 应等于 财政拨款数 " + appropriated.display()
                            + " − 实际支付数 " + actualPaid.display() + " = " + unpaid.display()));
        }
        Money split = carryover.plus(recovered);
        if (!split.equals(balance)) {
            out.add(new FundsIdentityViolation(BLOCK, "资金结余、结转数 = 结转数 + 财政收回数",
                    "资金结余、结转数 " + balance.display() + " 应等于 结转数 " + carryover.display() + " + 财政收回数 "
                            + recovered.display() + " = " + split.display() + "，相差 "
                            + balance.minus(split).display()));
        }
        return out;
    }

    public Money appropriated() {
        return appropriated;
    }

    public Money actualPaid() {
        return actualPaid;
    }

    public Money balance() {
        return balance;
    }

    public Money carryover() {
        return carryover;
    }

    public Money recovered() {
        return recovered;
    }
}
