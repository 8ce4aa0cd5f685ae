package cn.perf.web.home;

import cn.perf.domain.account.AccountDirectory;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: who is signed in, with which roles, for which unit. */
@Controller
class HomeController {

    private final AccountDirectory directory;

    HomeController(AccountDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/")
    String home(Principal principal, Model model) {
        model.addAttribute("profile", directory.profile(principal.getName()).orElseThrow());
        return "home/index";
    }
}
