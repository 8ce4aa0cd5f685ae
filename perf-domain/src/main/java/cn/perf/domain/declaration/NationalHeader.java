package cn.perf.domain.declaration;

import cn.perf.domain.shared.Texts;
import java.time.LocalDate;

/**
 * The header of the national-layout 申报表 (DESIGN.md §2.2) as filed. 填报单位 is the declaration's unit (by id).
 *
 * @param projectName              项目名称
 * @param projectAttribute         项目属性: 新增项目 or 延续项目 (the checked box)
 * @param competentDepartmentName  主管部门
 * @param competentDepartmentCode  主管部门编码
 * @param projectUnitName          项目单位 as printed
 * @param projectLeader            项目负责人
 * @param contactPhone             联系电话
 * @param periodStart              项目起止时间 (start)
 * @param periodEnd                项目起止时间 (end)
 */
public record NationalHeader(String projectName, String projectAttribute, String competentDepartmentName,
                             String competentDepartmentCode, String projectUnitName, String projectLeader,
                             String contactPhone, LocalDate periodStart, LocalDate periodEnd) {

    public static final String NEW_PROJECT = "新增项目";
    public static final String CONTINUING_PROJECT = "延续项目";

    public NationalHeader {
        projectName = Texts.require(projectName, "项目名称", 200);
        projectAttribute = Texts.require(projectAttribute, "项目属性", 64);
        if (!NEW_PROJECT.equals(projectAttribute) && !CONTINUING_PROJECT.equals(projectAttribute)) {
            throw new IllegalArgumentException("项目属性应为“新增项目”或“延续项目”：" + projectAttribute);
        }
        competentDepartmentName = Texts.optional(competentDepartmentName, "主管部门", 200);
        competentDepartmentCode = Texts.optional(competentDepartmentCode, "主管部门编码", 32);
        projectUnitName = Texts.optional(projectUnitName, "项目单位", 200);
        projectLeader = Texts.optional(projectLeader, "项目负责人", 64);
        contactPhone = Phones.check(contactPhone);
        if (periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("项目起止时间不正确：结束日期 " + periodEnd + " 早于开始日期 " + periodStart);
        }
    }
}
