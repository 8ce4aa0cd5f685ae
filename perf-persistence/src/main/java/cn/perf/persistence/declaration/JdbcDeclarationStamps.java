package cn.perf.persistence.declaration;

import cn.perf.domain.declaration.DeclarationStamp;
import cn.perf.domain.declaration.DeclarationStamps;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.template.FormLayout;
import cn.perf.persistence.changes.ChangeFeed;
import cn.perf.persistence.changes.ReadCache;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link DeclarationStamps} in one primary-key read joined to the unit's region. Plain JDBC: it runs before every
 * page of a declaration is served, and an entity query with a persistence context would cost several times the
 * statement itself.
 */
@Component
public class JdbcDeclarationStamps implements DeclarationStamps {

    private static final String SQL = """
            select d.id, d.unit_id, u.region, d.version, d.status, d.adjusts_id, d.adjustment_open, d.layout,
                   d.fiscal_year, d.framework_code
            from declaration d join budget_unit u on u.id = d.unit_id
            where d.id = ?""";

    private final JdbcClient jdbc;
    private final ReadCache<Long, DeclarationStamp> kept;

    public JdbcDeclarationStamps(DataSource dataSource, ObjectProvider<ChangeFeed> feed) {
        this.jdbc = JdbcClient.create(dataSource);
        this.kept = ReadCache.of(feed, "declaration stamps", 200_000);
        feed.ifAvailable(f -> {
            f.on("declaration", ReadCache.byId(kept));
            f.on("budget_unit", changed -> kept.clear()); // the region
        });
    }

    /**
     * The stamp; outside a transaction from this node's copy while the {@link ChangeFeed} keeps it current (a
     * committed change of the row, on any node, drops it).
     */
    @Override
    public Optional<DeclarationStamp> stamp(Long id) {
        return kept.get(id, this::load);
    }

    private Optional<DeclarationStamp> load(Long id) {
        return jdbc.sql(SQL).param(id).query((rs, n) -> new DeclarationStamp(rs.getLong("id"), rs.getLong("unit_id"),
                rs.getString("region"), rs.getLong("version"), DeclarationStatus.valueOf(rs.getString("status")),
                rs.getObject("adjusts_id", Long.class), rs.getBoolean("adjustment_open"),
                FormLayout.valueOf(rs.getString("layout")), rs.getInt("fiscal_year"), rs.getString("framework_code")))
                .optional();
    }
}
