package cn.perf.domain.evaluation;

import cn.perf.domain.shared.FiscalYear;
import java.math.BigDecimal;

/**
 * One line of the self-evaluation list page: unit, project, year, status, recorded and computed totals.
 *
 * @param id            the self-evaluation
 * @param declarationId its declaration
 * @param unitId        项目主管部门(单位) / 实施单位
 * @param unitName      that unit's name
 * @param projectName   项目名称
 * @param year          项目年份
 * @param layout        which form
 * @param status        workflow state
 * @param recordedTotal 合计 / 总分 as filed; {@code null} before submission
 * @param computedTotal computed total; {@code null} until every row is scored
 */
public record SelfEvaluationSummary(Long id, Long declarationId, Long unitId, String unitName, String projectName,
                                    FiscalYear year, EvaluationLayout layout, EvaluationStatus status,
                                    BigDecimal recordedTotal, BigDecimal computedTotal) {
}
