package cn.perf.web.declaration;

import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationFinding;
import cn.perf.domain.declaration.DeclarationPage;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.DeclarationTotals;
import cn.perf.domain.declaration.FundingSourceKind;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.declaration.NationalHeader;
import cn.perf.domain.declaration.TargetReading;
import cn.perf.domain.shared.Violation;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.FrameworkView;
import cn.perf.web.declaration.DeclarationForm.IndicatorForm;
import cn.perf.web.shell.KeptFragments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * Prepares what the form page (and its htmx fragments) render from an unsaved {@link DeclarationForm}: the
 * framework's categories, the library, the 对应子项目 choices, how each 目标值 reads, the live totals and the lint.
 * Shared by {@link DeclarationController} and {@link DeclarationFormController} so a fragment and the whole page
 * never disagree.
 */
@Component
class DeclarationFormModel {

    static final String FORM = "form";

    private final DeclarationFiling filing;

    DeclarationFormModel(DeclarationFiling filing) {
        this.filing = filing;
    }

    /** Fills {@code model} for {@code templates/declaration/form.html}. */
    void fill(Model model, DeclarationForm form, DeclarationStatus status, boolean withFindings) {
        fill(model, form, status, withFindings, null);
    }

    /**
     * As {@link #fill(Model, DeclarationForm, DeclarationStatus, boolean)}; when the form was just built from
     * {@code stored} (an edit page's first render), its framework, library and findings are reused instead of
     * being read and computed again.
     */
    void fill(Model model, DeclarationForm form, DeclarationStatus status, boolean withFindings,
              DeclarationPage stored) {
        FormLayout layout = form.getLayout() == null ? FormLayout.SUZHOU : form.getLayout();
        form.setLayout(layout);
        int year = form.getYear() == null ? java.time.Year.now().getValue() + 1 : form.getYear();
        form.setYear(year);
        DeclarationForms.dropEmptyRowsKeepingNew(form);
        FrameworkView framework = stored != null ? stored.framework()
                : form.getId() != null ? filing.storedFramework(form.getFrameworkCode())
                : filing.framework(layout, year, form.getFrameworkCode());
        form.setFrameworkCode(framework.code());
        DeclarationContent content = DeclarationForms.toContentLenient(form);
        model.addAttribute(FORM, form);
        model.addAttribute("layout", layout);
        model.addAttribute("isNew", form.getId() == null);
        model.addAttribute("status", status == null ? DeclarationStatus.DRAFT : status);
        model.addAttribute("framework", framework);
        model.addAttribute("library", stored != null ? stored.library() : filing.library(layout, form.getProjectType()));
        model.addAttribute("totals", DeclarationTotals.of(content));
        model.addAttribute("readings", readings(form));
        model.addAttribute("subProjectOptions", subProjectOptions(form));
        model.addAttribute("annualRows", DeclarationForms.rowsOfTerm(form, IndicatorTerm.ANNUAL));
        model.addAttribute("longTermRows", DeclarationForms.rowsOfTerm(form, IndicatorTerm.LONG_TERM));
        model.addAttribute("fundingKinds", FundingSourceKind.values());
        model.addAttribute("nationalAttributes", List.of(NationalHeader.NEW_PROJECT, NationalHeader.CONTINUING_PROJECT));
        model.addAttribute("basisKinds", cn.perf.domain.declaration.BasisKind.values());
        model.addAttribute("directions", cn.perf.scoring.target.Direction.values());
        List<DeclarationFinding> findings = !withFindings ? List.of()
                : stored != null ? stored.findings() : filing.check(layout, framework.code(), content);
        model.addAttribute("findings", findings);
        model.addAttribute("showFindings", withFindings);
    }

    /**
     * Lets the page keep its indicator and sub-project rows by content ({@link KeptFragments}). Only for a page
     * rendered without input errors into a buffer ({@link cn.perf.web.shell.RenderedPages#keeps}), after
     * {@link #fill}: each key lists everything the row's HTML is made of in {@code form.html} — the row's fields, its
     * index, its place and the length of its table, how its target reads, the framework's categories, the
     * 对应子项目 choices, the layout, the locale and the context path.
     */
    @SuppressWarnings("unchecked")
    static void keepRows(Model model, DeclarationForm form, KeptFragments fragments, Locale locale,
                         String contextPath) {
        FormLayout layout = form.getLayout();
        Object framework = model.getAttribute("framework");
        Map<String, String> options = (Map<String, String>) model.getAttribute("subProjectOptions");
        List<TargetReading> readings = (List<TargetReading>) model.getAttribute("readings");
        List<Integer> longTerm = (List<Integer>) model.getAttribute("longTermRows");
        List<Integer> annual = (List<Integer>) model.getAttribute("annualRows");
        List<IndicatorForm> rows = form.getIndicators();
        List<String> indicatorKeys = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Integer> table = layout == FormLayout.NATIONAL
                    ? (rows.get(i).getTerm() == IndicatorTerm.LONG_TERM ? longTerm : annual) : null;
            int position = table == null ? i : table.indexOf(i);
            int size = table == null ? rows.size() : table.size();
            indicatorKeys.add(position < 0 ? null : KeptFragments.fingerprint("declaration/form indicators", layout,
                    locale, contextPath, framework, options, i, position, size, rows.get(i), readings.get(i)));
        }
        List<String> subProjectKeys = new ArrayList<>(form.getSubProjects().size());
        for (int i = 0; i < form.getSubProjects().size(); i++) {
            subProjectKeys.add(KeptFragments.fingerprint("declaration/form subProjects", layout, locale, contextPath,
                    i, form.getSubProjects().size(), form.getSubProjects().get(i)));
        }
        model.addAttribute("keptRows", fragments.render(Map.of("indicators", indicatorKeys,
                "subProjects", subProjectKeys)));
    }

    /** How each indicator's 目标值 reads, by row index. */
    List<TargetReading> readings(DeclarationForm form) {
        List<TargetReading> out = new ArrayList<>();
        for (IndicatorForm row : form.getIndicators()) {
            out.add(reading(row));
        }
        return out;
    }

    TargetReading reading(IndicatorForm row) {
        return filing.readTarget(row.getTargetText(), row.getName(), row.getExplanation(), row.getDirection());
    }

    /** 对应子项目 choices: key → name of the form's sub-project rows, in order. */
    static Map<String, String> subProjectOptions(DeclarationForm form) {
        Map<String, String> out = new LinkedHashMap<>();
        form.getSubProjects().forEach(s -> out.put(s.getKey(), s.getName() == null || s.getName().isBlank()
                ? "—" : s.getName()));
        return out;
    }

    /** Puts each domain violation next to its field; violations of the form as a whole go on top. */
    static void reject(BindingResult result, List<Violation> violations) {
        cn.perf.web.shell.FormViolations.reject(result, violations, DeclarationFormModel::formPath);
    }

    /** The form's property for a domain path ({@code texts.overview} → {@code overview}). */
    static String formPath(String domainPath) {
        if (domainPath.startsWith("texts.")) {
            return domainPath.substring("texts.".length());
        }
        return switch (domainPath) {
            case "signOff.unitLeader" -> "signUnitLeader";
            case "signOff.preparer" -> "signPreparer";
            case "fundsRequest" -> "requestTotal";
            default -> domainPath;
        };
    }
}
