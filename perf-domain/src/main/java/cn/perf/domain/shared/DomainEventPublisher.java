package cn.perf.domain.shared;

/**
 * Port through which use cases publish {@link DomainEvent}s; perf-web implements it with Spring's application
 * events (synchronous, inside the caller's transaction). A use case never calls the audit log, notifications or
 * the signer directly.
 */
@FunctionalInterface
public interface DomainEventPublisher {

    void publish(DomainEvent event);
}
