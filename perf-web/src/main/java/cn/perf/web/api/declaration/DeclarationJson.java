package cn.perf.web.api.declaration;

import static cn.perf.web.api.ApiDecimals.decimal;
import static cn.perf.web.api.ApiDecimals.money;

import cn.perf.domain.declaration.BasisKind;
import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationFinding;
import cn.perf.domain.declaration.DeclarationListRow;
import cn.perf.domain.declaration.DeclarationPage;
import cn.perf.domain.declaration.DeclarationReview.HistoryRow;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.DeclarationTexts;
import cn.perf.domain.declaration.DeclarationTotals;
import cn.perf.domain.declaration.FinanceGrade;
import cn.perf.domain.declaration.FundingSourceKind;
import cn.perf.domain.declaration.FundsRequest;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.declaration.PriorYearFunds;
import cn.perf.domain.declaration.ReviewAction;
import cn.perf.domain.declaration.SignOff;
import cn.perf.domain.shared.Paragraphs;
import cn.perf.domain.shared.ResultPage;
import cn.perf.domain.template.FormLayout;
import cn.perf.scoring.target.Direction;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The 申报表 as the API shows it: records built from the domain's read models ({@link DeclarationListRow},
 * {@link DeclarationPage}, {@link DeclarationFinding}, {@link HistoryRow}), never from entities. Amounts, weights and
 * rates are decimal strings ({@link cn.perf.web.api.ApiDecimals}). A form's {@code content} is every field a filer
 * types, of both layouts (the other layout's fields are null or empty), as the save use case takes it; what the
 * application computes from it (合计, rates, checks) is in {@code computed}.
 */
public final class DeclarationJson {

    private DeclarationJson() {
    }

    // ------------------------------------------------------------------ list

    @Schema(description = "申报表列表的一页")
    public record DeclarationList(List<DeclarationSummary> rows,
                                  @Schema(description = "符合条件的总条数", example = "2") long total,
                                  @Schema(description = "页码，从 0 开始", example = "0") int page,
                                  @Schema(description = "每页条数（1–100）", example = "20") int size,
                                  @Schema(example = "1") int totalPages) {

        static DeclarationList of(ResultPage<DeclarationListRow> result) {
            return new DeclarationList(result.rows().stream().map(DeclarationSummary::of).toList(), result.total(),
                    result.page(), result.size(), result.totalPages());
        }
    }

    @Schema(description = "申报表列表的一行")
    public record DeclarationSummary(@Schema(example = "2") long id, long unitId,
                                     @Schema(example = "苏州市住房和城乡建设局") String unitName, Long projectId,
                                     @Schema(example = "苏州市住建局“互联网+监管”") String projectName,
                                     @Schema(example = "2021") int year, FormLayout layout, DeclarationStatus status,
                                     @Schema(example = "财政审核通过") String statusLabel,
                                     @Schema(description = "项目资金构成合计 / 资金总额（万元）", example = "41.86")
                                     String totalAmount,
                                     long indicatorCount, Instant updatedAt, DeclarationLinks links) {

        static DeclarationSummary of(DeclarationListRow r) {
            return new DeclarationSummary(r.id(), r.unitId(), r.unitName(), r.projectId(), r.projectName(),
                    r.year().value(), r.layout(), r.status(), r.status().label(), money(r.totalAmount()),
                    r.indicatorCount(), r.updatedAt(), DeclarationLinks.of(r.id(), r.status()));
        }
    }

    @Schema(description = "相关链接（同一服务器上的路径）")
    public record DeclarationLinks(@Schema(example = "/api/v1/declarations/2") String self,
                                   @Schema(example = "/declarations/2") String page,
                                   @Schema(example = "/api/v1/declarations/2/findings") String findings,
                                   @Schema(example = "/api/v1/declarations/2/history") String history,
                                   @Schema(example = "/api/v1/declarations/2/pdf") String pdf,
                                   @Schema(example = "/api/v1/declarations/2/xlsx") String xlsx,
                                   @Schema(description = "签章版 PDF（页面地址，财政审核通过后才有）",
                                           example = "/declarations/2/signed.pdf") String signedPdf) {

        static DeclarationLinks of(long id, DeclarationStatus status) {
            String api = "/api/v1/declarations/" + id;
            return new DeclarationLinks(api, "/declarations/" + id, api + "/findings", api + "/history",
                    api + "/pdf", api + "/xlsx",
                    status == DeclarationStatus.APPROVED || status == DeclarationStatus.SUPERSEDED
                            ? "/declarations/" + id + "/signed.pdf" : null);
        }
    }

    // ------------------------------------------------------------------ one form

    @Schema(description = "一张申报表：两种版式的全部字段、版本号、计算值")
    public record DeclarationDocument(@Schema(example = "2") long id,
                                      @Schema(description = "版本号：修改、提交时原样带回；过期则 409", example = "3")
                                      long version,
                                      UnitRef unit, Long projectId, @Schema(example = "2021") int year,
                                      FormLayout layout, @Schema(example = "SUZHOU_2017") String frameworkCode,
                                      DeclarationStatus status, @Schema(example = "草稿") String statusLabel,
                                      FinanceGrade financeGrade, String reviewComment,
                                      @Schema(description = "调用者现在能否修改") boolean editable,
                                      @Schema(description = "调用者现在能否提交（可修改且没有阻止提交的问题）")
                                      boolean submittable,
                                      @Schema(description = "阻止提交的问题数，见 findings") long blockingFindings,
                                      Instant updatedAt, Content content, Computed computed, DeclarationLinks links) {

        static DeclarationDocument of(DeclarationPage page) {
            DeclarationDetail d = page.detail();
            return new DeclarationDocument(d.id(), d.version(), new UnitRef(d.unitId(), d.unitCode(), d.unitName()),
                    d.projectId(), d.year().value(), d.layout(), d.frameworkCode(), d.status(), d.status().label(),
                    d.financeGrade(), d.reviewComment(), page.editable(), page.submittable(), page.blockingCount(),
                    d.updatedAt(), Content.of(d.content()), Computed.of(d), DeclarationLinks.of(d.id(), d.status()));
        }
    }


    @Schema(name = "UnitRef")
    public record UnitRef(@Schema(example = "12") long id, @Schema(example = "001276") String code,
                          @Schema(example = "苏州市住房和城乡建设局") String name) {
    }

    @Schema(name = "DeclarationContent", description = "填报的全部内容（两种版式；另一版式的字段为空）")
    public record Content(@Schema(example = "苏州市住建局“互联网+监管”") String projectName,
                          @Schema(description = "项目类型（苏州）", example = "信息化工程及维护类") String projectType,
                          @Schema(description = "项目属性：苏州 市立项目…；全国 新增项目 / 延续项目") String projectAttribute,
                          Boolean governmentProcurement, Boolean governmentPurchasedService,
                          String projectLeader, String contactPerson, String contactPhone,
                          @Schema(description = "主管部门（全国）") String competentDepartmentName,
                          String competentDepartmentCode,
                          @Schema(description = "项目单位（全国）") String projectUnitName,
                          LocalDate periodStart, LocalDate periodEnd,
                          Texts texts, PriorYear priorYearFunds, Request fundsRequest,
                          List<SubProjectRow> subProjects, List<FundingRow> fundingSources,
                          List<IndicatorRow> indicators, List<MilestoneRow> milestones, Signature signOff) {

        static Content of(DeclarationContent c) {
            DeclarationTexts t = c.texts();
            PriorYearFunds p = c.priorYearFunds();
            FundsRequest r = c.fundsRequest();
            SignOff s = c.signOff();
            return new Content(c.projectName(), c.projectType(), c.projectAttribute(), c.governmentProcurement(),
                    c.governmentPurchasedService(), c.projectLeader(), c.contactPerson(), c.contactPhone(),
                    c.competentDepartmentName(), c.competentDepartmentCode(), c.projectUnitName(), c.periodStart(),
                    c.periodEnd(),
                    new Texts(lines(t.overview()), lines(t.establishmentBasis()), lines(t.necessity()),
                            lines(t.safeguards()), lines(t.implementationPlan()), lines(t.overallGoal()),
                            lines(t.annualGoal()), lines(t.otherIssues()), lines(t.unitFunctions()),
                            lines(t.feasibility()), lines(t.departmentOpinion())),
                    new PriorYear(money(p.budgeted()), money(p.allocated()), money(p.spent())),
                    new Request(money(r.total()), money(r.fiscalAppropriation()), money(r.serviceRevenue()),
                            money(r.businessRevenue()), money(r.otherRevenue())),
                    c.subProjects().stream().map(x -> new SubProjectRow(x.id(), x.key(), x.name(),
                            money(x.amount()))).toList(),
                    c.fundingSources().stream().map(x -> new FundingRow(x.kind(), money(x.totalInvestment()),
                            money(x.priorYear()), money(x.currentYear()))).toList(),
                    c.indicators().stream().map(x -> new IndicatorRow(x.id(), x.term(), x.category(),
                            x.subCategory(), x.subProjectKeys(), x.name(), x.targetText(), x.direction(),
                            lines(x.explanation()), x.targetBasis(), x.basisKind(), x.measureUnit(), decimal(x.weight()),
                            x.libraryEntryId())).toList(),
                    c.milestones().stream().map(x -> new MilestoneRow(x.id(), x.content(), x.startOn(), x.endOn()))
                            .toList(),
                    new Signature(s.unitLeader(), s.preparer(), s.filedOn()));
        }
    }

    /** A stored text block as the page's text area shows it: one paragraph a line (stored markup read as breaks). */
    private static String lines(String stored) {
        return stored == null ? null : Paragraphs.asLines(stored);
    }

    @Schema(name = "DeclarationTexts", description = "文字部分（段落以换行分隔）")
    public record Texts(@Schema(description = "项目概况") String overview,
                        @Schema(description = "项目设立依据 / 立项依据") String establishmentBasis,
                        @Schema(description = "项目设立的必要性（苏州）") String necessity,
                        @Schema(description = "保证项目实施的制度、措施（苏州）") String safeguards,
                        @Schema(description = "项目实施计划（苏州）") String implementationPlan,
                        @Schema(description = "项目总目标 / 长期目标") String overallGoal,
                        @Schema(description = "年度绩效目标 / 年度目标") String annualGoal,
                        @Schema(description = "需要说明的其它问题") String otherIssues,
                        @Schema(description = "项目单位职能概述（全国）") String unitFunctions,
                        @Schema(description = "项目申报的可行性（全国）") String feasibility,
                        @Schema(description = "预算部门审核意见（全国）") String departmentOpinion) {
    }

    @Schema(name = "PriorYearFunds", description = "上年度市级财政资金使用情况（苏州，万元）")
    public record PriorYear(@Schema(example = "30.00") String budgeted, @Schema(example = "30.00") String allocated,
                            @Schema(example = "28.50") String spent) {
    }

    @Schema(name = "FundsRequest", description = "项目资金申请（全国，万元）")
    public record Request(String total, String fiscalAppropriation, String serviceRevenue, String businessRevenue,
                          String otherRevenue) {
    }

    @Schema(name = "SubProject", description = "项目资金构成的一行（苏州）")
    public record SubProjectRow(@Schema(description = "已保存行的 id；新行为空") Long id,
                                @Schema(description = "指标行用来引用本行的键，如 id-12、new-1", example = "id-12")
                                String key,
                                @Schema(example = "系统运维") String name,
                                @Schema(description = "预算金额（万元）", example = "21.86") String amount) {
    }

    @Schema(name = "FundingSource", description = "项目资金来源的一行（苏州）")
    public record FundingRow(FundingSourceKind kind, @Schema(example = "41.86") String totalInvestment,
                             String priorYear, @Schema(example = "41.86") String currentYear) {
    }

    @Schema(name = "DeclarationIndicator", description = "一条绩效指标")
    public record IndicatorRow(Long id, IndicatorTerm term, @Schema(example = "产出目标") String category,
                               @Schema(description = "二级指标（全国）") String subCategory,
                               @Schema(description = "对应子项目（苏州），为 subProjects 的 key") List<String> subProjectKeys,
                               @Schema(example = "业务系统投诉率") String name,
                               @Schema(description = "目标值（原文）", example = "=5%") String target,
                               @Schema(description = "填报人确认的方向；空为按运算符默认") Direction direction,
                               String explanation, String targetBasis, BasisKind basisKind, String measureUnit,
                               @Schema(example = "3.00") String weight, Long libraryEntryId) {
    }

    @Schema(name = "Milestone", description = "实施进度的一行（全国）")
    public record MilestoneRow(Long id, String content, LocalDate startOn, LocalDate endOn) {
    }

    @Schema(name = "DeclarationSignOff", description = "填报单位负责人、填报人、填报日期")
    public record Signature(String unitLeader, String preparer, LocalDate filedOn) {
    }

    @Schema(name = "DeclarationComputed", description = "由填报内容算出的值（只读）")
    public record Computed(@Schema(description = "项目资金构成合计（万元）", example = "41.86") String subProjectTotal,
                           @Schema(description = "项目资金来源合计行") FundingTotals fundingTotals,
                           @Schema(description = "本年度计划数合计 = 项目资金构成合计") boolean planMatchesComposition,
                           String requestTotal, String ownFunds, String sumOfParts,
                           @Schema(description = "资金总额 = 财政拨款 + 自有资金") boolean requestMatches,
                           @Schema(description = "资金到位率 %", example = "100.00") String allocationRate,
                           @Schema(description = "预算执行率 %", example = "95.00") String executionRate,
                           @Schema(description = "列表中的金额（万元）", example = "41.86") String totalAmount) {

        static Computed of(DeclarationDetail d) {
            DeclarationTotals t = d.totals();
            Declaration.FundingTotals f = t.fundingTotals();
            return new Computed(money(t.subProjectTotal()), f == null ? null : new FundingTotals(
                    money(f.totalInvestment()), money(f.priorYear()), money(f.currentYear())),
                    t.planMatchesComposition(), money(t.requestTotal()), money(t.ownFunds()), money(t.sumOfParts()),
                    t.requestMatches(), decimal(t.allocationRate()), decimal(t.executionRate()),
                    money(d.totalAmount()));
        }
    }


    @Schema(name = "FundingTotals")
    public record FundingTotals(String totalInvestment, String priorYear, String currentYear) {
    }

    // ------------------------------------------------------------------ findings, history

    @Schema(description = "申报表检查的结果")
    public record DeclarationFindings(long id, long version, @Schema(description = "阻止提交的问题数") long blocking,
                                      List<FindingJson> findings) {

        static DeclarationFindings of(DeclarationPage page) {
            return new DeclarationFindings(page.detail().id(), page.detail().version(), page.blockingCount(),
                    page.findings().stream().map(f -> new FindingJson(f.rule().name(), f.blocking(), f.path(),
                            f.message())).toList());
        }
    }


    @Schema(name = "DeclarationFinding")
    public record FindingJson(@Schema(description = "规则名", example = "FUNDING_PLAN_MATCHES_COMPOSITION")
                              String rule,
                              @Schema(description = "是否阻止提交") boolean blocking,
                              @Schema(description = "所指字段，如 indicators[3]；空为整张表", example = "indicators[3]")
                              String path,
                              String message) {
    }

    @Schema(description = "审核记录（最早的在前）")
    public record DeclarationHistory(long id, List<HistoryStep> steps) {

        static DeclarationHistory of(long id, List<HistoryRow> rows) {
            return new DeclarationHistory(id, rows.stream().map(h -> new HistoryStep(h.at(), h.username(),
                    h.actorName(), h.actorUnit(), h.action(), h.action().label(), h.grade(),
                    h.grade() == null ? null : h.grade().label(), h.comment(), h.from(), h.to())).toList());
        }
    }


    @Schema(name = "DeclarationHistoryStep")
    public record HistoryStep(Instant at, String username, String actorName, String actorUnit, ReviewAction action,
                              @Schema(example = "提交") String actionLabel, FinanceGrade grade, String gradeLabel,
                              String comment, DeclarationStatus from, DeclarationStatus to) {
    }
}
