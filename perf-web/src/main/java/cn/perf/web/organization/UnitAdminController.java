package cn.perf.web.organization;

import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.AdministratorRequired;
import cn.perf.domain.organization.OrganizationAdministration;
import cn.perf.domain.organization.UnitKind;
import cn.perf.domain.organization.UnitRow;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.ResultPage;
import cn.perf.domain.shared.StaleVersionException;
import cn.perf.domain.shared.Violation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 单位管理 (系统管理员 only): the 财政局 → 主管部门 → 预算单位 hierarchy of every region with a search form
 * (地区, 类型, 名称或编码) and pagination, 新增 and 修改 (name, code, kind, parent, region). The rules (unique within
 * the region, parent in the same region, no cycle) are {@link OrganizationAdministration}'s.
 */
@Controller
@RequestMapping("/admin/units")
class UnitAdminController {

    static final String FORM = "unitForm";
    private static final List<String> FIELDS = List.of("code", "name", "kind", "parentId", "region");

    private final OrganizationAdministration organization;

    UnitAdminController(OrganizationAdministration organization) {
        this.organization = organization;
    }

    @InitBinder(FORM)
    void binder(WebDataBinder binder) {
        binder.setAllowedFields(FIELDS.toArray(String[]::new));
    }

    @GetMapping
    String list(Viewer viewer, @RequestParam(required = false) String region,
                @RequestParam(required = false) UnitKind kind, @RequestParam(required = false) String name,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                Model model) {
        String text = name == null || name.isBlank() ? null : name.strip();
        String regionFilter = region == null || region.isBlank() ? null : region;
        List<UnitRow> matching = organization.hierarchy(actor(viewer)).stream()
                .filter(u -> regionFilter == null || u.region().equals(regionFilter))
                .filter(u -> kind == null || u.kind() == kind)
                .filter(u -> text == null || u.name().contains(text) || (u.code() != null && u.code().contains(text)))
                .toList();
        int pageSize = size <= 0 ? 50 : Math.min(size, 200);
        int from = Math.min(Math.max(0, page) * pageSize, matching.size());
        ResultPage<UnitRow> result = new ResultPage<>(matching.subList(from, Math.min(from + pageSize,
                matching.size())), matching.size(), Math.max(0, page), pageSize);
        model.addAttribute("search", new Search(regionFilter, kind, text, pageSize));
        model.addAttribute("result", result);
        model.addAttribute("regions", organization.regions(actor(viewer)));
        model.addAttribute("kinds", UnitKind.values());
        return "admin/units/list";
    }

    /** The list's search form as the page shows it. */
    record Search(String region, UnitKind kind, String name, int size) {
    }

    @GetMapping("/new")
    String newForm(Viewer viewer, @RequestParam(required = false) Long parentId, Model model) {
        UnitForm form = new UnitForm();
        if (parentId != null) {
            UnitRow parent = organization.unit(actor(viewer), parentId);
            form.setParentId(parent.id());
            form.setRegion(parent.region());
            form.setKind(parent.kind() == UnitKind.FINANCE_BUREAU ? UnitKind.DEPARTMENT : UnitKind.BUDGET_UNIT);
        }
        return form(viewer, model, form, null);
    }

    @PostMapping
    String create(Viewer viewer, @ModelAttribute(FORM) UnitForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        try {
            Long id = organization.create(actor(viewer), form.toCommand(null, 0));
            redirect.addFlashAttribute("created", true);
            return "redirect:/admin/units/" + id + "/edit";
        } catch (InvalidCommandException e) {
            reject(result, e.violations());
            return form(viewer, model, form, null);
        }
    }

    @GetMapping("/{id}/edit")
    String edit(Viewer viewer, @PathVariable long id, Model model) {
        UnitRow unit = organization.unit(actor(viewer), id);
        return form(viewer, model, UnitForm.of(unit), unit);
    }

    @PostMapping("/{id}/edit")
    String save(Viewer viewer, @PathVariable long id, @RequestParam long version,
                @ModelAttribute(FORM) UnitForm form, BindingResult result, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        UnitRow unit = organization.unit(actor(viewer), id);
        try {
            organization.change(actor(viewer), form.toCommand(id, version));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/units/" + id + "/edit";
        } catch (InvalidCommandException e) {
            reject(result, e.violations());
            return form(viewer, model, form, unit);
        } catch (StaleVersionException | OptimisticLockingFailureException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            result.reject("admin.stale");
            return form(viewer, model, form, organization.unit(actor(viewer), id));
        }
    }

    private String form(Viewer viewer, Model model, UnitForm form, UnitRow unit) {
        model.addAttribute(FORM, form);
        model.addAttribute("unit", unit);
        model.addAttribute("parents", organization.hierarchy(actor(viewer)).stream()
                .filter(u -> unit == null || !u.id().equals(unit.id()))
                .toList());
        model.addAttribute("regions", organization.regions(actor(viewer)));
        model.addAttribute("kinds", UnitKind.values());
        return "admin/units/form";
    }

    private static void reject(BindingResult result, List<Violation> violations) {
        for (Violation v : violations) {
            if (FIELDS.contains(v.path())) {
                result.rejectValue(v.path(), "violation." + v.code(), v.argsArray(), v.message());
            } else {
                result.reject("violation." + v.code(), v.argsArray(), v.message());
            }
        }
    }

    private static AccountProfile actor(Viewer viewer) {
        return viewer.active() ? viewer.profile() : null;
    }

    @ExceptionHandler(AdministratorRequired.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "error/403";
    }
}
