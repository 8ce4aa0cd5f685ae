package cn.perf.web.declaration;

import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationTexts;
import cn.perf.domain.declaration.FundingSourceKind;
import cn.perf.domain.declaration.FundsRequest;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.declaration.PriorYearFunds;
import cn.perf.domain.declaration.SignOff;
import cn.perf.domain.shared.Money;
import cn.perf.domain.shared.Paragraphs;
import cn.perf.domain.template.FormLayout;
import cn.perf.web.declaration.DeclarationForm.FundingForm;
import cn.perf.web.declaration.DeclarationForm.IndicatorForm;
import cn.perf.web.declaration.DeclarationForm.MilestoneForm;
import cn.perf.web.declaration.DeclarationForm.SubProjectForm;
import cn.perf.web.shell.FormValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.validation.Errors;

/**
 * Between {@link DeclarationForm} (text as typed) and the domain's {@link DeclarationContent}: the shape checks
 * (amounts, dates, weights are numbers; rows within limits), the conversion both ways, and the row operations the
 * page's buttons ask for (add, remove, move a row) — applied to the unsaved form, so nothing typed is lost.
 */
final class DeclarationForms {

    /** At most this many rows per table: a bound on what one request may make the server build. */
    static final int MAX_ROWS = 300;


    private DeclarationForms() {
    }

    // ------------------------------------------------------------------ read model → form

    static DeclarationForm from(DeclarationDetail d) {
        DeclarationForm f = from(d.content(), d.layout(), d.year().value(), d.unitId(), d.frameworkCode());
        f.setId(d.id());
        f.setVersion(d.version());
        return f;
    }

    static DeclarationForm from(DeclarationContent c, FormLayout layout, int year, Long unitId, String frameworkCode) {
        DeclarationForm f = new DeclarationForm();
        f.setLayout(layout);
        f.setYear(year);
        f.setUnitId(unitId);
        f.setFrameworkCode(frameworkCode);
        f.setProjectName(c.projectName());
        f.setProjectType(c.projectType());
        f.setProjectAttribute(c.projectAttribute());
        f.setGovernmentProcurement(bool(c.governmentProcurement()));
        f.setGovernmentPurchasedService(bool(c.governmentPurchasedService()));
        f.setProjectLeader(c.projectLeader());
        f.setContactPerson(c.contactPerson());
        f.setContactPhone(c.contactPhone());
        f.setCompetentDepartmentName(c.competentDepartmentName());
        f.setCompetentDepartmentCode(c.competentDepartmentCode());
        f.setProjectUnitName(c.projectUnitName());
        f.setPeriodStart(date(c.periodStart()));
        f.setPeriodEnd(date(c.periodEnd()));
        DeclarationTexts t = c.texts();
        f.setOverview(Paragraphs.asLines(t.overview()));
        f.setEstablishmentBasis(Paragraphs.asLines(t.establishmentBasis()));
        f.setNecessity(Paragraphs.asLines(t.necessity()));
        f.setSafeguards(Paragraphs.asLines(t.safeguards()));
        f.setImplementationPlan(Paragraphs.asLines(t.implementationPlan()));
        f.setOverallGoal(Paragraphs.asLines(t.overallGoal()));
        f.setAnnualGoal(Paragraphs.asLines(t.annualGoal()));
        f.setOtherIssues(Paragraphs.asLines(t.otherIssues()));
        f.setUnitFunctions(Paragraphs.asLines(t.unitFunctions()));
        f.setFeasibility(Paragraphs.asLines(t.feasibility()));
        f.setDepartmentOpinion(Paragraphs.asLines(t.departmentOpinion()));
        PriorYearFunds p = c.priorYearFunds();
        f.setPriorBudgeted(money(p.budgeted()));
        f.setPriorAllocated(money(p.allocated()));
        f.setPriorSpent(money(p.spent()));
        FundsRequest r = c.fundsRequest();
        f.setRequestTotal(money(r.total()));
        f.setRequestAppropriation(money(r.fiscalAppropriation()));
        f.setRequestServiceRevenue(money(r.serviceRevenue()));
        f.setRequestBusinessRevenue(money(r.businessRevenue()));
        f.setRequestOtherRevenue(money(r.otherRevenue()));
        f.setSignUnitLeader(c.signOff().unitLeader());
        f.setSignPreparer(c.signOff().preparer());
        f.setSignFiledOn(date(c.signOff().filedOn()));
        for (DeclarationContent.SubProjectRow s : c.subProjects()) {
            SubProjectForm row = new SubProjectForm();
            row.setId(s.id());
            row.setKey(s.key());
            row.setName(s.name());
            row.setAmount(money(s.amount()));
            f.getSubProjects().add(row);
        }
        for (DeclarationContent.FundingRow s : c.fundingSources()) {
            FundingForm row = new FundingForm();
            row.setKind(s.kind());
            row.setTotalInvestment(money(s.totalInvestment()));
            row.setPriorYear(money(s.priorYear()));
            row.setCurrentYear(money(s.currentYear()));
            f.getFundingSources().add(row);
        }
        if (layout == FormLayout.SUZHOU && f.getFundingSources().isEmpty()) {
            for (FundingSourceKind k : FundingSourceKind.values()) {
                FundingForm row = new FundingForm();
                row.setKind(k);
                f.getFundingSources().add(row);
            }
        }
        for (DeclarationContent.IndicatorRow i : c.indicators()) {
            IndicatorForm row = new IndicatorForm();
            row.setId(i.id());
            row.setTerm(i.term());
            row.setCategory(i.category());
            row.setSubCategory(i.subCategory());
            row.setSubProjectKeys(new ArrayList<>(i.subProjectKeys()));
            row.setName(i.name());
            row.setTargetText(i.targetText());
            row.setDirection(i.direction());
            row.setExplanation(Paragraphs.asLines(i.explanation()));
            row.setTargetBasis(i.targetBasis());
            row.setBasisKind(i.basisKind());
            row.setMeasureUnit(i.measureUnit());
            row.setWeight(i.weight() == null ? null : i.weight().stripTrailingZeros().toPlainString());
            row.setLibraryEntryId(i.libraryEntryId());
            f.getIndicators().add(row);
        }
        for (DeclarationContent.MilestoneRow m : c.milestones()) {
            MilestoneForm row = new MilestoneForm();
            row.setId(m.id());
            row.setContent(m.content());
            row.setStartOn(date(m.startOn()));
            row.setEndOn(date(m.endOn()));
            f.getMilestones().add(row);
        }
        return f;
    }

