package cn.perf.domain.declaration;

import cn.perf.domain.shared.Texts;
/**
 * The header of the Suzhou 申报表 (DESIGN.md §2.1) as filed. 申报单位 and 项目年度 are the declaration's unit id and
 * year; everything else is here.
 *
 * @param projectName                项目名称
 * @param projectType                项目类型, e.g. 信息化工程及维护类
 * @param projectAttribute           项目属性, e.g. 市立项目
 * @param governmentProcurement      是否政府采购 (null: not answered)
 * @param governmentPurchasedService 是否政府购买服务 (null: not answered)
 * @param projectLeader              项目负责人
 * @param contactPerson              联系人
 * @param contactPhone               联系电话
 */
public record SuzhouHeader(String projectName, String projectType, String projectAttribute,
                           Boolean governmentProcurement, Boolean governmentPurchasedService, String projectLeader,
                           String contactPerson, String contactPhone) {

    public SuzhouHeader {
        projectName = Texts.require(projectName, "项目名称", 200);
        projectType = Texts.require(projectType, "项目类型", 64);
        projectAttribute = Texts.optional(projectAttribute, "项目属性", 64);
        projectLeader = Texts.optional(projectLeader, "项目负责人", 64);
        contactPerson = Texts.optional(contactPerson, "联系人", 64);
        contactPhone = Phones.check(contactPhone);
    }
}
