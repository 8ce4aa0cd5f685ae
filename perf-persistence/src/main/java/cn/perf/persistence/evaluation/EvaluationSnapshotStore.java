package cn.perf.persistence.evaluation;

import cn.perf.domain.evaluation.EvaluationSnapshots;
import cn.perf.domain.evaluation.EvaluationStamp;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.domain.evaluation.SelfEvaluationQueries;
import cn.perf.persistence.changes.ChangeFeed;
import cn.perf.persistence.changes.ReadCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link EvaluationSnapshots}: the stamp in one primary-key read (plain JDBC, no transaction, no persistence
 * context: it runs on every live preview), and detached aggregates kept by id, each valid for exactly the version
 * it was read at. A save on any node bumps the version, so the next preview reloads; nothing but a copy of a stored
 * version is kept in memory, so a second node needs nothing from this one. Bounded (500 forms of ~40 rows); idle
 * entries leave after 10 minutes.
 */
@Component
class EvaluationSnapshotStore implements EvaluationSnapshots {

    private static final String SQL = """
            select e.id, e.unit_id, u.region, e.version, e.status, d.framework_code
            from self_evaluation e join budget_unit u on u.id = e.unit_id
            left join declaration d on d.id = e.declaration_id
            where e.id = ?""";

    private final Cache<Long, SelfEvaluation> kept = Caffeine.newBuilder().maximumSize(500)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final JdbcClient jdbc;
    private final SelfEvaluationQueries queries;
    private final ReadCache<Long, EvaluationStamp> stamps;

    EvaluationSnapshotStore(DataSource dataSource, SelfEvaluationQueries queries, ObjectProvider<ChangeFeed> feed) {
        this.jdbc = JdbcClient.create(dataSource);
        this.queries = queries;
        this.stamps = ReadCache.of(feed, "evaluation stamps", 200_000);
        feed.ifAvailable(f -> {
            f.on("self_evaluation", ReadCache.byId(stamps));
            f.on("budget_unit", changed -> stamps.clear()); // the region
            // The framework code comes from the approved 申报表 the form was started from, which no longer changes
            // (a 目标调整 is a declaration of its own); a truncate still drops everything.
            f.on("declaration", id -> {
                if (id.isEmpty()) {
                    stamps.clear();
                }
            });
        });
    }

    /**
     * The stamp; outside a transaction from this node's copy while the {@link ChangeFeed} keeps it current (a
     * committed change of the row, on any node, drops it).
     */
    @Override
    public Optional<EvaluationStamp> stamp(Long id) {
        Optional<EvaluationStamp> stamp = stamps.get(id, this::load);
        if (stamp.isEmpty()) {
            kept.invalidate(id);
        }
        return stamp;
    }

    private Optional<EvaluationStamp> load(Long id) {
        return jdbc.sql(SQL).param(id).query((rs, n) -> new EvaluationStamp(
                rs.getLong("id"), rs.getLong("unit_id"), rs.getString("region"), rs.getLong("version"),
                EvaluationStatus.valueOf(rs.getString("status")), rs.getString("framework_code"))).optional();
    }

    @Override
    public Optional<SelfEvaluation> detached(EvaluationStamp stamp) {
        SelfEvaluation found = kept.getIfPresent(stamp.id());
        if (found != null && found.version() == stamp.version()) {
            return Optional.of(found);
        }
        Optional<SelfEvaluation> loaded = queries.detached(stamp.id());
        loaded.ifPresent(e -> kept.put(stamp.id(), e));
        return loaded;
    }
}
