package cn.perf.web.security;

import cn.perf.domain.account.AccountSecurity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/security/locks}: the security administrator (安全管理员) sees locked accounts and unlocks them. */
@Controller
@RequestMapping("/admin/security/locks")
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class AccountLocksController {

    private final AccountSecurity security;

    AccountLocksController(AccountSecurity security) {
        this.security = security;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("locks", security.lockedAccounts());
        model.addAttribute("lockout", security.lockout());
        return "security/locks";
    }

    @PostMapping("/unlock")
    String unlock(@RequestParam String username, Authentication who, RedirectAttributes redirect) {
        boolean unlocked = security.unlock(username, who.getName());
        redirect.addFlashAttribute(unlocked ? "unlocked" : "notLocked", username);
        return "redirect:/admin/security/locks";
    }
}
