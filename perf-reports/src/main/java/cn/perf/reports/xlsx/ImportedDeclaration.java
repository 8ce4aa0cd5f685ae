package cn.perf.reports.xlsx;

import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationContent.IndicatorRow;
import cn.perf.domain.declaration.DeclarationContent.MilestoneRow;
import cn.perf.domain.declaration.DeclarationContent.SubProjectRow;
import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationTexts;
import cn.perf.domain.shared.Paragraphs;
import cn.perf.domain.shared.Violation;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.LibraryIndicator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A 申报表 read from a filled template: its layout and 项目年度, the 申报单位 as printed, and the whole content as a
 * page's save would send it ({@link DeclarationContent}: new rows without ids, sub-projects keyed {@code new-1…}).
 *
 * @param unitText the 申报单位名称 / 填报单位 as printed (the import's unit is the one the user chose; this is shown)
 * @param rows     the Excel row of each content path the reader filled ({@code projectName},
 *                 {@code indicators[3]} …), so the domain's violations are reported at their rows
 */
public record ImportedDeclaration(String title, FormLayout layout, Integer year, String unitText,
                                  DeclarationContent content, List<ImportProblem> problems,
                                  Map<String, Integer> rows) implements ImportedForm {

    public ImportedDeclaration {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(content, "content");
        problems = List.copyOf(problems);
        rows = Map.copyOf(rows);
    }

    /** The domain's violations of this content, each at its row with its printed label. */
    public List<ImportProblem> problemsOf(List<Violation> violations) {
        return FieldLabels.problems(violations, rows, layout == FormLayout.NATIONAL ? NATIONAL_LABELS : Map.of());
    }

    private static final Map<String, String> NATIONAL_LABELS = Map.of("indicators[].targetText", "指标值",
            "indicators[].name", "指标内容", "indicators[].category", "一级指标", "indicators[].targetBasis",
            "指标值设定依据", "texts.overallGoal", "长期目标", "texts.annualGoal", "年度目标", "texts.otherIssues",
            "其他需说明的问题", "texts.establishmentBasis", "项目立项的依据");

    /**
     * What keeps this file from updating {@code stored}: another layout, another 项目年度 (the year of a stored
     * declaration does not change). Blocking.
     */
    public List<ImportProblem> problemsAgainst(DeclarationDetail stored) {
        List<ImportProblem> out = new ArrayList<>();
        if (stored.layout() != layout) {
            out.add(ImportProblem.error(0, "", "layout", "文件是“" + layout.title() + "”，所选申报表是“"
                    + stored.layout().title() + "”", layout.title(), stored.layout().title()));
        }
        if (year != null && year != stored.year().value()) {
            out.add(ImportProblem.error(rows.getOrDefault("year", 0), layout == FormLayout.NATIONAL ? "年度" : "项目年度",
                    "year.other", "文件的年度是 " + year + "，所选申报表是 " + stored.year().value() + " 年度", year,
                    stored.year().value()));
        }
        return out;
    }

    /**
     * A notice when the file's 申报单位 is not {@code unitName}, the unit the import files for (the form is filed for
     * the chosen unit; the printed name is not part of the content).
     */
    public List<ImportProblem> problemsForUnit(String unitName) {
        if (unitText == null || unitName == null || unitText.contains(unitName.strip())) {
            return List.of();
        }
        return List.of(ImportProblem.notice(rows.getOrDefault("unit", 0), layout == FormLayout.NATIONAL ? "填报单位"
                : "申报单位名称", "unit", "文件中的单位是“" + unitText + "”，将作为“" + unitName + "”的申报表导入", unitText,
                unitName));
    }

    /** This form with another content (same rows and problems). */
    public ImportedDeclaration withContent(DeclarationContent other) {
        return new ImportedDeclaration(title, layout, year, unitText, other, problems, rows);
    }

    /**
     * The content as a save of the stored draft {@code stored}: rows that name a stored row keep its id (子项目 by
     * name, 指标 by 期限, 类别, 二级指标 and 名称, 实施进度 by content), so the draft's rows are updated rather than
     * replaced; what the file does not print is kept from the stored row (权重, the library row it came from, a
     * confirmed direction while the 目标值 is unchanged); a text block whose paragraphs are the stored block's keeps
     * the stored text (its {@code <p>} markup included), so an unchanged field is not a change.
     */
    public DeclarationContent onto(DeclarationContent stored) {
        DeclarationContent c = content;
        Map<String, String> keys = new HashMap<>();
        List<SubProjectRow> storedSubs = new ArrayList<>(stored.subProjects());
        List<SubProjectRow> subs = new ArrayList<>();
        for (SubProjectRow s : c.subProjects()) {
            SubProjectRow match = take(storedSubs, x -> same(x.name(), s.name()));
            if (match != null && match.id() != null) {
                keys.put(s.key(), match.key());
                subs.add(new SubProjectRow(match.id(), match.key(), s.name(), s.amount()));
            } else {
                subs.add(s);
            }
        }
        List<IndicatorRow> storedRows = new ArrayList<>(stored.indicators());
        List<IndicatorRow> indicators = new ArrayList<>();
        for (IndicatorRow r : c.indicators()) {
            IndicatorRow m = take(storedRows, x -> x.term() == r.term() && same(x.category(), r.category())
                    && same(x.subCategory(), r.subCategory()) && same(x.name(), r.name()));
            List<String> linked = r.subProjectKeys().stream().map(k -> keys.getOrDefault(k, k)).toList();
            if (m == null) {
                indicators.add(new IndicatorRow(null, r.term(), r.category(), r.subCategory(), linked, r.name(),
                        r.targetText(), r.direction(), r.explanation(), r.targetBasis(), r.basisKind(),
                        r.measureUnit(), r.weight(), r.libraryEntryId()));
                continue;
            }
            boolean sameTarget = m.targetText().strip().equals(r.targetText().strip());
            indicators.add(new IndicatorRow(m.id(), r.term(), r.category(), r.subCategory(), linked, r.name(),
                    sameTarget ? m.targetText() : r.targetText(), sameTarget ? m.direction() : r.direction(),
                    keepText(m.explanation(), r.explanation()), r.targetBasis(), r.basisKind(), r.measureUnit(),
                    r.weight() != null ? r.weight() : m.weight(),
                    r.libraryEntryId() != null ? r.libraryEntryId() : m.libraryEntryId()));
        }
        List<MilestoneRow> storedMilestones = new ArrayList<>(stored.milestones());
        List<MilestoneRow> milestones = new ArrayList<>();
        for (MilestoneRow m : c.milestones()) {
            MilestoneRow match = take(storedMilestones, x -> same(x.content(), m.content()));
            milestones.add(new MilestoneRow(match == null ? null : match.id(), m.content(), m.startOn(), m.endOn()));
        }
        DeclarationTexts t = c.texts();
        DeclarationTexts s = stored.texts();
        DeclarationTexts texts = new DeclarationTexts(keepText(s.overview(), t.overview()),
                keepText(s.establishmentBasis(), t.establishmentBasis()), keepText(s.necessity(), t.necessity()),
                keepText(s.safeguards(), t.safeguards()), keepText(s.implementationPlan(), t.implementationPlan()),
                keepText(s.overallGoal(), t.overallGoal()), keepText(s.annualGoal(), t.annualGoal()),
                keepText(s.otherIssues(), t.otherIssues()), keepText(s.unitFunctions(), t.unitFunctions()),
                keepText(s.feasibility(), t.feasibility()), keepText(s.departmentOpinion(), t.departmentOpinion()));
        return new DeclarationContent(c.projectName(), c.projectType(), c.projectAttribute(),
                c.governmentProcurement(), c.governmentPurchasedService(), c.projectLeader(), c.contactPerson(),
                c.contactPhone(), c.competentDepartmentName(), c.competentDepartmentCode(), c.projectUnitName(),
                c.periodStart(), c.periodEnd(), texts, c.priorYearFunds(), c.fundsRequest(), subs,
                c.fundingSources(), indicators, milestones, c.signOff());
    }

    /**
     * The content with the 权重 and library row of each 投入 row that is a 共性指标 of {@code library} (by name), as
     * the 新增 page pre-fills them: the file does not print either.
     */
    public DeclarationContent withLibrary(List<LibraryIndicator> library) {
        List<IndicatorRow> rowsOut = new ArrayList<>();
        List<LibraryIndicator> left = new ArrayList<>(library);
        for (IndicatorRow r : content.indicators()) {
            LibraryIndicator e = r.weight() == null && r.libraryEntryId() == null
                    ? take(left, x -> same(x.category(), r.category()) && same(x.name(), r.name())) : null;
            rowsOut.add(e == null ? r : new IndicatorRow(r.id(), r.term(), r.category(), r.subCategory(),
                    r.subProjectKeys(), r.name(), r.targetText(), r.direction(), r.explanation(), r.targetBasis(),
                    r.basisKind(), r.measureUnit(), e.weight(), e.id()));
        }
        return content.withIndicators(rowsOut);
    }

    /** The stored block where its paragraphs are the imported ones, else the imported block. */
    static String keepText(String stored, String imported) {
        return Paragraphs.of(stored).equals(Paragraphs.of(imported)) && stored != null ? stored : imported;
    }

    private static boolean same(String a, String b) {
        return (a == null ? "" : a.strip()).equals(b == null ? "" : b.strip());
    }

    private static <T> T take(List<T> from, java.util.function.Predicate<T> match) {
        for (int i = 0; i < from.size(); i++) {
            if (match.test(from.get(i))) {
                return from.remove(i);
            }
        }
        return null;
    }
}
