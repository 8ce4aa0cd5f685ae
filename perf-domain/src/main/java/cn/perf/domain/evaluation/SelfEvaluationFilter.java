package cn.perf.domain.evaluation;

import java.util.Collection;
import java.util.List;

/**
 * Search form of the list page. {@code unitIds} is the data permission (a unit sees itself, a department its units,
 * the finance bureau everything: {@code null}); the other criteria are optional ({@code null} = any).
 *
 * @param unitIds     units whose forms may be listed, {@code null} for all
 * @param year        项目年份
 * @param status      workflow state
 * @param projectName part of the 项目名称
 */
public record SelfEvaluationFilter(Collection<Long> unitIds, Integer year, EvaluationStatus status,
                                   String projectName) {

    public SelfEvaluationFilter {
        unitIds = unitIds == null ? null : List.copyOf(unitIds);
        projectName = projectName == null || projectName.isBlank() ? null : projectName.strip();
    }

    public static SelfEvaluationFilter all() {
        return new SelfEvaluationFilter(null, null, null, null);
    }
}
