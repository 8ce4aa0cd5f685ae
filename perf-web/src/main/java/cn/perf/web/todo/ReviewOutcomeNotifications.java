package cn.perf.web.todo;

import cn.perf.domain.shared.DomainEvent;
import cn.perf.domain.todo.Inbox;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Returns and approvals notify the filer in the app (issue 8): the department's approval or return and the
 * bureau's grade become a message to every 填报人 and 单位负责人 of the declaration's unit, in the transaction of the
 * review itself (the message exists exactly when the review does). The text comes from the message bundle
 * ({@code notification.*}, Chinese) with the project name, the grade and the reviewer's comment.
 */
@Component
class ReviewOutcomeNotifications {

    private final Inbox inbox;
    private final MessageSource messages;

    ReviewOutcomeNotifications(Inbox inbox, MessageSource messages) {
        this.inbox = inbox;
        this.messages = messages;
    }

    @EventListener
    void on(DomainEvent event) {
        if (!"declaration".equals(event.subjectType())) {
            return;
        }
        String key = switch (event.action()) {
            case "declaration.reviewed" -> "notification.departmentApproved";
            case "declaration.returned" -> "notification.departmentReturned";
            case "declaration.graded" -> "notification.graded." + event.details().getOrDefault("grade", "");
            default -> null;
        };
        if (key == null) {
            return;
        }
        Long declarationId;
        try {
            declarationId = Long.valueOf(event.subjectId());
        } catch (NumberFormatException e) {
            return; // not a stored declaration's id: nobody to tell
        }
        Map<String, String> d = event.details();
        String comment = d.getOrDefault("comment", "");
        inbox.notifyOwnerOf(declarationId, project -> messages.getMessage(key,
                new Object[] {project, comment == null ? "" : comment}, key, Locale.SIMPLIFIED_CHINESE));
    }
}
