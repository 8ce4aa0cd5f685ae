package cn.perf.web.declaration;

import cn.perf.domain.declaration.DeclarationCommands.CreateDeclaration;
import cn.perf.domain.declaration.DeclarationCommands.ReviseDeclaration;
import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationFiling.PageStamp;
import cn.perf.domain.declaration.DeclarationPage;
import cn.perf.domain.declaration.DeclarationReview;
import cn.perf.domain.declaration.DeclarationRuleException;
import cn.perf.domain.declaration.DeclarationSearch;
import cn.perf.domain.declaration.DeclarationSignatures;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.NewDeclaration;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.StaleVersionException;
import cn.perf.domain.template.FormLayout;
import cn.perf.web.shell.FormBinding;
import cn.perf.web.shell.KeptFragments;
import cn.perf.web.shell.ListLinks;
import cn.perf.web.shell.RenderedPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Year;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 绩效目标申报表 pages (DESIGN.md §7): list, new, read view, edit, copy to next year, submit. Every action runs
 * in the signed-in user's {@link Scope}; a declaration outside it is 404. Saving binds to {@link DeclarationForm},
 * checks its shape, and sends the whole content to {@link DeclarationFiling}; violations land next to their
 * fields with every typed value re-rendered, and a stale save shows the 409 page with the user's input beside the
 * stored values. No business rule lives here.
 */
@Controller
@RequestMapping("/declarations")
class DeclarationController {

    private static final String FORM_VIEW = "declaration/form";
    private static final String DETAIL_VIEW = "declaration/detail";

    private final DeclarationFiling filing;
    private final DeclarationFormModel formModel;
    private final RenderedPages pages;
    private final DeclarationReview review;
    private final DeclarationSignatures signatures;
    private final KeptFragments fragments;
    private final KeptDeclarationPages kept;

    DeclarationController(DeclarationFiling filing, DeclarationFormModel formModel, RenderedPages pages,
                          DeclarationReview review, DeclarationSignatures signatures, KeptFragments fragments,
                          KeptDeclarationPages kept) {
        this.filing = filing;
        this.kept = kept;
        this.fragments = fragments;
        this.signatures = signatures;
        this.review = review;
        this.formModel = formModel;
        this.pages = pages;
    }

    @InitBinder(DeclarationFormModel.FORM)
    void binder(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(DeclarationForms.MAX_ROWS + 1);
        FormBinding.withoutFieldMarkers(binder, "id", "version", "layout", "unitId");
    }

    // ------------------------------------------------------------------ list

