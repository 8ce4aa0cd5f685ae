package cn.perf.domain.evaluation;

import cn.perf.domain.shared.FiscalYear;
import java.math.BigDecimal;

/**
 * One line of the self-evaluation list page.
 *
 * @param recordedTotal 自评总分 as filed ({@code null} before submission)
 * @param computedTotal the engine's total at the last scoring ({@code null} until every row is scored)
 * @param grade         等级 of the last scoring ({@code null} until scored)
 * @param findings      number of findings of the last scoring
 */
public record EvaluationListRow(Long id, Long declarationId, Long unitId, String unitName, String projectName,
                                FiscalYear year, EvaluationLayout layout, EvaluationStatus status,
                                BigDecimal recordedTotal, BigDecimal computedTotal, String grade, long findings) {
}
