package cn.perf.domain.shared;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened in the domain and that others react to (DESIGN.md §8): the audit log, notifications, PDF
 * signing. Use cases publish events through {@link DomainEventPublisher} inside their transaction; listeners that
 * must be atomic with the change (the audit log) run in that transaction, the others after commit.
 *
 * <p>Every event says enough to be written to the audit log without knowing its type: who, when, what, on which
 * subject, and the facts (before/after values of an edit, a review's grade and comment, …).
 */
public interface DomainEvent {

    /** When it happened. */
    Instant occurredAt();

    /** The username of the person who caused it; {@code system} for scheduled jobs and start-up tasks. */
    String actor();

    /** A stable code, lower-case with dots: {@code declaration.submitted}, {@code account.locked}, … */
    String action();

    /** What kind of thing it happened to: {@code declaration}, {@code evaluation}, {@code account}, {@code unit}, … */
    String subjectType();

    /** The id of that thing, as text (an id, a username). */
    String subjectId();

    /**
     * The facts, in a stable order, for the audit log and notifications: e.g. {@code comment}, {@code grade},
     * {@code before.projectName} / {@code after.projectName}. Values are plain text, never secrets (no passwords,
     * no tokens).
     */
    Map<String, String> details();
}
