package cn.perf.web.audit;

import cn.perf.domain.audit.AuditLog;
import cn.perf.domain.audit.AuditRecord;
import cn.perf.domain.shared.DomainEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit log (DESIGN.md §4, §8). Every {@link DomainEvent} becomes one entry, synchronously and in the
 * publishing transaction: if the change rolls back, so does its entry. That covers state changes and edits
 * (workflow), lockouts, unlocks and password changes, and refused access ({@code access.refused}, published by the
 * 403 handler; this class does not listen to Spring Security's authorization events, so nothing is recorded twice).
 * Sign-ins are recorded from Spring Security's authentication events: {@code login.succeeded} and
 * {@code login.failed} (with the reason, never the password). The address is the request's remote address (behind
 * a proxy, the client's, when {@code server.forward-headers-strategy} is set).
 */
@Component
class AuditRecorder {

    private final AuditLog log;

    AuditRecorder(AuditLog log) {
        this.log = log;
    }

    /**
     * In a transaction the entry is appended at its very end (issue 12): after the persistence context is flushed,
     * right before the commit, still in the same transaction. An append locks the chain head until the commit, so
     * the lock is held for the append and the commit only, not for the rest of the use case and Hibernate's flush
     * of the form's rows; under load every audited change of every user queued behind that lock (JFR, docs/performance.md).
     * The record (time, actor, address) is taken when the event happens. Outside a transaction: at once, as before.
     */
    @EventListener
    void on(DomainEvent event) {
        AuditRecord record = AuditRecord.of(event, currentAddress());
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()
                || org.springframework.transaction.support.TransactionSynchronizationManager
                .isCurrentTransactionReadOnly()) {
            log.append(record);
            return;
        }
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        // JdbcAuditLog.append flushes the transaction's persistence context first, so the chain
                        // head is locked after Hibernate's writes (this asked TransactionAspectSupport for the status,
                        // which is no longer bound at the commit: a NoTransactionException on every save, no flush)
                        log.append(record);
                    }
                });
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        Authentication who = event.getAuthentication();
        log.append(new AuditRecord(Instant.ofEpochMilli(event.getTimestamp()), who.getName(), address(who),
                "login.succeeded", "account", who.getName(), Map.of()));
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String name = attempt.getName(); // the user name typed; the credentials are never read
        Map<String, String> details = new LinkedHashMap<>();
        details.put("reason", event.getException().getClass().getSimpleName());
        log.append(new AuditRecord(Instant.ofEpochMilli(event.getTimestamp()), name, address(attempt),
                "login.failed", "account", name, details));
    }

    private static String address(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
            return web.getRemoteAddress();
        }
        return currentAddress();
    }

    /** The remote address of the request this thread serves, or null (scheduled jobs, start-up). */
    static String currentAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
