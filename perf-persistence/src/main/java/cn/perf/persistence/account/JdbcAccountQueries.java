package cn.perf.persistence.account;

import cn.perf.domain.account.AccountQueries;
import cn.perf.domain.account.AccountRow;
import cn.perf.domain.account.AccountSearch;
import cn.perf.domain.account.Role;
import cn.perf.domain.organization.UnitKind;
import cn.perf.domain.shared.ResultPage;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link AccountQueries} in plain SQL: the page of accounts with their unit and roles (an array) in one statement,
 * the total in a window function, never the password hash.
 */
@Component
class JdbcAccountQueries implements AccountQueries {

    private static final String SELECT = """
            select a.id, a.username, a.display_name, a.enabled, a.created_at, a.version,
                   u.id as unit_id, u.code, u.name, u.kind, u.region,
                   array(select r.role from user_account_role r where r.user_id = a.id order by r.role) as roles,
                   count(*) over () as total
            from user_account a join budget_unit u on u.id = a.unit_id
            """;

    private final JdbcClient jdbc;

    JdbcAccountQueries(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public ResultPage<AccountRow> search(AccountSearch s) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        List<Object> params = new ArrayList<>();
        if (s.username() != null) {
            sql.append(" and a.username ilike ? escape '\\'");
            params.add(like(s.username()));
        }
        if (s.displayName() != null) {
            sql.append(" and a.display_name ilike ? escape '\\'");
            params.add(like(s.displayName()));
        }
        if (s.unitId() != null) {
            sql.append(" and a.unit_id = ?");
            params.add(s.unitId());
        }
        if (s.role() != null) {
            sql.append(" and exists (select 1 from user_account_role r where r.user_id = a.id and r.role = ?)");
            params.add(s.role().name());
        }
        if (s.enabled() != null) {
            sql.append(" and a.enabled = ?");
            params.add(s.enabled());
        }
        sql.append(" order by u.region, a.username limit ? offset ?");
        params.add(s.size());
        params.add((long) s.page() * s.size());
        long[] total = {0};
        List<AccountRow> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            total[0] = rs.getLong("total");
            return row(rs);
        }).list();
        if (rows.isEmpty() && s.page() > 0) {
            Long count = jdbc.sql("select count(*) from (" + sql.substring(0, sql.indexOf(" order by"))
                    + ") c").params(params.subList(0, params.size() - 2)).query(Long.class).single();
            total[0] = count;
        }
        return new ResultPage<>(rows, total[0], s.page(), s.size());
    }

    @Override
    public Optional<AccountRow> find(Long id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query((rs, n) -> row(rs)).optional();
    }

    private static String like(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static AccountRow row(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Array array = rs.getArray("roles");
        try {
            for (Object role : (Object[]) array.getArray()) {
                roles.add(Role.valueOf((String) role));
            }
        } finally {
            array.free();
        }
        Timestamp created = rs.getTimestamp("created_at");
        return new AccountRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getLong("unit_id"), rs.getString("code"), rs.getString("name"),
                UnitKind.valueOf(rs.getString("kind")), rs.getString("region"), roles, rs.getBoolean("enabled"),
                created == null ? null : created.toInstant(), rs.getLong("version"));
    }
}
