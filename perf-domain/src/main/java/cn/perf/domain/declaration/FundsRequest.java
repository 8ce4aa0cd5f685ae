package cn.perf.domain.declaration;

import cn.perf.domain.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * 项目资金申请 (万元) of the national layout: 资金总额 = 财政拨款 + 自有资金 (事业收入 + 经营性收入 + 其他).
 * Empty figures are null. The identity is checked by {@link Declaration#findings()}, not here, so a draft may hold
 * figures that do not add up yet.
 *
 * @param total                资金总额
 * @param fiscalAppropriation  财政拨款
 * @param serviceRevenue       自有资金 1、事业收入
 * @param businessRevenue      自有资金 2、经营性收入
 * @param otherRevenue         自有资金 3、其他
 */
@Embeddable
public record FundsRequest(@Column(name = "request_total", precision = 18, scale = 6) Money total,
                           @Column(name = "request_appropriation", precision = 18, scale = 6) Money fiscalAppropriation,
                           @Column(name = "request_service_revenue", precision = 18, scale = 6) Money serviceRevenue,
                           @Column(name = "request_business_revenue", precision = 18, scale = 6) Money businessRevenue,
                           @Column(name = "request_other_revenue", precision = 18, scale = 6) Money otherRevenue) {

    public static final FundsRequest NONE = new FundsRequest(null, null, null, null, null);

    public FundsRequest {
        for (Money m : new Money[] {total, fiscalAppropriation, serviceRevenue, businessRevenue, otherRevenue}) {
            if (m != null && m.isNegative()) {
                throw new IllegalArgumentException("项目资金申请不能为负数：" + m);
            }
        }
    }

    /** 自有资金 = 事业收入 + 经营性收入 + 其他 (empty parts count as 0); null when all three are empty. */
    public Money ownFunds() {
        if (serviceRevenue == null && businessRevenue == null && otherRevenue == null) {
            return null;
        }
        return orZero(serviceRevenue).plus(orZero(businessRevenue)).plus(orZero(otherRevenue));
    }

    /** 财政拨款 + 自有资金, what 资金总额 should be. */
    public Money sumOfParts() {
        return orZero(fiscalAppropriation).plus(orZero(ownFunds()));
    }

    private static Money orZero(Money m) {
        return m == null ? Money.ZERO : m;
    }
}