    // ------------------------------------------------------------------ form → content

    /**
     * The content of {@code f}, or null when a shape check failed; every failure is rejected on {@code errors}
     * at its field (all at once). Entirely empty rows are dropped.
     */
    static DeclarationContent toContent(DeclarationForm f, Errors errors) {
        FormValues s = new FormValues(errors);
        dropEmptyRows(f);
        DeclarationContent c = build(f, s);
        return errors.hasErrors() ? null : c;
    }

    /** The content of {@code f} for live checks: what cannot be read counts as empty. Never fails. */
    static DeclarationContent toContentLenient(DeclarationForm f) {
        return build(f, new FormValues(null));
    }

    private static DeclarationContent build(DeclarationForm f, FormValues s) {
        if (f.getSubProjects().size() > MAX_ROWS || f.getIndicators().size() > MAX_ROWS
                || f.getMilestones().size() > MAX_ROWS) {
            s.reject("indicators", "shape.tooManyRows");
        }
        boolean suzhou = f.getLayout() != FormLayout.NATIONAL;
        DeclarationTexts texts = new DeclarationTexts(s.block("overview", f.getOverview()), s.block("establishmentBasis", f.getEstablishmentBasis()),
                suzhou ? s.block("necessity", f.getNecessity()) : null, suzhou ? s.block("safeguards", f.getSafeguards()) : null,
                suzhou ? s.block("implementationPlan", f.getImplementationPlan()) : null, s.block("overallGoal", f.getOverallGoal()), s.block("annualGoal", f.getAnnualGoal()),
                s.block("otherIssues", f.getOtherIssues()), suzhou ? null : s.block("unitFunctions", f.getUnitFunctions()),
                suzhou ? null : s.block("feasibility", f.getFeasibility()), suzhou ? null : s.block("departmentOpinion", f.getDepartmentOpinion()));
        PriorYearFunds prior = suzhou ? new PriorYearFunds(s.money("priorBudgeted", f.getPriorBudgeted()),
                s.money("priorAllocated", f.getPriorAllocated()), s.money("priorSpent", f.getPriorSpent()))
                : PriorYearFunds.NONE;
        FundsRequest request = suzhou ? FundsRequest.NONE : new FundsRequest(s.money("requestTotal", f.getRequestTotal()),
                s.money("requestAppropriation", f.getRequestAppropriation()),
                s.money("requestServiceRevenue", f.getRequestServiceRevenue()),
                s.money("requestBusinessRevenue", f.getRequestBusinessRevenue()),
                s.money("requestOtherRevenue", f.getRequestOtherRevenue()));
        List<DeclarationContent.SubProjectRow> subs = new ArrayList<>();
        List<DeclarationContent.FundingRow> funding = new ArrayList<>();
        List<DeclarationContent.MilestoneRow> milestones = new ArrayList<>();
        if (suzhou) {
            for (int i = 0; i < f.getSubProjects().size(); i++) {
                SubProjectForm r = f.getSubProjects().get(i);
                if (emptySub(r)) {
                    continue;
                }
                subs.add(new DeclarationContent.SubProjectRow(r.getId(), r.getKey(), r.getName(),
                        s.money("subProjects[" + i + "].amount", r.getAmount())));
            }
            for (int i = 0; i < f.getFundingSources().size(); i++) {
                FundingForm r = f.getFundingSources().get(i);
                if (r.getKind() == null) {
                    s.reject("fundingSources[" + i + "].kind", "shape.forged");
                    continue;
                }
                String p = "fundingSources[" + i + "].";
                funding.add(new DeclarationContent.FundingRow(r.getKind(), s.money(p + "totalInvestment",
                        r.getTotalInvestment()), s.money(p + "priorYear", r.getPriorYear()),
                        s.money(p + "currentYear", r.getCurrentYear())));
            }
        } else {
            for (int i = 0; i < f.getMilestones().size(); i++) {
                MilestoneForm r = f.getMilestones().get(i);
                if (emptyMilestone(r)) {
                    continue;
                }
                milestones.add(new DeclarationContent.MilestoneRow(r.getId(), r.getContent(),
                        s.date("milestones[" + i + "].startOn", r.getStartOn()),
                        s.date("milestones[" + i + "].endOn", r.getEndOn())));
            }
        }
        List<DeclarationContent.IndicatorRow> indicators = new ArrayList<>();
        for (int i = 0; i < f.getIndicators().size(); i++) {
            IndicatorForm r = f.getIndicators().get(i);
            if (emptyIndicator(r)) {
                continue;
            }
            indicators.add(new DeclarationContent.IndicatorRow(r.getId(),
                    suzhou || r.getTerm() == null ? IndicatorTerm.ANNUAL : r.getTerm(), r.getCategory(),
                    suzhou ? null : r.getSubCategory(), suzhou ? r.getSubProjectKeys() : List.of(), r.getName(),
                    r.getTargetText(), r.getDirection(), s.block("indicators[" + i + "].explanation", r.getExplanation()), r.getTargetBasis(),
                    suzhou ? null : r.getBasisKind(), suzhou ? null : r.getMeasureUnit(),
                    s.weight("indicators[" + i + "].weight", r.getWeight()), r.getLibraryEntryId()));
        }
        SignOff signOff = new SignOff(s.shortText("signUnitLeader", f.getSignUnitLeader(), 64),
                s.shortText("signPreparer", f.getSignPreparer(), 64),
                s.date("signFiledOn", f.getSignFiledOn()));
        return new DeclarationContent(f.getProjectName(), suzhou ? f.getProjectType() : null, f.getProjectAttribute(),
                suzhou ? flag(f.getGovernmentProcurement()) : null,
                suzhou ? flag(f.getGovernmentPurchasedService()) : null, f.getProjectLeader(),
                suzhou ? f.getContactPerson() : null, f.getContactPhone(),
                suzhou ? null : f.getCompetentDepartmentName(), suzhou ? null : f.getCompetentDepartmentCode(),
                suzhou ? null : f.getProjectUnitName(), suzhou ? null : s.date("periodStart", f.getPeriodStart()),
                suzhou ? null : s.date("periodEnd", f.getPeriodEnd()), texts, prior, request, subs, funding,
                indicators, milestones, signOff);
    }

