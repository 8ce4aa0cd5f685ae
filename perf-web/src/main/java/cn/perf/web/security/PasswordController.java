package cn.perf.web.security;

import cn.perf.domain.account.AccountSecurity;
import cn.perf.domain.account.PasswordPolicy;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Violation;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /account/password}: the signed-in user changes their own password (current, new, repeat). */
@Controller
@RequestMapping("/account/password")
class PasswordController {

    private final AccountSecurity security;
    private final PasswordPolicy policy;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    PasswordController(AccountSecurity security, PasswordPolicy policy) {
        this.security = security;
        this.policy = policy;
    }

    @ModelAttribute("policy")
    PasswordPolicy policy() {
        return policy;
    }

    @GetMapping
    String form(@ModelAttribute("passwordForm") PasswordForm form, Authentication who, Model model) {
        model.addAttribute("mustChange", mustChange(who));
        return "security/password";
    }

    @PostMapping
    String change(@ModelAttribute("passwordForm") PasswordForm form, BindingResult result, Authentication who,
                  Model model, RedirectAttributes redirect, HttpServletRequest request,
                  HttpServletResponse response) {
        try {
            security.changeOwnPassword(form.toCommand(who.getName()));
        } catch (InvalidCommandException e) {
            for (Violation v : e.violations()) {
                result.rejectValue(v.path(), "violation." + v.code(), v.argsArray(), v.message());
            }
            form.clear();
            model.addAttribute("mustChange", mustChange(who));
            return "security/password";
        }
        if (mustChange(who)) {
            List<GrantedAuthority> rest = who.getAuthorities().stream()
                    .filter(a -> !PasswordChangeRequiredFilter.AUTHORITY.equals(a.getAuthority()))
                    .map(a -> (GrantedAuthority) a).toList();
            UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(
                    who.getPrincipal(), null, rest);
            updated.setDetails(who.getDetails());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(updated);
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
        redirect.addFlashAttribute("passwordChanged", true);
        return "redirect:/account/password?changed";
    }

    private static boolean mustChange(Authentication who) {
        return who.getAuthorities().stream()
                .anyMatch(a -> PasswordChangeRequiredFilter.AUTHORITY.equals(a.getAuthority()));
    }
}
