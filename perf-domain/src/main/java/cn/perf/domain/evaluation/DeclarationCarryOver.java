package cn.perf.domain.evaluation;

import cn.perf.domain.shared.FiscalYear;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a self-evaluation takes over from its approved declaration (DESIGN.md §4): the header, the three narratives
 * the form says are "由软件自动从申报表生成" (项目概况, 项目总目标, 年度绩效目标), the categories with their points, the
 * indicators with targets and weights, and the sub-projects (their declared amounts become the initial 实际金额).
 * Built by a declaration adapter (see docs/evaluation.md), or directly by an importer.
 *
 * @param declarationId the approved declaration (申报表)
 * @param layout        which 自评表
 * @param unitId        项目主管部门(单位) (Suzhou) / 实施单位 (national)
 * @param departmentId  主管部门 of the national form; {@code null} on the Suzhou form
 * @param projectName   项目名称
 * @param year          项目年份
 * @param overview      项目概况
 * @param overallGoal   项目总目标
 * @param annualGoal    年度绩效目标 / 年度总体目标·预期目标
 * @param categories    类别 / 一级指标 with points, in printed order
 * @param indicators    indicator rows, in printed order
 * @param subProjects   项目资金构成 rows, in printed order (may be empty)
 */
public record DeclarationCarryOver(Long declarationId, EvaluationLayout layout, Long unitId, Long departmentId,
                                   String projectName, FiscalYear year, String overview, String overallGoal,
                                   String annualGoal, List<CategoryLine> categories, List<IndicatorLine> indicators,
                                   List<SubProjectLine> subProjects) {

    public DeclarationCarryOver {
        Objects.requireNonNull(declarationId, "自评表必须关联一份申报表");
        Objects.requireNonNull(layout, "自评表样式不能为空");
        Objects.requireNonNull(unitId, "项目单位不能为空");
        if (projectName == null || projectName.isBlank()) {
            throw new IllegalArgumentException("项目名称不能为空");
        }
        projectName = projectName.strip();
        Objects.requireNonNull(year, "项目年份不能为空");
        categories = List.copyOf(categories);
        indicators = List.copyOf(indicators);
        subProjects = subProjects == null ? List.of() : List.copyOf(subProjects);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("自评表至少要有一个指标类别");
        }
        if (indicators.isEmpty()) {
            throw new IllegalArgumentException("申报表没有绩效指标，无法生成自评表");
        }
        Set<String> names = new HashSet<>();
        for (CategoryLine c : categories) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("指标类别重复：" + c.name());
            }
        }
        for (IndicatorLine i : indicators) {
            if (!names.contains(i.category())) {
                throw new IllegalArgumentException("指标“" + i.name() + "”的类别“" + i.category() + "”不在类别表中：" + names);
            }
        }
    }
}