    /** Before rendering: every row has a key and a term; empty new rows stay (the filer just added them). */
    static void dropEmptyRowsKeepingNew(DeclarationForm f) {
        f.getSubProjects().removeIf(java.util.Objects::isNull);
        f.getIndicators().removeIf(java.util.Objects::isNull);
        f.getMilestones().removeIf(java.util.Objects::isNull);
        f.getFundingSources().removeIf(java.util.Objects::isNull);
        f.getSubProjects().forEach(r -> {
            if (blank(r.getKey())) {
                r.setKey(r.getId() != null ? "id-" + r.getId() : newKey());
            }
        });
        f.getIndicators().forEach(r -> {
            if (r.getTerm() == null || f.getLayout() != FormLayout.NATIONAL) {
                r.setTerm(r.getTerm() == null || f.getLayout() != FormLayout.NATIONAL ? IndicatorTerm.ANNUAL
                        : r.getTerm());
            }
        });
    }

    /** Rows the filer added and left empty are not rows: dropped before anything else. */
    static void dropEmptyRows(DeclarationForm f) {
        f.getSubProjects().removeIf(r -> r == null || emptySub(r));
        f.getIndicators().removeIf(r -> r == null || emptyIndicator(r));
        f.getMilestones().removeIf(r -> r == null || emptyMilestone(r));
        f.getFundingSources().removeIf(r -> r == null);
        f.getSubProjects().forEach(r -> {
            if (blank(r.getKey())) {
                r.setKey(r.getId() != null ? "id-" + r.getId() : newKey());
            }
        });
    }

