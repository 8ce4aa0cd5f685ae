package cn.perf.reports.xlsx;

import cn.perf.domain.shared.Violation;
import java.util.List;
import java.util.Map;

/**
 * Where a violation of the domain (a field path such as {@code indicators[3].targetText}) is in the sheet: the row
 * of the path's longest prefix the reader recorded, and the field's printed label. The domain's own checks decide;
 * this only says where to look.
 */
final class FieldLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("projectName", "项目名称"), Map.entry("projectType", "项目类型"),
            Map.entry("projectAttribute", "项目属性"), Map.entry("governmentProcurement", "是否政府采购"),
            Map.entry("governmentPurchasedService", "是否政府购买服务"), Map.entry("projectLeader", "项目负责人"),
            Map.entry("contactPerson", "联系人"), Map.entry("contactPhone", "联系电话"),
            Map.entry("competentDepartmentName", "主管部门"), Map.entry("competentDepartmentCode", "主管部门编码"),
            Map.entry("projectUnitName", "项目单位"), Map.entry("periodStart", "项目起止时间"),
            Map.entry("periodEnd", "项目起止时间"), Map.entry("year", "项目年度"), Map.entry("frameworkCode", "指标体系"),
            Map.entry("texts.overview", "项目概况"), Map.entry("texts.establishmentBasis", "项目设立依据"),
            Map.entry("texts.necessity", "项目设立的必要性"), Map.entry("texts.safeguards", "保证项目实施的制度、措施"),
            Map.entry("texts.implementationPlan", "项目实施计划"), Map.entry("texts.overallGoal", "项目总目标"),
            Map.entry("texts.annualGoal", "年度绩效目标"), Map.entry("texts.otherIssues", "需要说明的其它问题"),
            Map.entry("texts.unitFunctions", "项目单位职能概述"), Map.entry("texts.feasibility", "项目申报的可行性"),
            Map.entry("texts.departmentOpinion", "预算部门审核意见"),
            Map.entry("signOff.unitLeader", "单位负责人"), Map.entry("signOff.preparer", "填报人"),
            Map.entry("subProjects[].name", "子项目名称"), Map.entry("subProjects[].amount", "预算金额"),
            Map.entry("fundingSources", "项目资金来源"), Map.entry("fundingSources[].kind", "资金来源"),
            Map.entry("fundingSources[].totalInvestment", "项目投资总额"),
            Map.entry("fundingSources[].priorYear", "上年度资金"), Map.entry("fundingSources[].currentYear", "本年度计划数"),
            Map.entry("indicators[].name", "指标名称"), Map.entry("indicators[].category", "类别"),
            Map.entry("indicators[].subCategory", "二级指标"), Map.entry("indicators[].targetText", "目标值"),
            Map.entry("indicators[].explanation", "指标解释"), Map.entry("indicators[].targetBasis", "目标值来源"),
            Map.entry("indicators[].measureUnit", "计量单位"), Map.entry("indicators[].subProjectKeys", "对应子项目名称"),
            Map.entry("indicators[].weight", "权重"), Map.entry("indicators[].term", "指标"),
            Map.entry("milestones[].content", "项目实施内容"), Map.entry("milestones[].endOn", "完成时间"),
            Map.entry("cityBudget", "市级预算执行情况"), Map.entry("cityBudget.initialBudget", "年初预算数"),
            Map.entry("cityBudget.adjustment", "当年使用上年结余、结转及当年调整预算数"),
            Map.entry("cityBudget.appropriated", "财政拨款数"), Map.entry("cityBudget.indicatorBalance", "指标结余数"),
            Map.entry("cityFundsUse", "市级财政资金使用情况"), Map.entry("cityFundsUse.appropriated", "财政拨款数"),
            Map.entry("cityFundsUse.actualPaid", "实际支付数"), Map.entry("cityFundsUse.balance", "资金结余、结转数"),
            Map.entry("cityFundsUse.carryover", "结转数"), Map.entry("cityFundsUse.recovered", "财政收回数"),
            Map.entry("subProjects", "项目资金构成"), Map.entry("subProjects[]", "实际金额"),
            Map.entry("nationalFunds", "项目资金"), Map.entry("budgetScore", "得分"),
            Map.entry("rows[].actual", "实际完成值"), Map.entry("rows[].recordedScore", "自评分"),
            Map.entry("rows[].deviationReason", "偏差原因分析及改进措施"), Map.entry("report", "项目基本情况"),
            Map.entry("signature.filer", "填报人"), Map.entry("signature.unitLeader", "单位负责人"),
            Map.entry("signature.filingDate", "填报日期"));

    private FieldLabels() {
    }

    /** The label of a domain path, e.g. {@code indicators[3].targetText} → 目标值; "" when unknown. */
    static String label(String path, Map<String, String> overrides) {
        String generic = path.replaceAll("\\[\\d+]", "[]");
        String own = overrides.get(generic);
        if (own != null) {
            return own;
        }
        return LABELS.getOrDefault(generic, "");
    }

    /** The Excel row of a domain path: the row recorded for its longest prefix, 0 when none. */
    static int row(String path, Map<String, Integer> rows) {
        String p = path;
        while (!p.isEmpty()) {
            Integer r = rows.get(p);
            if (r != null) {
                return r;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut <= 0 ? "" : p.substring(0, cut);
        }
        return 0;
    }

    /** The violations as problems at their rows; all blocking (a save would be refused for them). */
    static List<ImportProblem> problems(List<Violation> violations, Map<String, Integer> rows,
                                        Map<String, String> overrides) {
        return violations.stream().map(v -> new ImportProblem(row(v.path(), rows), label(v.path(), overrides),
                "violation." + v.code(), v.args(), v.message(), true)).toList();
    }
}