    @GetMapping
    String list(Scope scope, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Long unitId, @RequestParam(required = false) FormLayout layout,
                @RequestParam(required = false) DeclarationStatus status,
                @RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "20") int size,
                @RequestParam(defaultValue = "UPDATED_AT") DeclarationSearch.Sort sort,
                @RequestParam(defaultValue = "desc") String dir, Model model, HttpServletRequest request) {
        DeclarationSearch search = new DeclarationSearch(year, unitId, layout, status, name, page, size, sort,
                "asc".equalsIgnoreCase(dir));
        model.addAttribute("search", search);
        model.addAttribute("result", filing.search(scope, search));
        model.addAttribute("units", scope.seesSeveralUnits() ? filing.visibleUnits(scope) : java.util.List.of());
        model.addAttribute("canFile", !scope.fileableUnitIds().isEmpty());
        model.addAttribute("statuses", DeclarationStatus.values());
        model.addAttribute("layouts", FormLayout.values());
        model.addAttribute("years", years());
        model.addAttribute("pageHref", ListLinks.pageHref(request));
        model.addAttribute("sortHref", ListLinks.sortHref(request));
        model.addAttribute("summaryHref", ListLinks.exportHref(request, "summary.xlsx"));
        model.addAttribute("zipHref", ListLinks.exportHref(request, "pdfs.zip"));
        return "declaration/list";
    }

    private static java.util.List<Integer> years() {
        int now = Year.now().getValue();
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int y = now + 1; y >= 2018; y--) {
            out.add(y);
        }
        return out;
    }

    // ------------------------------------------------------------------ new

    @GetMapping("/new")
    String newForm(Scope scope, @RequestParam(defaultValue = "SUZHOU") FormLayout layout,
                   @RequestParam(required = false) Integer year, @RequestParam(required = false) String projectType,
                   @RequestParam(required = false) String frameworkCode, Model model) {
        int y = year == null ? Year.now().getValue() + 1 : year;
        NewDeclaration start = filing.start(scope, layout, y, projectType, frameworkCode);
        DeclarationForm form = DeclarationForms.from(start.content(), layout, y, start.units().get(0).id(),
                start.framework().code());
        return renderForm(model, form, null, start, false);
    }

    @PostMapping
    String create(Scope scope, @ModelAttribute(DeclarationFormModel.FORM) DeclarationForm form, BindingResult result,
                  @RequestParam(name = "_op", required = false) String op,
                  @RequestParam(name = "unitId", required = false) Long unitId,
                  @RequestParam(name = "layout", defaultValue = "SUZHOU") FormLayout layout, Model model,
                  RedirectAttributes redirect) {
        form.setLayout(layout);
        form.setUnitId(unitId);
        NewDeclaration start = filing.start(scope, layout, form.getYear() == null ? Year.now().getValue() + 1
                : form.getYear(), form.getProjectType(), form.getFrameworkCode());
        if (form.getUnitId() == null) {
            form.setUnitId(start.units().get(0).id());
        }
        if (op != null && !op.isBlank()) {
            return renderOperation(model, form, null, start, op);
        }
        if (form.getYear() == null) {
            result.rejectValue("year", "violation.required", new Object[] {"项目年度"}, "项目年度不能为空");
        }
        DeclarationContent content = DeclarationForms.toContent(form, result);
        if (content == null || result.hasErrors()) {
            // shape errors and the domain's checks of everything else, all at once
            DeclarationFormModel.reject(result, filing.violations(scope, null, layout,
                    DeclarationForms.toContentLenient(form)));
            return renderForm(model, form, null, start, false);
        }
        form.setFrameworkCode(filing.framework(layout, form.getYear(), form.getFrameworkCode()).code());
        try {
            Long id = filing.create(scope, new CreateDeclaration(form.getUnitId(), layout, form.getYear(),
                    form.getFrameworkCode(), content));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/declarations/" + id + "/edit";
        } catch (InvalidCommandException e) {
            DeclarationFormModel.reject(result, e.violations());
            return renderForm(model, form, null, start, false);
        }
    }

    // ------------------------------------------------------------------ read, edit, save

    /**
     * The read view. A version this user has seen rendered before is sent from {@link RenderedPages} after one
     * indexed read of the declaration's version (and the scope check); otherwise it is rendered and kept, from the
     * version's {@link KeptDeclarationPages page} (read once for the edit page and the read page of a version).
     *
     * <p>An approved declaration links to its signed PDF (下载签章版) once it exists. The PDF is signed after the
     * approval commits — normally before the reviewer's redirect, but the backfill may sign it later without a new
     * version — so while an approved declaration has none yet (one more indexed read), its page is rendered afresh
     * and not kept: a kept rendering never misses the link.
     */
    @GetMapping("/{id}")
    ModelAndView detail(Viewer viewer, @PathVariable long id, Model model, HttpServletRequest request) {
        PageStamp stamp = filing.stamp(viewer.scope(), id);
        boolean approved = DeclarationSignatures.signable(stamp.status());
        boolean signed = approved && signatures.signed(viewer.scope(), id);
        boolean keep = !approved || signed;
        if (keep) {
            Optional<ModelAndView> cached = pages.cached(request, viewer, DETAIL_VIEW, id, stamp.version());
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        DeclarationPage page = kept.page(viewer.scope(), id, stamp.version());
        model.addAttribute("page", page);
        model.addAttribute("d", page.detail());
        model.addAttribute("signedPdf", signed);
        addReviewModel(model, review, viewer, id);
        return keep ? pages.render(request, viewer, DETAIL_VIEW, id, page.detail().version())
                : new ModelAndView(DETAIL_VIEW);
    }

    /**
     * What the read view shows of the review: the actions open to this viewer and the history. Both change only
     * with the declaration's version (every review step bumps it), so the kept rendering stays right.
     */
    static void addReviewModel(Model model, DeclarationReview review, Viewer viewer, long id) {
        model.addAttribute("review", review.options(viewer, id));
        model.addAttribute("history", review.history(viewer.scope(), id));
    }

    /** The edit page, served like {@link #detail}: rendered once per version and viewer, then kept. */
    @GetMapping("/{id}/edit")
    ModelAndView edit(Viewer viewer, @PathVariable long id, Model model, HttpServletRequest request) {
        PageStamp stamp = filing.stamp(viewer.scope(), id);
        if (!stamp.editable()) {
            return new ModelAndView("redirect:/declarations/" + id);
        }
        Optional<ModelAndView> cached = pages.cached(request, viewer, FORM_VIEW, id, stamp.version());
        if (cached.isPresent()) {
            return cached.get();
        }
        DeclarationPage page = kept.page(viewer.scope(), id, stamp.version());
        if (!page.editable()) {
            return new ModelAndView("redirect:/declarations/" + id);
        }
        DeclarationForm form = DeclarationForms.from(page.detail());
        model.addAttribute("page", page);
        formModel.fill(model, form, page.detail().status(), true, page);
        if (pages.keeps(request)) {
            DeclarationFormModel.keepRows(model, form, fragments, RequestContextUtils.getLocale(request),
                    request.getContextPath());
        }
        return pages.render(request, viewer, FORM_VIEW, id, page.detail().version());
    }

    @PostMapping("/{id}/edit")
    String save(Scope scope, @PathVariable long id, @ModelAttribute(DeclarationFormModel.FORM) DeclarationForm form,
                BindingResult result, @RequestParam(name = "version") long version,
                @RequestParam(name = "_op", required = false) String op, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        // a save that succeeds needs only the stamp (one row, usually this node's copy); the whole form is read
        // when the page is shown again (an operation, an error, a 409)
        PageStamp stamp = filing.stamp(scope, id);
        form.setId(id);
        form.setVersion(version);
        form.setLayout(stamp.layout());
        form.setUnitId(stamp.unitId());
        form.setYear(stamp.year());
        form.setFrameworkCode(stamp.frameworkCode());
        boolean andSubmit = "submit".equals(op);
        if (op != null && !op.isBlank() && !andSubmit) {
            return renderOperation(withPage(model, scope, id), form, stamp.status(), null, op);
        }
        if (!stamp.editable() && !page(withPage(model, scope, id)).editable()) {
            // the stamp may be another node's change behind (its notification on the way): the stored row decides
            result.reject("declaration.notEditable");
            return renderForm(model, form, page(model).detail().status(), null, true);
        }
        DeclarationContent content = DeclarationForms.toContent(form, result);
        if (content == null) {
            // shape errors and the domain's checks of everything else, all at once
            DeclarationFormModel.reject(result, filing.violations(scope, id, form.getLayout(),
                    DeclarationForms.toContentLenient(form)));
            return renderForm(withPage(model, scope, id), form, stamp.status(), null, true);
        }
        try {
            ReviseDeclaration revision = new ReviseDeclaration(id, version, content);
            if (andSubmit || !kept.enabled()) {
                filing.revise(scope, revision); // a submit makes a newer version at once: nothing to keep
            } else {
                // the page after the save reads nothing back
                kept.keep(filing.writtenPage(scope, filing.reviseAndRead(scope, revision)));
            }
        } catch (InvalidCommandException e) {
            DeclarationFormModel.reject(result, e.violations());
            return renderForm(withPage(model, scope, id), form, stamp.status(), null, true);
        } catch (StaleVersionException | OptimisticLockingFailureException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return conflict(scope, id, form, model);
        }
        if (andSubmit) {
            // 提交 from the form: what was just saved goes to the 主管部门 (or the blocking findings are shown)
            return submit(scope, id, filing.stamp(scope, id).version(), redirect); // this node's commit: current
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/declarations/" + id + "/edit";
    }

    /** The stored declaration as the form page shows it again beside the user's values. */
    private Model withPage(Model model, Scope scope, long id) {
        return model.containsAttribute("page") ? model : model.addAttribute("page", filing.page(scope, id));
    }

    private static DeclarationPage page(Model model) {
        return (DeclarationPage) model.getAttribute("page");
    }

    /** The 409 page: the user's unsaved values beside the stored ones; nothing typed is lost. */
    private String conflict(Scope scope, long id, DeclarationForm mine, Model model) {
        DeclarationPage stored = filing.page(scope, id);
        DeclarationForm theirs = DeclarationForms.from(stored.detail());
        model.addAttribute("stored", stored.detail());
        model.addAttribute("differences", FormDifferences.between(mine, theirs));
        model.addAttribute("mine", FormDifferences.fields(mine));
        model.addAttribute("storedVersion", stored.detail().version());
        model.addAttribute("editable", stored.editable());
        return "declaration/conflict";
    }

    // ------------------------------------------------------------------ copy, submit

    @PostMapping("/{id}/copy")
    String copy(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
        try {
            Long copy = filing.copyToNextYear(scope, id);
            redirect.addFlashAttribute("copied", true);
            return "redirect:/declarations/" + copy + "/edit";
        } catch (InvalidCommandException e) {
            redirect.addFlashAttribute("problems", e.violations().stream()
                    .map(cn.perf.domain.shared.Violation::message).toList());
            return "redirect:/declarations/" + id;
        }
    }

    @PostMapping("/{id}/submit")
    String submit(Scope scope, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        try {
            filing.submit(scope, id, version);
            redirect.addFlashAttribute("submitted", true);
        } catch (DeclarationRuleException e) {
            redirect.addFlashAttribute("problems", e.findings().stream()
                    .map(cn.perf.domain.declaration.DeclarationFinding::message).toList());
        } catch (StaleVersionException | OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("stale", true);
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("problems", java.util.List.of(e.getMessage()));
        }
        return "redirect:/declarations/" + id;
    }

    // ------------------------------------------------------------------ rendering

    private String renderOperation(Model model, DeclarationForm form, DeclarationStatus status, NewDeclaration start,
                                   String op) {
        if (op.startsWith("lint")) {
            return renderForm(model, form, status, start, true);
        }
        DeclarationFormController.applyOperation(form, op, filing);
        return renderForm(model, form, status, start, false);
    }

    private String renderForm(Model model, DeclarationForm form, DeclarationStatus status, NewDeclaration start,
                              boolean withFindings) {
        formModel.fill(model, form, status, withFindings || form.getId() != null);
        if (start != null) {
            model.addAttribute("units", start.units());
            model.addAttribute("frameworks", start.frameworks());
            model.addAttribute("projectTypes", start.projectTypes());
        }
        return "declaration/form";
    }
}
