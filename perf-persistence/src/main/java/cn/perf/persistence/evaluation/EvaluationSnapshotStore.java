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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link EvaluationSnapshots}: the stamp in one primary-key read (plain JDBC, no transaction, no persistence
 * context: it runs on every live preview), and detached aggregates kept by id, each valid for exactly the version
 * it was read at. A save on any node bumps the version, so the next preview reloads; nothing but a copy of a stored
 * version is kept in memory, so a second node needs nothing from this one.
 *
 * <p>Bounded by memory, not by a count of forms: at most {@code perf.evaluation-cache.max-size-mb} MB (by default a
 * 32nd of the maximum heap, as the web module's caches take their shares) by an estimate of each form's size; idle
 * entries leave after 10 minutes. The earlier bound of 500 forms was smaller than the forms in use in a deadline
 * week: at 1,200 Gatling users, each scoring their own 自评表 every minute or so, nearly every live preview read its
 * form again (half of the preview's CPU, docs/performance.md).
 */
@Component
class EvaluationSnapshotStore implements EvaluationSnapshots {

    private static final String SQL = """
            select e.id, e.unit_id, u.region, e.version, e.status, d.framework_code
            from self_evaluation e join budget_unit u on u.id = e.unit_id
            left join declaration d on d.id = e.declaration_id
            where e.id = ?""";

    static final int HEAP_SHARE = 32;
    private static final long MB = 1024 * 1024;

    private final Cache<Long, SelfEvaluation> kept;
    private final boolean keeping;
    private final JdbcClient jdbc;
    private final SelfEvaluationQueries queries;
    private final ReadCache<Long, EvaluationStamp> stamps;

    EvaluationSnapshotStore(DataSource dataSource, SelfEvaluationQueries queries, ObjectProvider<ChangeFeed> feed,
                            @Value("${perf.evaluation-cache.max-size-mb:-1}") long configuredMb) {
        long maxSizeMb = configuredMb >= 0 ? configuredMb
                : Math.max(16, Runtime.getRuntime().maxMemory() / MB / HEAP_SHARE);
        this.keeping = maxSizeMb > 0;
        this.kept = Caffeine.newBuilder().maximumWeight(Math.max(1, maxSizeMb) * MB)
                .weigher((Long id, SelfEvaluation e) -> weight(e))
                .expireAfterAccess(Duration.ofMinutes(10)).build();
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
        if (keeping) {
            loaded.ifPresent(e -> kept.put(stamp.id(), e));
        }
        return loaded;
    }

    /** Forms kept now (tests). */
    long size() {
        kept.cleanUp();
        return kept.estimatedSize();
    }

    /** A rough size in bytes: a few hundred bytes of text and numbers per row, and the form's texts. */
    private static int weight(SelfEvaluation e) {
        int rows = e.indicators().size() + e.subProjects().size() + e.nationalFunds().size() + e.adjustments().size()
                + e.findings().size() + e.categories().size();
        return 8_192 + rows * 1_024;
    }
}