    private static boolean emptySub(SubProjectForm r) {
        return r.getId() == null && blank(r.getName()) && blank(r.getAmount());
    }

    private static boolean emptyIndicator(IndicatorForm r) {
        return r.getId() == null && blank(r.getName()) && blank(r.getTargetText()) && blank(r.getExplanation())
                && blank(r.getTargetBasis()) && blank(r.getMeasureUnit()) && r.getLibraryEntryId() == null;
    }

    private static boolean emptyMilestone(MilestoneForm r) {
        return r.getId() == null && blank(r.getContent()) && blank(r.getStartOn()) && blank(r.getEndOn());
    }

    // ------------------------------------------------------------------ row operations

    /**
     * Applies a row operation to the unsaved form: {@code add:subProjects}, {@code add:indicators:ANNUAL},
     * {@code remove:indicators:3}, {@code up:milestones:1}, {@code down:subProjects:0}. Unknown or out-of-range
     * operations change nothing. Returns the table the operation was about.
     */
    static String applyRowOperation(DeclarationForm f, String op) {
        String[] parts = op == null ? new String[0] : op.split(":");
        if (parts.length < 2) {
            return "";
        }
        String table = parts[1];
        List<?> rows = switch (table) {
            case "subProjects" -> f.getSubProjects();
            case "indicators" -> f.getIndicators();
            case "milestones" -> f.getMilestones();
            default -> null;
        };
        if (rows == null) {
            return "";
        }
        int index = parts.length > 2 ? parseIndex(parts[2]) : -1;
        switch (parts[0]) {
            case "add" -> add(f, table, parts.length > 2 ? parts[2] : null);
            case "remove" -> {
                if (index >= 0 && index < rows.size()) {
                    rows.remove(index);
                }
            }
            case "up" -> move(f, table, index, -1);
            case "down" -> move(f, table, index, +1);
            default -> {
                return "";
            }
        }
        return table;
    }

    private static void add(DeclarationForm f, String table, String arg) {
        if (rowsOf(f, table).size() >= MAX_ROWS) {
            return;
        }
        switch (table) {
            case "subProjects" -> {
                SubProjectForm row = new SubProjectForm();
                row.setKey(newKey());
                f.getSubProjects().add(row);
            }
            case "milestones" -> f.getMilestones().add(new MilestoneForm());
            default -> {
                IndicatorTerm term = f.getLayout() == FormLayout.NATIONAL && "LONG_TERM".equals(arg)
                        ? IndicatorTerm.LONG_TERM : IndicatorTerm.ANNUAL;
                IndicatorForm row = new IndicatorForm();
                row.setTerm(term);
                int at = f.getIndicators().size();
                if (term == IndicatorTerm.LONG_TERM) {
                    // long-term rows come first: insert after the last long-term row
                    at = 0;
                    for (int i = 0; i < f.getIndicators().size(); i++) {
                        if (f.getIndicators().get(i).getTerm() == IndicatorTerm.LONG_TERM) {
                            at = i + 1;
                        }
                    }
                }
                f.getIndicators().add(at, row);
            }
        }
    }

    private static void move(DeclarationForm f, String table, int index, int by) {
        List<?> rows = rowsOf(f, table);
        int other = index + by;
        if (index < 0 || index >= rows.size() || other < 0 || other >= rows.size()) {
            return;
        }
        if ("indicators".equals(table)
                && f.getIndicators().get(index).getTerm() != f.getIndicators().get(other).getTerm()) {
            return; // rows move within their own table
        }
        java.util.Collections.swap(rows, index, other);
    }

    private static List<?> rowsOf(DeclarationForm f, String table) {
        return switch (table) {
            case "subProjects" -> f.getSubProjects();
            case "milestones" -> f.getMilestones();
            default -> f.getIndicators();
        };
    }

    /** Indices of {@code f}'s indicator rows in one table (national: 长期 or 年度), in order. */
    static List<Integer> rowsOfTerm(DeclarationForm f, IndicatorTerm term) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < f.getIndicators().size(); i++) {
            IndicatorTerm t = f.getIndicators().get(i).getTerm();
            if ((t == null ? IndicatorTerm.ANNUAL : t) == term) {
                out.add(i);
            }
        }
        return out;
    }

    /** See {@link FormValues#parseDate}. */
    static LocalDate parseDate(String text) {
        return FormValues.parseDate(text);
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String newKey() {
        return "new-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }


    private static String money(Money m) {
        return m == null ? null : m.wan().stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String bool(Boolean b) {
        return b == null ? "" : b.toString();
    }

    private static Boolean flag(String s) {
        return "true".equals(s) ? Boolean.TRUE : "false".equals(s) ? Boolean.FALSE : null;
    }

    static List<FundingSourceKind> kinds() {
        return Arrays.asList(FundingSourceKind.values());
    }
}
