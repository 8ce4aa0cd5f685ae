package cn.perf.web.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final boolean demoData;

    private final SecurityProperties settings;

    LoginController(@Value("${perf.demo-data:false}") boolean demoData, SecurityProperties settings) {
        this.demoData = demoData;
        this.settings = settings;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demoData", demoData);
        model.addAttribute("maxFailures", settings.lockout().maxFailures());
        model.addAttribute("lockMinutes", settings.lockout().duration().toMinutes());
        return "security/login";
    }
}
