package cn.perf.web.evaluation;

import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.evaluation.EvaluationCommands.RecordEvaluation;
import cn.perf.domain.evaluation.EvaluationFiling;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.EvaluationPage;
import cn.perf.domain.evaluation.EvaluationSearch;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.ScoreBoard;
import cn.perf.domain.evaluation.SelfEvaluationReview;
import cn.perf.domain.evaluation.WorkflowException;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.shared.StaleVersionException;
import cn.perf.domain.shared.Violation;
import cn.perf.web.shell.FormBinding;
import cn.perf.web.shell.FormViolations;
import cn.perf.web.shell.ListLinks;
import cn.perf.web.shell.RenderedPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 绩效自评表 pages (DESIGN.md §7): list, start from an approved declaration, read view with the reviewer's
 * actions, edit with the live score (htmx posts the unsaved form to {@code /preview}, debounced), save, submit,
 * review, and the what-if under another regime. Every action runs in the signed-in user's scope (a form outside it
 * is 404); the rules live in {@link EvaluationFiling} and {@link SelfEvaluationReview}, none here.
 */
@Controller
class EvaluationController {

    static final String FORM = "form";
    private static final String FORM_VIEW = "evaluation/form";
    private static final String DETAIL_VIEW = "evaluation/detail";

    private final EvaluationFiling filing;
    private final SelfEvaluationReview review;
    private final DeclarationFiling declarations;
    private final RenderedPages pages;

    EvaluationController(EvaluationFiling filing, SelfEvaluationReview review, DeclarationFiling declarations,
                         RenderedPages pages) {
        this.filing = filing;
        this.review = review;
        this.declarations = declarations;
        this.pages = pages;
    }

    @InitBinder(FORM)
    void binder(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(EvaluationForm.MAX_ROWS + 1);
        FormBinding.withoutFieldMarkers(binder);
    }

    // ------------------------------------------------------------------ list, start

