package cn.perf.web.todo;

import cn.perf.domain.scope.Viewer;
import cn.perf.domain.todo.Inbox;
import cn.perf.domain.todo.TodoBoard;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 待办 (DESIGN.md §7 {@code GET /todo}): what waits for the signed-in user, by stage, with deadlines and overdue
 * items highlighted, counts per unit for reviewers, and the in-app messages (review outcomes). The top bar's
 * count comes from {@code GET /todo/count}, loaded by htmx after the page, so a page kept by RenderedPages never
 * shows an old count.
 */
@Controller
@PreAuthorize("hasAnyRole('FILER','UNIT_LEADER','DEPARTMENT_REVIEWER','FINANCE_REVIEWER')")
class TodoController {

    /** The finance bureaus' calendar: a deadline ends at midnight China Standard Time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final TodoBoard board;
    private final Inbox inbox;

    TodoController(TodoBoard board, Inbox inbox) {
        this.board = board;
        this.inbox = inbox;
    }

    @GetMapping("/todo")
    String todo(Viewer viewer, Model model) {
        model.addAttribute("sections", board.of(viewer, LocalDate.now(ZONE)));
        model.addAttribute("messages", inbox.recent(viewer.scope().username()));
        model.addAttribute("today", LocalDate.now(ZONE));
        return "todo/index";
    }

    /** The top bar's badge: items waiting plus unread messages. */
    @GetMapping("/todo/count")
    String count(Viewer viewer, Model model) {
        model.addAttribute("count", board.count(viewer) + inbox.unread(viewer.scope().username()));
        return "todo/badge :: badge";
    }

    @PostMapping("/todo/messages/{id}/read")
    String read(Viewer viewer, @PathVariable long id) {
        inbox.markRead(viewer.scope().username(), id);
        return "redirect:/todo";
    }
}
