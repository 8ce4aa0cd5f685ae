package cn.perf.domain.audit;

import java.time.Instant;

/**
 * The audit page's search: a time range ({@code from} inclusive, {@code to} exclusive), the actor (exact), the
 * action (exact, or a prefix ending in a dot: {@code login.} finds every login), the subject type and id (exact),
 * a text anywhere in the details (any case), and a page. Every criterion may be null (not filtered). Newest first.
 *
 * @param page 0-based
 * @param size rows per page, 1–{@value #MAX_SIZE}
 */
public record AuditSearch(Instant from, Instant to, String actor, String action, String subjectType,
                          String subjectId, String text, int page, int size) {

    public static final int MAX_SIZE = 200;

    public AuditSearch {
        actor = blankToNull(actor);
        action = blankToNull(action);
        subjectType = blankToNull(subjectType);
        subjectId = blankToNull(subjectId);
        text = blankToNull(text);
        page = Math.max(0, page);
        size = size < 1 ? 20 : Math.min(size, MAX_SIZE);
    }

    public static AuditSearch all() {
        return new AuditSearch(null, null, null, null, null, null, null, 0, 20);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
