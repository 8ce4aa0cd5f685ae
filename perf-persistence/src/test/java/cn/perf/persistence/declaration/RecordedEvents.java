package cn.perf.persistence.declaration;

import cn.perf.domain.shared.DomainEvent;
import cn.perf.domain.shared.DomainEventPublisher;
import java.util.ArrayList;
import java.util.List;

/** A {@link DomainEventPublisher} for tests that construct the use cases: keeps what was published. */
public class RecordedEvents implements DomainEventPublisher {

    private final List<DomainEvent> events = new ArrayList<>();

    @Override
    public synchronized void publish(DomainEvent event) {
        events.add(event);
    }

    public synchronized List<DomainEvent> all() {
        return List.copyOf(events);
    }

    public synchronized void clear() {
        events.clear();
    }
}
