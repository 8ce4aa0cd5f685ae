package cn.perf.domain.todo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A message in one user's in-app inbox (a review outcome of their unit's declaration), read or not. */
@Entity
@Table(name = "notification")
public class Notification {

    public static final int MAX_MESSAGE = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recipient", nullable = false, length = 64)
    private String recipient;

    @Column(name = "subject_type", nullable = false, length = 32)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, length = 64)
    private String subjectId;

    @Column(name = "message", nullable = false, length = MAX_MESSAGE)
    private String message;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    public static Notification to(String recipient, String subjectType, String subjectId, String message,
                                  Instant at) {
        Notification n = new Notification();
        n.recipient = Objects.requireNonNull(recipient, "recipient");
        n.subjectType = Objects.requireNonNull(subjectType, "subjectType");
        n.subjectId = Objects.requireNonNull(subjectId, "subjectId");
        String m = Objects.requireNonNull(message, "message");
        n.message = m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE - 1) + "…" : m;
        n.createdAt = Objects.requireNonNull(at, "at");
        return n;
    }

    /** Marks it read (once; later calls keep the first time). */
    public void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public Long id() {
        return id;
    }

    public String recipient() {
        return recipient;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public String message() {
        return message;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant readAt() {
        return readAt;
    }

    public boolean unread() {
        return readAt == null;
    }
}
