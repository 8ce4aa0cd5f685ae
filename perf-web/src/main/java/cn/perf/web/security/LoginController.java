package cn.perf.web.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final boolean demoData;

    LoginController(@Value("${perf.demo-data:false}") boolean demoData) {
        this.demoData = demoData;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demoData", demoData);
        return "security/login";
    }
}
