package cn.perf.web.monitoring;

import cn.perf.domain.shared.CommittedChanges;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * 运行监控 of this node's copies (sessions, accounts, form versions read on every request) and the change feed that
 * keeps them current, as {@code changeFeed} in {@code /actuator/health} (details for a system administrator).
 * Always UP: a feed that is not listening only means every request reads PostgreSQL (slower, never stale), so it must
 * not take the node out of the load balancer. The operator watches {@code live} (false for long: notifications do not
 * arrive, e.g. a pooler in transaction mode), {@code outages} and {@code probesLost} (the listening connection broke),
 * and each copy's hits against loads.
 */
@Component("changeFeedHealthIndicator")
class ChangeFeedHealth extends AbstractHealthIndicator {

    private final CommittedChanges changes;

    ChangeFeedHealth(CommittedChanges changes) {
        this.changes = changes;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CommittedChanges.Status status = changes.status();
        Map<String, Object> copies = new LinkedHashMap<>();
        for (CommittedChanges.CopiesStatus c : status.copies()) {
            copies.put(c.name(), Map.of("size", c.size(), "hits", c.hits(), "loads", c.loads()));
        }
        builder.up()
                .withDetail("live", status.live())
                .withDetail("received", status.received())
                .withDetail("outages", status.outages())
                .withDetail("probesLost", status.probesLost())
                .withDetail("wentLive", status.wentLive())
                .withDetail("copies", copies);
    }
}
