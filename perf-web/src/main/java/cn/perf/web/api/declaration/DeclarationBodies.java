package cn.perf.web.api.declaration;

import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationTexts;
import cn.perf.domain.declaration.FundsRequest;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.declaration.PriorYearFunds;
import cn.perf.domain.declaration.SignOff;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Violation;
import cn.perf.domain.template.FormLayout;
import cn.perf.web.api.declaration.DeclarationJson.Content;
import cn.perf.web.shell.FormValues;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;

/**
 * The bodies of the 申报表 writes, and the turning of a body's {@code content} into the domain's
 * {@link DeclarationContent} with the pages' own shape checks ({@link FormValues}: amounts, weights, dates, text
 * lengths, at most {@value #MAX_ROWS} rows a table) and the pages' messages. Every problem is reported at once, at its
 * path in the body ({@code content.subProjects[0].amount}), and then nothing is changed. As on the page, the fields
 * of the other layout are ignored.
 */
final class DeclarationBodies {

    static final int MAX_ROWS = 300;

    private DeclarationBodies() {
    }

    @Schema(description = "保存整张申报表：读取时的 version 和修改后的 content（与读取结果的 content 相同的结构）")
    record DeclarationUpdate(@Schema(description = "读取时的版本号", example = "3", requiredMode =
            Schema.RequiredMode.REQUIRED) Long version,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Content content) {
    }

    @Schema(description = "提交：读取时的 version")
    record VersionOnly(@Schema(description = "读取时的版本号", example = "3", requiredMode =
            Schema.RequiredMode.REQUIRED) Long version) {
    }

    @Schema(description = "新增申报表：版式、年度、单位（可省略：调用者可填报的第一个单位）、指标体系（可省略：适用于该年度的最新一个）"
            + "和整张表的 content（与读取结果的 content 相同的结构，新行不带 id）")
    record DeclarationCreate(@Schema(description = "版式", example = "SUZHOU", requiredMode =
            Schema.RequiredMode.REQUIRED) FormLayout layout,
                             @Schema(description = "项目年度", example = "2022", requiredMode =
                                     Schema.RequiredMode.REQUIRED) Integer year,
                             @Schema(description = "单位 id（见 /api/v1/units）", example = "3") Long unitId,
                             @Schema(description = "指标体系编码", example = "SUZHOU_2017") String frameworkCode,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Content content) {
    }

    @Schema(description = "审核：读取时的 version；主管部门审核人给 decision（APPROVE 通过 / RETURN 退回），"
            + "财政局审核人给 grade（EXCELLENT 优、GOOD 良 通过；FAIR 中 退回；POOR 差 不予通过）；退回和优以外的等级须填 comment")
    record ReviewBody(@Schema(description = "读取时的版本号", example = "2", requiredMode =
            Schema.RequiredMode.REQUIRED) Long version,
                      @Schema(description = "主管部门审核结论") cn.perf.domain.declaration.ReviewDecision decision,
                      @Schema(description = "财政审核等级") cn.perf.domain.declaration.FinanceGrade grade,
                      @Schema(description = "审核意见", example = "同意报财政局审核") String comment) {
    }

    /** The version a body carries; refused (422) when missing. */
    static long version(Long version) {
        if (version == null) {
            throw new InvalidCommandException(List.of(Violation.of("version", "api.required", "必填")));
        }
        return version;
    }

