package cn.perf.domain.declaration;

import cn.perf.domain.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/**
 * 本项目上年度市级财政资金使用情况 (Suzhou), in 万元; every figure may be empty (a new project has none).
 * The two rates are computed, never stored: 资金到位率 = 财政拨款 / 预算安排, 预算执行率 = 实际支出 / 财政拨款, in % with
 * two decimals, null when not computable (a figure missing or a zero base). Seed 000 prints 0 for both where the
 * figures are empty; this model leaves them empty instead.
 *
 * @param budgeted  预算安排资金
 * @param allocated 财政拨款资金
 * @param spent     实际支出资金
 */
@Embeddable
public record PriorYearFunds(@Column(name = "prior_budgeted", precision = 18, scale = 6) Money budgeted,
                             @Column(name = "prior_allocated", precision = 18, scale = 6) Money allocated,
                             @Column(name = "prior_spent", precision = 18, scale = 6) Money spent) {

    public static final PriorYearFunds NONE = new PriorYearFunds(null, null, null);

    public PriorYearFunds {
        for (Money m : new Money[] {budgeted, allocated, spent}) {
            if (m != null && m.isNegative()) {
                throw new IllegalArgumentException("上年度资金不能为负数：" + m);
            }
        }
    }

    /** 资金到位率 (%), or null. */
    public BigDecimal allocationRate() {
        return budgeted == null || allocated == null ? null : allocated.percentOf(budgeted, 2);
    }

    /** 预算执行率 (%), or null. */
    public BigDecimal executionRate() {
        return allocated == null || spent == null ? null : spent.percentOf(allocated, 2);
    }

    public boolean isEmpty() {
        return budgeted == null && allocated == null && spent == null;
    }
}
