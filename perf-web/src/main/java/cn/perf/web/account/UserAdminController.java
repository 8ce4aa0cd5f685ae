package cn.perf.web.account;

import cn.perf.domain.account.AccountAdministration;
import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.AccountRow;
import cn.perf.domain.account.AccountSearch;
import cn.perf.domain.account.AdministratorRequired;
import cn.perf.domain.account.Role;
import cn.perf.domain.organization.OrganizationAdministration;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.InvalidCommandException;
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
 * 用户管理 (系统管理员 only; the URL rules and {@link AccountAdministration} both check it): the list with its search
 * form, 新增, 修改 (name, unit, roles), 停用 / 启用, 重置密码 (a generated temporary password shown once, on a page
 * that is not cached). No business rule lives here.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    static final String FORM = "userForm";

    private final AccountAdministration accounts;
    private final OrganizationAdministration organization;

    UserAdminController(AccountAdministration accounts, OrganizationAdministration organization) {
        this.accounts = accounts;
        this.organization = organization;
    }

    @InitBinder(FORM)
    void binder(WebDataBinder binder) {
        binder.setAllowedFields("username", "displayName", "unitId", "roles", "initialPassword");
    }

    @GetMapping
    String list(Viewer viewer, @RequestParam(required = false) String username,
                @RequestParam(required = false) String displayName, @RequestParam(required = false) Long unitId,
                @RequestParam(required = false) Role role, @RequestParam(required = false) Boolean enabled,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                Model model) {
        AccountSearch search = new AccountSearch(username, displayName, unitId, role, enabled, page, size);
        model.addAttribute("search", search);
        model.addAttribute("result", accounts.search(actor(viewer), search));
        model.addAttribute("units", organization.hierarchy(actor(viewer)));
        model.addAttribute("roles", Role.values());
        return "admin/users/list";
    }

    @GetMapping("/new")
    String newForm(Viewer viewer, Model model) {
        return form(viewer, model, new UserForm(), null);
    }

    @PostMapping
    String create(Viewer viewer, @ModelAttribute(FORM) UserForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        try {
            Long id = accounts.open(actor(viewer), form.toOpenCommand());
            redirect.addFlashAttribute("created", true);
            return "redirect:/admin/users/" + id + "/edit";
        } catch (InvalidCommandException e) {
            reject(result, e.violations());
            form.setInitialPassword(null);
            return form(viewer, model, form, null);
        }
    }

    @GetMapping("/{id}/edit")
    String edit(Viewer viewer, @PathVariable long id, Model model) {
        AccountRow row = accounts.account(actor(viewer), id);
        return form(viewer, model, UserForm.of(row), row);
    }

    @PostMapping("/{id}/edit")
    String save(Viewer viewer, @PathVariable long id, @RequestParam long version,
                @ModelAttribute(FORM) UserForm form, BindingResult result, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        AccountRow row = accounts.account(actor(viewer), id);
        form.setUsername(row.username());
        try {
            accounts.change(actor(viewer), form.toChangeCommand(id, version));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/users/" + id + "/edit";
        } catch (InvalidCommandException e) {
            reject(result, e.violations());
            return form(viewer, model, form, row);
        } catch (StaleVersionException | OptimisticLockingFailureException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            result.reject("admin.stale");
            return form(viewer, model, form, accounts.account(actor(viewer), id));
        }
    }

    @PostMapping("/{id}/disable")
    String disable(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        try {
            accounts.disable(actor(viewer), id);
            redirect.addFlashAttribute("disabled", true);
        } catch (InvalidCommandException e) {
            redirect.addFlashAttribute("problems", e.violations().stream().map(Violation::message).toList());
        }
        return "redirect:/admin/users/" + id + "/edit";
    }

    @PostMapping("/{id}/enable")
    String enable(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        accounts.enable(actor(viewer), id);
        redirect.addFlashAttribute("enabled", true);
        return "redirect:/admin/users/" + id + "/edit";
    }

    /** The temporary password is on this response only: not in a redirect, a flash attribute or a cache. */
    @PostMapping("/{id}/password")
    String resetPassword(Viewer viewer, @PathVariable long id, Model model, HttpServletResponse response) {
        String temporary = accounts.resetPassword(actor(viewer), id);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("account", accounts.account(actor(viewer), id));
        model.addAttribute("temporaryPassword", temporary);
        return "admin/users/password";
    }

    private String form(Viewer viewer, Model model, UserForm form, AccountRow row) {
        model.addAttribute(FORM, form);
        model.addAttribute("account", row);
        model.addAttribute("units", organization.hierarchy(actor(viewer)));
        model.addAttribute("roles", Role.values());
        return "admin/users/form";
    }

    static void reject(BindingResult result, List<Violation> violations) {
        for (Violation v : violations) {
            if (List.of("username", "displayName", "unitId", "roles", "initialPassword").contains(v.path())) {
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
