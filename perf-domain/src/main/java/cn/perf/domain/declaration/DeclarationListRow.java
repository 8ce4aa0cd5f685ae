package cn.perf.domain.declaration;

import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.Money;
import cn.perf.domain.template.FormLayout;
import java.time.Instant;

/**
 * One row of the declaration list page (a projection, one query for the whole page).
 *
 * @param totalAmount    项目资金构成合计 (Suzhou) or 资金总额 (national), null when not filled
 * @param indicatorCount 指标数
 * @param updatedAt      更新时间
 */
public record DeclarationListRow(Long id, Long unitId, String unitName, Long projectId, String projectName,
                                 FiscalYear year, FormLayout layout, DeclarationStatus status, Money totalAmount,
                                 long indicatorCount, Instant updatedAt) {
}
