package cn.perf.web.audit;

import cn.perf.domain.shared.DomainEvent;
import java.time.Instant;
import java.util.Map;

/** What the audit administrator does with the log (export, verify): itself recorded in the log. */
record AuditAction(Instant occurredAt, String actor, String action, String subjectType, String subjectId,
                   Map<String, String> details) implements DomainEvent {
}
