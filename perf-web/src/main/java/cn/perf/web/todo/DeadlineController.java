package cn.perf.web.todo;

import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Violation;
import cn.perf.domain.todo.DeadlineSetting;
import cn.perf.domain.todo.Stage;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/deadlines}: the finance bureau (or the system administrator) sets, per fiscal year, the last day
 * of each stage for its own region. Dates are typed as {@code yyyy-MM-dd} (a date input); a malformed date or a
 * broken rule comes back next to its field with everything typed.
 */
@Controller
@RequestMapping("/admin/deadlines")
@PreAuthorize("hasAnyRole('FINANCE_REVIEWER','SYSTEM_ADMIN')")
class DeadlineController {

    private final DeadlineSetting setting;

    DeadlineController(DeadlineSetting setting) {
        this.setting = setting;
    }

    @GetMapping
    String show(Viewer viewer, @RequestParam(required = false) Integer year, Model model) {
        int y = year == null || year < 2000 || year > 2100 ? LocalDate.now(TodoController.ZONE).getYear() + 1 : year;
        Map<String, String> typed = new LinkedHashMap<>();
        setting.forYear(viewer, y).forEach((stage, date) -> typed.put(stage.name(), date == null ? "" : date.toString()));
        return page(model, viewer, y, typed, Map.of());
    }

    @PostMapping
    String save(Viewer viewer, @RequestParam int year, @RequestParam Map<String, String> params, Model model,
                RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<Stage, LocalDate> dates = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            String raw = params.getOrDefault("dates[" + stage.name() + "]", "").strip();
            typed.put(stage.name(), raw);
            if (raw.isEmpty()) {
                dates.put(stage, null);
                continue;
            }
            try {
                dates.put(stage, LocalDate.parse(raw));
            } catch (DateTimeParseException e) {
                errors.put(stage.name(), "deadline.error.date");
            }
        }
        if (!errors.isEmpty()) {
            return page(model, viewer, year, typed, errors);
        }
        try {
            setting.set(viewer, year, dates);
        } catch (InvalidCommandException e) {
            Map<String, String> messages = new LinkedHashMap<>();
            for (Violation v : e.violations()) {
                String stage = v.path().replaceAll("^dates\\[(\\w+)]$", "$1");
                messages.put(stage.equals(v.path()) ? "year" : stage, v.message());
            }
            model.addAttribute("violations", messages);
            return page(model, viewer, year, typed, Map.of());
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/deadlines?year=" + year;
    }

    private static String page(Model model, Viewer viewer, int year, Map<String, String> typed,
                               Map<String, String> errorKeys) {
        model.addAttribute("year", year);
        model.addAttribute("region", viewer.profile().region());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("typed", typed);
        model.addAttribute("errorKeys", errorKeys);
        if (!model.containsAttribute("violations")) {
            model.addAttribute("violations", Map.of());
        }
        return "admin/deadlines";
    }
}
