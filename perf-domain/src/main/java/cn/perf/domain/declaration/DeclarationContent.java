package cn.perf.domain.declaration;

import cn.perf.domain.shared.Money;
import cn.perf.scoring.target.Direction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a filer types into a 申报表 of either layout (DESIGN.md §2.1, §2.2), as one value: what a page's form
 * object turns into ({@code DeclarationForm.toContent()}), what a save command carries, what the lint and the live
 * checks read, and what {@link Declaration#content()} gives back. Fields of the other layout are ignored (null or
 * empty). Rows carry the id of the stored row they edit (null for a new row); sub-project rows also carry a
 * {@link SubProjectRow#key() key} by which the indicator rows of the same command name them, so a sub-project added
 * in the same save can be chosen as 对应子项目.
 *
 * @param projectName                项目名称
 * @param projectType                项目类型 (Suzhou)
 * @param projectAttribute           项目属性 (Suzhou: 市立项目…; national: 新增项目 / 延续项目)
 * @param governmentProcurement      是否政府采购 (Suzhou)
 * @param governmentPurchasedService 是否政府购买服务 (Suzhou)
 * @param projectLeader              项目负责人
 * @param contactPerson              联系人 (Suzhou)
 * @param contactPhone               联系电话
 * @param competentDepartmentName    主管部门 (national)
 * @param competentDepartmentCode    主管部门编码 (national)
 * @param projectUnitName            项目单位 (national)
 * @param periodStart                项目起止时间 (national)
 * @param periodEnd                  项目起止时间 (national)
 * @param texts                      the text blocks of both layouts
 * @param priorYearFunds             上年度市级财政资金使用情况 (Suzhou)
 * @param fundsRequest               项目资金申请 (national)
 * @param subProjects                项目资金构成 (Suzhou)
 * @param fundingSources             项目资金来源, four rows in printed order (Suzhou)
 * @param indicators                 分解目标 (Suzhou) / 长期 and 年度 绩效指标 (national)
 * @param milestones                 实施进度 (national)
 * @param signOff                    填报单位负责人, 填报人, 填报日期
 */
public record DeclarationContent(String projectName, String projectType, String projectAttribute,
                                 Boolean governmentProcurement, Boolean governmentPurchasedService,
                                 String projectLeader, String contactPerson, String contactPhone,
                                 String competentDepartmentName, String competentDepartmentCode,
                                 String projectUnitName, LocalDate periodStart, LocalDate periodEnd,
                                 DeclarationTexts texts, PriorYearFunds priorYearFunds, FundsRequest fundsRequest,
                                 List<SubProjectRow> subProjects, List<FundingRow> fundingSources,
                                 List<IndicatorRow> indicators, List<MilestoneRow> milestones, SignOff signOff) {

    public DeclarationContent {
        texts = texts == null ? DeclarationTexts.EMPTY : texts;
        priorYearFunds = priorYearFunds == null ? PriorYearFunds.NONE : priorYearFunds;
        fundsRequest = fundsRequest == null ? FundsRequest.NONE : fundsRequest;
        subProjects = subProjects == null ? List.of() : List.copyOf(subProjects);
        fundingSources = fundingSources == null ? List.of() : List.copyOf(fundingSources);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        signOff = signOff == null ? SignOff.EMPTY : signOff;
    }

    /**
     * A 子项目 row: 子项目名称 and 预算金额 (万元; null while not filled).
     *
     * @param id  the stored row it edits, null for a new row
     * @param key how indicator rows of the same content name it (e.g. {@code id-12}, {@code new-3})
     */
    public record SubProjectRow(Long id, String key, String name, Money amount) {
        public SubProjectRow {
            key = key == null || key.isBlank() ? (id == null ? null : "id-" + id) : key.strip();
        }
    }

    /** A 项目资金来源 row: 项目投资总额, 上年度资金, 本年度计划数 (万元, null for an empty cell). */
    public record FundingRow(FundingSourceKind kind, Money totalInvestment, Money priorYear, Money currentYear) {
        public FundingRow {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * An indicator row of either layout.
     *
     * @param id              the stored row it edits, null for a new row
     * @param term            年度 or 长期 (Suzhou rows are 年度)
     * @param category        类别 / 一级指标
     * @param subCategory     二级指标 (national)
     * @param subProjectKeys  对应子项目, as {@link SubProjectRow#key() keys} of this content's sub-projects (Suzhou)
     * @param name            指标名称 / 指标内容
     * @param targetText      目标值 / 指标值 as typed
     * @param direction       the direction the filer confirmed; null keeps the operator's default, unconfirmed
     * @param explanation     指标解释 (/计算公式)
     * @param targetBasis     目标值来源 / 指标值设定依据说明
     * @param basisKind       指标值设定依据 (财预〔2021〕101号)
     * @param measureUnit     计量单位 (101号)
     * @param weight          权重 where the library gives one
     * @param libraryEntryId  the library row it was filled from
     */
    public record IndicatorRow(Long id, IndicatorTerm term, String category, String subCategory,
                               List<String> subProjectKeys, String name, String targetText, Direction direction,
                               String explanation, String targetBasis, BasisKind basisKind, String measureUnit,
                               BigDecimal weight, Long libraryEntryId) {
        public IndicatorRow {
            term = term == null ? IndicatorTerm.ANNUAL : term;
            subProjectKeys = subProjectKeys == null ? List.of() : List.copyOf(subProjectKeys);
            targetText = targetText == null ? "" : targetText;
        }

        /** The same row with another id (null: as a new row, e.g. in a copy). */
        public IndicatorRow withId(Long newId) {
            return new IndicatorRow(newId, term, category, subCategory, subProjectKeys, name, targetText, direction,
                    explanation, targetBasis, basisKind, measureUnit, weight, libraryEntryId);
        }
    }

    /** A 实施进度 row: 项目实施内容, 开始时间, 完成时间. */
    public record MilestoneRow(Long id, String content, LocalDate startOn, LocalDate endOn) {
    }

    /** An empty Suzhou content: the four 资金来源 rows in printed order and nothing else. */
    public static DeclarationContent emptySuzhou() {
        return new DeclarationContent(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, List.of(),
                java.util.Arrays.stream(FundingSourceKind.values()).map(k -> new FundingRow(k, null, null, null))
                        .toList(), List.of(), List.of(), null);
    }

    /** An empty national content. */
    public static DeclarationContent emptyNational() {
        return new DeclarationContent(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, List.of(), List.of(), List.of(), List.of(), null);
    }

    public List<IndicatorRow> indicators(IndicatorTerm term) {
        return indicators.stream().filter(i -> i.term() == term).toList();
    }

    /** A copy with other indicator rows. */
    public DeclarationContent withIndicators(List<IndicatorRow> rows) {
        return new DeclarationContent(projectName, projectType, projectAttribute, governmentProcurement,
                governmentPurchasedService, projectLeader, contactPerson, contactPhone, competentDepartmentName,
                competentDepartmentCode, projectUnitName, periodStart, periodEnd, texts, priorYearFunds,
                fundsRequest, subProjects, fundingSources, rows, milestones, signOff);
    }

    /** A copy with other 资金 parts (used by 复制到下一年度). */
    public DeclarationContent withFunds(String attribute, PriorYearFunds prior, FundsRequest request,
                                       List<SubProjectRow> subs, List<FundingRow> funding, SignOff newSignOff) {
        return new DeclarationContent(projectName, projectType, attribute, governmentProcurement,
                governmentPurchasedService, projectLeader, contactPerson, contactPhone, competentDepartmentName,
                competentDepartmentCode, projectUnitName, periodStart, periodEnd, texts, prior, request, subs,
                funding, indicators, milestones, newSignOff);
    }
}
