package cn.perf.web.declaration;

import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationPage;
import cn.perf.domain.declaration.DeclarationReview;
import cn.perf.domain.declaration.DeclarationReview.ReviewCommand;
import cn.perf.domain.declaration.FinanceGrade;
import cn.perf.domain.declaration.ReviewDecision;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.StaleVersionException;
import cn.perf.domain.shared.Violation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review workflow of a 申报表 (DESIGN.md §4, §7): 主管部门审核 and 财政审核 ({@code POST /declarations/{id}/review}),
 * the review history ({@code GET …/history}), 目标调整 ({@code POST …/adjustment}) and the difference an adjustment
 * makes ({@code GET …/diff}). The rules live in {@link DeclarationReview}; a declaration outside the scope is 404,
 * a step this person may not take is 403, a missing comment is shown next to the comment field.
 */
@Controller
@RequestMapping("/declarations/{id}")
class DeclarationReviewController {

    private final DeclarationReview review;
    private final DeclarationFiling filing;

    DeclarationReviewController(DeclarationReview review, DeclarationFiling filing) {
        this.review = review;
        this.filing = filing;
    }

    @PostMapping("/review")
    String review(Viewer viewer, @PathVariable long id, @RequestParam long version,
                  @RequestParam(required = false) ReviewDecision decision,
                  @RequestParam(required = false) FinanceGrade grade,
                  @RequestParam(required = false) String comment, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            review.review(viewer, new ReviewCommand(id, version, decision, grade, comment));
            redirect.addFlashAttribute("reviewed", grade != null ? "grade." + grade : "decision." + decision);
        } catch (InvalidCommandException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (Violation v : e.violations()) {
                errors.merge(v.path(), v.message(), (a, b) -> a + "；" + b);
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            DeclarationPage page = filing.page(viewer.scope(), id);
            DeclarationController.addReviewModel(model, review, viewer, id);
            model.addAttribute("page", page);
            model.addAttribute("d", page.detail());
            model.addAttribute("reviewErrors", errors);
            model.addAttribute("reviewDecision", decision);
            model.addAttribute("reviewGrade", grade);
            model.addAttribute("reviewComment", comment);
            return "declaration/detail";
        } catch (StaleVersionException | OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("stale", true);
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("problems", List.of(e.getMessage()));
        }
        return "redirect:/declarations/" + id;
    }

    @GetMapping("/history")
    String history(Scope scope, @PathVariable long id, Model model) {
        DeclarationPage page = filing.page(scope, id);
        model.addAttribute("d", page.detail());
        model.addAttribute("history", review.history(scope, id));
        return "declaration/history";
    }

    @PostMapping("/adjustment")
    String adjustment(Scope scope, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        try {
            Long adjustment = review.startAdjustment(scope, id, version);
            redirect.addFlashAttribute("adjustmentStarted", true);
            return "redirect:/declarations/" + adjustment + "/edit";
        } catch (StaleVersionException | OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("stale", true);
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("problems", List.of(e.getMessage()));
        }
        return "redirect:/declarations/" + id;
    }

    @GetMapping("/diff")
    String diff(Scope scope, @PathVariable long id, Model model) {
        model.addAttribute("diff", review.diff(scope, id));
        return "declaration/diff";
    }
}