    @GetMapping("/evaluations")
    String list(Scope scope, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Long unitId, @RequestParam(required = false) EvaluationLayout layout,
                @RequestParam(required = false) EvaluationStatus status,
                @RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "20") int size,
                @RequestParam(defaultValue = "YEAR") EvaluationSearch.Sort sort,
                @RequestParam(defaultValue = "desc") String dir, Model model, HttpServletRequest request) {
        EvaluationSearch search = new EvaluationSearch(year, unitId, layout, status, name, page, size, sort,
                "asc".equalsIgnoreCase(dir));
        model.addAttribute("search", search);
        model.addAttribute("result", filing.search(scope, search));
        model.addAttribute("units", scope.seesSeveralUnits() ? declarations.visibleUnits(scope) : List.of());
        model.addAttribute("statuses", EvaluationStatus.values());
        model.addAttribute("layouts", EvaluationLayout.values());
        model.addAttribute("years", years());
        model.addAttribute("pageHref", ListLinks.pageHref(request));
        model.addAttribute("sortHref", ListLinks.sortHref(request));
        model.addAttribute("summaryHref", ListLinks.exportHref(request, "summary.xlsx"));
        model.addAttribute("zipHref", ListLinks.exportHref(request, "pdfs.zip"));
        return "evaluation/list";
    }

    private static List<Integer> years() {
        List<Integer> out = new ArrayList<>();
        for (int y = Year.now().getValue(); y >= 2018; y--) {
            out.add(y);
        }
        return out;
    }

    @PostMapping("/declarations/{id}/evaluation")
    String start(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
        try {
            Long evaluation = filing.start(scope, id);
            redirect.addFlashAttribute("started", true);
            return "redirect:/evaluations/" + evaluation + "/edit";
        } catch (WorkflowException | IllegalArgumentException e) {
            // IllegalArgumentException: a declaration the carry-over cannot read (NATIONAL_2021 sets no points)
            redirect.addFlashAttribute("problems", List.of(e.getMessage()));
            return "redirect:/declarations/" + id;
        }
    }

    // ------------------------------------------------------------------ read, edit, save

    /**
     * The read view, served like the edit page: rendered once per version and viewer, then kept
     * ({@link RenderedPages}) and sent after one indexed read of the form's version and the scope check.
     */
    @GetMapping("/evaluations/{id}")
    ModelAndView detail(Viewer viewer, @PathVariable long id, Model model, HttpServletRequest request) {
        EvaluationFiling.PageStamp stamp = filing.stamp(viewer.scope(), id);
        Optional<ModelAndView> cached = pages.cached(request, viewer, DETAIL_VIEW, id, stamp.version());
        if (cached.isPresent()) {
            return cached.get();
        }
        EvaluationPage page = filing.page(viewer, id);
        model.addAttribute("page", page);
        model.addAttribute("d", page.detail());
        model.addAttribute("board", page.board());
        return pages.render(request, viewer, DETAIL_VIEW, id, page.detail().version());
    }

    /**
     * The edit page with the stored form's scores. A version this viewer has opened before is sent as it was rendered
     * (the scores are the engine's on that very version); the live score then answers each change.
     */
    @GetMapping("/evaluations/{id}/edit")
    ModelAndView edit(Viewer viewer, @PathVariable long id, Model model, HttpServletRequest request) {
        EvaluationFiling.PageStamp stamp = filing.stamp(viewer.scope(), id);
        if (!stamp.editable()) {
            return new ModelAndView("redirect:/evaluations/" + id);
        }
        Optional<ModelAndView> cached = pages.cached(request, viewer, FORM_VIEW, id, stamp.version());
        if (cached.isPresent()) {
            return cached.get();
        }
        EvaluationPage page = filing.page(viewer, id);
        if (!page.editable()) {
            return new ModelAndView("redirect:/evaluations/" + id);
        }
        model.addAttribute(FORM, EvaluationForm.from(page.detail()));
        renderForm(model, page, page.board(), page.detail().version());
        return pages.render(request, viewer, FORM_VIEW, id, page.detail().version());
    }

    @PostMapping("/evaluations/{id}/edit")
    String save(Viewer viewer, @PathVariable long id, @ModelAttribute(FORM) EvaluationForm form,
                BindingResult result, @RequestParam long version,
                @RequestParam(name = "_op", required = false) String op, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        EvaluationPage page = filing.page(viewer, id);
        if (!page.editable()) {
            return "redirect:/evaluations/" + id;
        }
        RecordEvaluation cmd = form.toCommand(id, version, page.detail().layout(), result);
        if (result.hasErrors()) {
            return renderForm(model, page, filing.preview(viewer.scope(), cmd), version);
        }
        long saved;
        try {
            saved = filing.save(viewer.scope(), cmd);
        } catch (InvalidCommandException e) {
            FormViolations.reject(result, e.violations());
            return renderForm(model, page, filing.preview(viewer.scope(), cmd), version);
        } catch (StaleVersionException | OptimisticLockingFailureException e) {
            // nothing typed is lost: the form comes back as typed, now against the stored version, with a warning
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("stale", true);
            EvaluationPage current = filing.page(viewer, id);
            return renderForm(model, current, filing.preview(viewer.scope(), form.toCommand(id,
                    current.detail().version(), current.detail().layout(), null)), current.detail().version());
        }
        if ("submit".equals(op)) {
            // the version the save committed: the one it returns is read before the flush that increments it
            return submit(viewer.scope(), id, filing.version(viewer.scope(), id), redirect);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/evaluations/" + id + "/edit";
    }

    /** The live score of the unsaved form (htmx, debounced): the score board and each row's score cells. */
    @PostMapping("/evaluations/{id}/preview")
    String preview(Scope scope, @PathVariable long id, @ModelAttribute(FORM) EvaluationForm form,
                   BindingResult result, @RequestParam long version, @RequestParam EvaluationLayout layout,
                   @RequestParam(name = LiveParts.FIELD, required = false) String shown, Model model) {
        ScoreBoard board = filing.preview(scope, form.toCommand(id, version, layout, result));
        LiveParts.Answer live = LiveParts.answer(board, shown);
        model.addAttribute("board", board);
        model.addAttribute("live", live);
        model.addAttribute("liveShown", live.shown());
        model.addAttribute("oob", true);
        return "evaluation/form :: live";
    }

    @PostMapping("/evaluations/{id}/submit")
    String submit(Scope scope, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        try {
            filing.submit(scope, id, version);
            redirect.addFlashAttribute("submitted", true);
            return "redirect:/evaluations/" + id;
        } catch (InvalidCommandException e) {
            redirect.addFlashAttribute("problems", e.violations().stream().map(Violation::message).toList());
        } catch (WorkflowException e) {
            redirect.addFlashAttribute("problems", List.of(e.getMessage()));
        } catch (StaleVersionException | OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("stale", true);
        }
        return "redirect:/evaluations/" + id + "/edit";
    }

    // ------------------------------------------------------------------ review, what-if

    /**
     * The reviewer's steps: {@code START} (开始审核), {@code ADJUST} (调整评分 of row {@code position} with a
     * {@code reason}), {@code CONFIRM} (确认), {@code RETURN} (退回 with a {@code comment}).
     */
    @PostMapping("/evaluations/{id}/review")
    String review(Viewer viewer, @PathVariable long id, @RequestParam long version, @RequestParam String action,
                  @RequestParam(required = false) Integer position, @RequestParam(required = false) String score,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String comment,
                  RedirectAttributes redirect) {
        try {
            switch (action) {
                case "START" -> review.startReview(viewer, id, version);
                case "ADJUST" -> {
                    filing.version(viewer.scope(), id); // outside the scope: 404 before the score is even read
                    filing.adjust(viewer, id, version, position == null ? 0 : position, adjustedScore(score), reason);
                }
                case "CONFIRM" -> review.confirm(viewer, id, version);
                case "RETURN" -> review.returnForRevision(viewer, id, version, comment);
                default -> throw new NotFoundException("未知的审核操作：" + action);
            }
            redirect.addFlashAttribute("reviewed", "evaluation.review.done." + action);
        } catch (InvalidCommandException e) {
            redirect.addFlashAttribute("problems", e.violations().stream().map(Violation::message).toList());
        } catch (WorkflowException | IllegalArgumentException e) {
            redirect.addFlashAttribute("problems", List.of(e.getMessage()));
        } catch (StaleVersionException | OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("stale", true);
        }
        return "redirect:/evaluations/" + id;
    }

    private static BigDecimal adjustedScore(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("请填写调整后的得分");
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("调整后的得分“" + text.strip() + "”不是数字");
        }
    }

    @GetMapping("/evaluations/{id}/compare")
    String compare(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String regime,
                   Model model) {
        model.addAttribute("c", filing.compare(viewer, id, regime));
        return "evaluation/compare";
    }

    // ------------------------------------------------------------------ rendering, errors

    private String renderForm(Model model, EvaluationPage page, ScoreBoard board,
                              long version) {
        model.addAttribute("page", page);
        model.addAttribute("d", page.detail());
        model.addAttribute("board", board);
        model.addAttribute("liveShown", LiveParts.shown(board));
        model.addAttribute("version", version);
        return FORM_VIEW;
    }
}
