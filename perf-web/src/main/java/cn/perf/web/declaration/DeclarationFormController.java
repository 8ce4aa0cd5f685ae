package cn.perf.web.declaration;

import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.LibraryIndicator;
import cn.perf.web.declaration.DeclarationForm.IndicatorForm;
import cn.perf.web.shell.FormBinding;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The htmx fragments of the form page: a row table after a row operation, the live checks (totals beside their
 * fields), the lint panel, and the sentence beside a 目标值. Each receives the whole unsaved form and re-renders a
 * part of {@code declaration/form.html}; nothing is stored. Without JavaScript the same buttons post the whole
 * form to the page, which applies the same operation ({@link DeclarationController}).
 */
@Controller
@RequestMapping("/declarations/form")
class DeclarationFormController {

    private final DeclarationFiling filing;
    private final DeclarationFormModel formModel;

    DeclarationFormController(DeclarationFiling filing, DeclarationFormModel formModel) {
        this.filing = filing;
        this.formModel = formModel;
    }

    @InitBinder(DeclarationFormModel.FORM)
    void binder(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(DeclarationForms.MAX_ROWS + 1);
        FormBinding.withoutFieldMarkers(binder);
    }

    /** A row table (and, for 子项目, the indicator table whose 对应子项目 choices follow it) after {@code _op}. */
    @PostMapping("/rows")
    String rows(@ModelAttribute(DeclarationFormModel.FORM) DeclarationForm form, @RequestParam("_op") String op,
                Model model) {
        String table = applyOperation(form, op, filing);
        formModel.fill(model, form, DeclarationStatus.DRAFT, false);
        return switch (table) {
            case "subProjects" -> "declaration/form :: subProjectsResponse";
            case "milestones" -> "declaration/form :: milestones";
            default -> "declaration/form :: indicatorsResponse";
        };
    }

    /** The live checks: totals and identities, each swapped into its place (out of band). */
    @PostMapping("/checks")
    String checks(@ModelAttribute(DeclarationFormModel.FORM) DeclarationForm form, Model model) {
        formModel.fill(model, form, DeclarationStatus.DRAFT, false);
        return "declaration/form :: liveChecks";
    }

    /** 检查: every finding of the unsaved form. */
    @PostMapping("/lint")
    String lint(@ModelAttribute(DeclarationFormModel.FORM) DeclarationForm form, Model model) {
        formModel.fill(model, form, DeclarationStatus.DRAFT, true);
        return "declaration/form :: lintPanel";
    }

    /** How row {@code row}'s 目标值 reads. */
    @PostMapping("/reading")
    String reading(@ModelAttribute(DeclarationFormModel.FORM) DeclarationForm form, @RequestParam int row,
                   Model model) {
        IndicatorForm r = row >= 0 && row < form.getIndicators().size() ? form.getIndicators().get(row) : null;
        model.addAttribute("i", row);
        model.addAttribute("reading", r == null ? null : formModel.reading(r));
        model.addAttribute("directions", cn.perf.scoring.target.Direction.values());
        model.addAttribute(DeclarationFormModel.FORM, form);
        return "declaration/form :: reading";
    }

    /**
     * Applies a row operation; {@code library:indicators:3} fills row 3's 目标值, 指标解释 and 目标值来源 from the
     * library indicator of the same name (Suzhou), {@code type} replaces the library rows for a new project type.
     */
    static String applyOperation(DeclarationForm form, String op, DeclarationFiling filing) {
        DeclarationForms.dropEmptyRowsKeepingNew(form);
        if (op.startsWith("library:")) {
            String[] parts = op.split(":");
            int i = parts.length > 2 ? parseInt(parts[2]) : -1;
            if (i >= 0 && i < form.getIndicators().size()) {
                IndicatorForm row = form.getIndicators().get(i);
                List<LibraryIndicator> library = filing.library(form.getLayout() == null ? FormLayout.SUZHOU
                        : form.getLayout(), form.getProjectType());
                library.stream().filter(l -> l.name().equals(row.getName() == null ? null : row.getName().strip()))
                        .findFirst().ifPresent(l -> {
                            row.setCategory(l.category());
                            row.setTargetText(l.targetText());
                            row.setExplanation(l.explanation());
                            row.setTargetBasis(l.targetBasis());
                            row.setLibraryEntryId(l.id());
                            row.setWeight(l.weight() == null ? null : l.weight().stripTrailingZeros().toPlainString());
                        });
            }
            return "indicators";
        }
        return DeclarationForms.applyRowOperation(form, op);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
