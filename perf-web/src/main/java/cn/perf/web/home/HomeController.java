package cn.perf.web.home;

import cn.perf.domain.scope.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: who is signed in, with which roles, for which unit. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Viewer viewer, Model model) {
        model.addAttribute("profile", viewer.profileIfKnown().orElseThrow());
        return "home/index";
    }
}
