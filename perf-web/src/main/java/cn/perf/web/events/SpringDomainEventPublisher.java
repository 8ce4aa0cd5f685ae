package cn.perf.web.events;

import cn.perf.domain.shared.DomainEvent;
import cn.perf.domain.shared.DomainEventPublisher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@link DomainEventPublisher} on Spring's application events: listeners annotated {@code @EventListener} run
 * synchronously in the publishing transaction (the audit log: written with the change or not at all);
 * {@code @TransactionalEventListener} ones run after commit (notifications, PDF signing).
 */
@Component
class SpringDomainEventPublisher implements DomainEventPublisher {

    private final ApplicationEventPublisher events;

    SpringDomainEventPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void publish(DomainEvent event) {
        events.publishEvent(event);
    }
}
