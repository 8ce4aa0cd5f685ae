package cn.perf.domain.declaration;

import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.IndicatorValue;
import cn.perf.domain.shared.Money;
import cn.perf.domain.template.FormLayout;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The detail read model of a 申报表: every printed field of either layout, plus the computed values (合计 rows,
 * rates) and the findings. Immutable; built from a fully loaded {@link Declaration} by {@link #of}.
 */
public record DeclarationDetail(Long id, long version, Long unitId, String unitCode, String unitName,
                                Long projectId, FiscalYear year, FormLayout layout, String frameworkCode,
                                DeclarationStatus status, FinanceGrade financeGrade, String reviewComment,
                                String projectName, String projectType, String projectAttribute,
                                Boolean governmentProcurement, Boolean governmentPurchasedService,
                                String projectLeader, String contactPerson, String contactPhone,
                                String competentDepartmentName, String competentDepartmentCode,
                                String projectUnitName, LocalDate periodStart, LocalDate periodEnd,
                                DeclarationTexts texts, PriorYearFunds priorYearFunds,
                                BigDecimal priorAllocationRate, BigDecimal priorExecutionRate,
                                FundsRequest fundsRequest, Money ownFunds,
                                List<SubProjectRow> subProjects, Money subProjectTotal,
                                List<FundingRow> fundingSources, Declaration.FundingTotals fundingTotals,
                                List<IndicatorRow> indicators, List<MilestoneRow> milestones, SignOff signOff,
                                Money totalAmount, List<DeclarationFinding> findings, String unitRegion,
                                java.time.Instant updatedAt, DeclarationContent content, DeclarationTotals totals) {

    public record SubProjectRow(Long id, String name, Money amount) {
    }

    public record FundingRow(FundingSourceKind kind, String label, Money totalInvestment, Money priorYear,
                             Money currentYear) {
    }

    public record IndicatorRow(Long id, IndicatorTerm term, String category, String subCategory, String name,
                               IndicatorValue target, String explanation, String targetBasis, BasisKind basisKind,
                               String measureUnit, BigDecimal weight, List<String> subProjectNames) {
    }

    public record MilestoneRow(String content, LocalDate startOn, LocalDate endOn) {
    }

    public static DeclarationDetail of(Declaration d, String unitCode, String unitName) {
        return of(d, unitCode, unitName, null);
    }

    public static DeclarationDetail of(Declaration d, String unitCode, String unitName, String unitRegion) {
        DeclarationContent content = d.content();
        return new DeclarationDetail(d.id(), d.version(), d.unitId(), unitCode, unitName, d.projectId(), d.year(),
                d.layout(), d.frameworkCode(), d.status(), d.financeGrade(), d.reviewComment(), d.projectName(),
                d.projectType(), d.projectAttribute(), d.governmentProcurement(), d.governmentPurchasedService(),
                d.projectLeader(), d.contactPerson(), d.contactPhone(), d.competentDepartmentName(),
                d.competentDepartmentCode(), d.projectUnitName(), d.periodStart(), d.periodEnd(), d.texts(),
                d.priorYearFunds(), d.priorYearFunds().allocationRate(), d.priorYearFunds().executionRate(),
                d.fundsRequest(), d.fundsRequest().ownFunds(),
                d.subProjects().stream().map(s -> new SubProjectRow(s.id(), s.name(), s.amount())).toList(),
                d.subProjectTotal(),
                d.fundingSources().stream().map(f -> new FundingRow(f.kind(), f.kind().label(), f.totalInvestment(),
                        f.priorYear(), f.currentYear())).toList(),
                d.fundingTotals(),
                d.indicators().stream().map(i -> new IndicatorRow(i.id(), i.term(), i.category(), i.subCategory(),
                        i.name(), i.target(), i.explanation(), i.targetBasis(), i.basisKind(), i.measureUnit(),
                        i.weight(), i.subProjectNames())).toList(),
                d.milestones().stream().map(m -> new MilestoneRow(m.content(), m.startOn(), m.endOn())).toList(),
                d.signOff(), d.totalAmount(), d.findings(), unitRegion, d.updatedAt(), content,
                DeclarationTotals.of(content));
    }

    public List<IndicatorRow> indicators(IndicatorTerm term) {
        return indicators.stream().filter(i -> i.term() == term).toList();
    }
}