    /** The content of a body for a form of {@code layout}. */
    static DeclarationContent toContent(Content c, FormLayout layout, MessageSource messages) {
        if (c == null) {
            throw new InvalidCommandException(List.of(Violation.of("content", "api.required", "必填")));
        }
        MapBindingResult errors = new MapBindingResult(new HashMap<>(), "content");
        FormValues s = new FormValues(errors);
        boolean suzhou = layout != FormLayout.NATIONAL;
        List<DeclarationJson.SubProjectRow> subRows = orEmpty(c.subProjects());
        List<DeclarationJson.IndicatorRow> indicatorRows = orEmpty(c.indicators());
        List<DeclarationJson.MilestoneRow> milestoneRows = orEmpty(c.milestones());
        List<DeclarationJson.FundingRow> fundingRows = orEmpty(c.fundingSources());
        if (subRows.size() > MAX_ROWS) {
            s.reject("content.subProjects", "shape.tooManyRows");
        }
        if (indicatorRows.size() > MAX_ROWS) {
            s.reject("content.indicators", "shape.tooManyRows");
        }
        if (milestoneRows.size() > MAX_ROWS) {
            s.reject("content.milestones", "shape.tooManyRows");
        }
        DeclarationJson.Texts t = c.texts() == null ? new DeclarationJson.Texts(null, null, null, null, null, null,
                null, null, null, null, null) : c.texts();
        String tp = "content.texts.";
        DeclarationTexts texts = new DeclarationTexts(s.block(tp + "overview", t.overview()),
                s.block(tp + "establishmentBasis", t.establishmentBasis()),
                suzhou ? s.block(tp + "necessity", t.necessity()) : null,
                suzhou ? s.block(tp + "safeguards", t.safeguards()) : null,
                suzhou ? s.block(tp + "implementationPlan", t.implementationPlan()) : null,
                s.block(tp + "overallGoal", t.overallGoal()), s.block(tp + "annualGoal", t.annualGoal()),
                s.block(tp + "otherIssues", t.otherIssues()),
                suzhou ? null : s.block(tp + "unitFunctions", t.unitFunctions()),
                suzhou ? null : s.block(tp + "feasibility", t.feasibility()),
                suzhou ? null : s.block(tp + "departmentOpinion", t.departmentOpinion()));
        DeclarationJson.PriorYear p = c.priorYearFunds();
        PriorYearFunds prior = suzhou && p != null ? new PriorYearFunds(
                s.money("content.priorYearFunds.budgeted", p.budgeted()),
                s.money("content.priorYearFunds.allocated", p.allocated()),
                s.money("content.priorYearFunds.spent", p.spent())) : PriorYearFunds.NONE;
        DeclarationJson.Request r = c.fundsRequest();
        String rp = "content.fundsRequest.";
        FundsRequest request = !suzhou && r != null ? new FundsRequest(s.money(rp + "total", r.total()),
                s.money(rp + "fiscalAppropriation", r.fiscalAppropriation()),
                s.money(rp + "serviceRevenue", r.serviceRevenue()),
                s.money(rp + "businessRevenue", r.businessRevenue()),
                s.money(rp + "otherRevenue", r.otherRevenue())) : FundsRequest.NONE;
        List<DeclarationContent.SubProjectRow> subs = new ArrayList<>();
        List<DeclarationContent.FundingRow> funding = new ArrayList<>();
        List<DeclarationContent.MilestoneRow> milestones = new ArrayList<>();
        if (suzhou) {
            for (int i = 0; i < subRows.size() && i < MAX_ROWS; i++) {
                DeclarationJson.SubProjectRow x = subRows.get(i);
                subs.add(new DeclarationContent.SubProjectRow(x.id(), x.key(), x.name(),
                        s.money("content.subProjects[" + i + "].amount", x.amount())));
            }
            for (int i = 0; i < fundingRows.size() && i < MAX_ROWS; i++) {
                DeclarationJson.FundingRow x = fundingRows.get(i);
                String fp = "content.fundingSources[" + i + "].";
                if (x.kind() == null) {
                    s.reject(fp + "kind", "api.required");
                    continue;
                }
                funding.add(new DeclarationContent.FundingRow(x.kind(), s.money(fp + "totalInvestment",
                        x.totalInvestment()), s.money(fp + "priorYear", x.priorYear()),
                        s.money(fp + "currentYear", x.currentYear())));
            }
        } else {
            for (int i = 0; i < milestoneRows.size() && i < MAX_ROWS; i++) {
                DeclarationJson.MilestoneRow x = milestoneRows.get(i);
                milestones.add(new DeclarationContent.MilestoneRow(x.id(), x.content(), x.startOn(), x.endOn()));
            }
        }
        List<DeclarationContent.IndicatorRow> indicators = new ArrayList<>();
        for (int i = 0; i < indicatorRows.size() && i < MAX_ROWS; i++) {
            DeclarationJson.IndicatorRow x = indicatorRows.get(i);
            String ip = "content.indicators[" + i + "].";
            indicators.add(new DeclarationContent.IndicatorRow(x.id(),
                    suzhou || x.term() == null ? IndicatorTerm.ANNUAL : x.term(), x.category(),
                    suzhou ? null : x.subCategory(), suzhou ? orEmpty(x.subProjectKeys()) : List.of(), x.name(),
                    x.target(), x.direction(), s.block(ip + "explanation", x.explanation()), x.targetBasis(),
                    suzhou ? null : x.basisKind(), suzhou ? null : x.measureUnit(),
                    s.weight(ip + "weight", x.weight()), x.libraryEntryId()));
        }
        DeclarationJson.Signature g = c.signOff();
        SignOff signOff = g == null ? SignOff.EMPTY : new SignOff(
                s.shortText("content.signOff.unitLeader", g.unitLeader(), 64),
                s.shortText("content.signOff.preparer", g.preparer(), 64), g.filedOn());
        if (errors.hasErrors()) {
            throw new InvalidCommandException(errors.getFieldErrors().stream()
                    .map(e -> Violation.of(e.getField(), "api.shape",
                            messages.getMessage((FieldError) e, LocaleContextHolder.getLocale())))
                    .toList());
        }
        return new DeclarationContent(c.projectName(), suzhou ? c.projectType() : null, c.projectAttribute(),
                suzhou ? c.governmentProcurement() : null, suzhou ? c.governmentPurchasedService() : null,
                c.projectLeader(), suzhou ? c.contactPerson() : null, c.contactPhone(),
                suzhou ? null : c.competentDepartmentName(), suzhou ? null : c.competentDepartmentCode(),
                suzhou ? null : c.projectUnitName(), suzhou ? null : c.periodStart(), suzhou ? null : c.periodEnd(),
                texts, prior, request, subs, funding, indicators, milestones, signOff);
    }

    /**
     * The domain's violations of a create, at their paths in the body: the create's own fields stay where they are
     * ({@code year}, {@code unitId}, {@code frameworkCode}), the form's go under {@code content}.
     */
    static List<Violation> inCreateBody(List<Violation> violations) {
        return violations.stream().map(v -> List.of("year", "unitId", "frameworkCode", "layout").contains(v.path())
                ? v : inBody(List.of(v)).get(0)).toList();
    }

    /** The domain's violations, at their paths in the body ({@code projectName} → {@code content.projectName}). */
    static List<Violation> inBody(List<Violation> violations) {
        return violations.stream().map(v -> new Violation(v.path().isEmpty() || v.path().startsWith("content")
                || v.path().equals("version") ? v.path() : "content." + v.path(), v.code(), v.args(), v.message()))
                .toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
