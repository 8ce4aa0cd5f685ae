package cn.perf.persistence.account;

import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.Role;
import cn.perf.domain.organization.UnitKind;
import cn.perf.domain.scope.ViewerQueries;
import cn.perf.persistence.changes.ChangeFeed;
import cn.perf.persistence.changes.ReadCache;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link ViewerQueries} in one SQL statement: the account, its unit, its roles (an array) and, for a 主管部门审核人,
 * its unit's subtree (a recursive CTE; {@code union} stops at a cycle). It runs on every page request, so it is
 * plain JDBC: no entities, no persistence context, and answered from this node's copy while the change feed keeps it
 * current ({@link ReadCache}).
 */
@Component
public class JdbcViewerQueries implements ViewerQueries {

    static final String SQL = """
            select a.username, a.display_name, a.enabled, u.id as unit_id, u.code, u.name, u.kind, u.region,
                   array(select r.role from user_account_role r where r.user_id = a.id order by r.role) as roles,
                   case when exists (select 1 from user_account_role r
                                     where r.user_id = a.id and r.role = 'DEPARTMENT_REVIEWER')
                        then array(with recursive sub(id) as (
                                       select u.id
                                       union
                                       select b.id from budget_unit b join sub on b.parent_id = sub.id)
                                   select id from sub)
                   end as subtree
            from user_account a join budget_unit u on u.id = a.unit_id
            where a.username = ?""";

    private final JdbcClient jdbc;
    private final ReadCache<String, ViewerRow> kept;

    public JdbcViewerQueries(DataSource dataSource, ObjectProvider<ChangeFeed> feed) {
        this.jdbc = JdbcClient.create(dataSource);
        this.kept = ReadCache.of(feed, "viewers", 100_000);
        feed.ifAvailable(f -> {
            f.on("user_account", changed -> kept.clear());
            f.on("user_account_role", changed -> kept.clear());
            f.on("budget_unit", changed -> kept.clear());
        });
    }

    /**
     * The viewer's row; outside a transaction from this node's copy while the {@link ChangeFeed} keeps it current
     * (any change to an account, a role or the unit tree drops every copy, on every node).
     */
    @Override
    public Optional<ViewerRow> find(String username) {
        return kept.get(username, this::load);
    }

    private Optional<ViewerRow> load(String username) {
        return jdbc.sql(SQL).param(username).query((rs, n) -> row(rs)).optional();
    }

    private static ViewerRow row(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object role : elements(rs.getArray("roles"))) {
            roles.add(Role.valueOf((String) role));
        }
        Set<Long> subtree = new HashSet<>();
        for (Object id : elements(rs.getArray("subtree"))) {
            subtree.add(((Number) id).longValue());
        }
        AccountProfile profile = new AccountProfile(rs.getString("username"), rs.getString("display_name"), roles,
                rs.getLong("unit_id"), rs.getString("code"), rs.getString("name"),
                UnitKind.valueOf(rs.getString("kind")), rs.getString("region"));
        return new ViewerRow(profile, rs.getBoolean("enabled"), subtree);
    }

    private static Object[] elements(Array array) throws SQLException {
        if (array == null) {
            return new Object[0];
        }
        try {
            return (Object[]) array.getArray();
        } finally {
            array.free();
        }
    }
}
