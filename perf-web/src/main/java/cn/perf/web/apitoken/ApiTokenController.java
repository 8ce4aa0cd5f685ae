package cn.perf.web.apitoken;

import cn.perf.domain.apitoken.ApiToken;
import cn.perf.domain.apitoken.ApiTokenService;
import cn.perf.domain.apitoken.ApiTokenService.CreateToken;
import cn.perf.domain.apitoken.ApiTokenService.IssuedToken;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.web.shell.FormViolations;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/tokens}: the signed-in user's personal API tokens (issue 11) — list, create (name, validity in
 * days), revoke. A new token's text is shown once, on the page the creation redirects to (a flash attribute: it is
 * kept nowhere after that request); the database holds only its digest. Every signed-in account has the page; a
 * token acts as its owner, so an administrator's token reaches no forms, exactly like the administrator.
 */
@Controller
@RequestMapping("/account/tokens")
class ApiTokenController {

    static final String FORM = "tokenForm";

    private final ApiTokenService tokens;

    ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    String list(@ModelAttribute(FORM) ApiTokenForm form, Principal who, Model model) {
        return render(who, model);
    }

    @PostMapping
    String create(@ModelAttribute(FORM) ApiTokenForm form, BindingResult result, Principal who, Model model,
                  RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return render(who, model);
        }
        try {
            IssuedToken issued = tokens.create(new CreateToken(who.getName(), form.getName(), form.getValidDays()));
            redirect.addFlashAttribute("issued", new Issued(issued.token().name(), issued.text(),
                    issued.token().expiresAt()));
        } catch (InvalidCommandException e) {
            FormViolations.reject(result, e.violations());
            return render(who, model);
        }
        return "redirect:/account/tokens";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, Principal who, RedirectAttributes redirect) {
        tokens.revoke(who.getName(), id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/account/tokens";
    }

    private String render(Principal who, Model model) {
        Instant now = Instant.now();
        List<Row> rows = tokens.list(who.getName()).stream().map(t -> new Row(t, t.stateAt(now))).toList();
        model.addAttribute("tokens", rows);
        model.addAttribute("maxDays", ApiTokenService.MAX_DAYS);
        model.addAttribute("maxName", ApiTokenService.MAX_NAME);
        return "account/tokens";
    }

    /** A token of the list with its state now. */
    public record Row(ApiToken token, ApiToken.State state) {
        public boolean active() {
            return state == ApiToken.State.ACTIVE;
        }
    }

    /** The token just made, for the one page that shows its text. */
    public record Issued(String name, String text, Instant expiresAt) implements java.io.Serializable {
        @Override
        public String toString() {
            return "Issued[" + name + "]";
        }
    }
}
