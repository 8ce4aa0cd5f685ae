package cn.perf.domain.todo;

import cn.perf.domain.shared.ReadOnly;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Use case: the in-app messages of the 待办 page. Review outcomes are told to the filers of the declaration's unit
 * ({@link #notifyUnit}); each user reads only their own messages (a forged id finds nothing).
 */
@Named
public class Inbox {

    private final Notifications notifications;
    private final TodoQueries queries;
    private final Clock clock;

    @jakarta.inject.Inject
    public Inbox(Notifications notifications, TodoQueries queries) {
        this(notifications, queries, Clock.systemUTC());
    }

    Inbox(Notifications notifications, TodoQueries queries, Clock clock) {
        this.notifications = notifications;
        this.queries = queries;
        this.clock = clock;
    }

    /** Tells every 填报人 and 单位负责人 of {@code unitId}; returns how many were told. */
    @Transactional
    public int notifyUnit(Long unitId, String subjectType, String subjectId, String message) {
        List<String> recipients = queries.filersOf(unitId);
        for (String r : recipients) {
            notifications.save(Notification.to(r, subjectType, subjectId, message, clock.instant()));
        }
        return recipients.size();
    }

    /**
     * Tells the filers of the unit that owns declaration {@code declarationId}; {@code message} receives the
     * project name. Returns how many were told (0 for an unknown declaration).
     */
    @Transactional
    public int notifyOwnerOf(Long declarationId, java.util.function.Function<String, String> message) {
        return queries.owner(declarationId).map(o -> notifyUnit(o.unitId(), "declaration",
                o.declarationId().toString(), message.apply(o.projectName()))).orElse(0);
    }

    /** The newest messages of {@code username}. */
    @Transactional
    @ReadOnly
    public List<Notification> recent(String username) {
        return notifications.findTop20ByRecipientOrderByCreatedAtDescIdDesc(username);
    }

    @Transactional
    @ReadOnly
    public long unread(String username) {
        return notifications.countByRecipientAndReadAtIsNull(username);
    }

    /** Marks one of {@code username}'s messages read; another user's id changes nothing. */
    @Transactional
    public boolean markRead(String username, Long id) {
        return notifications.findByIdAndRecipient(id, username).map(n -> {
            n.markRead(clock.instant());
            return true;
        }).orElse(false);
    }
}
