package cn.perf.persistence.todo;

import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.todo.Stage;
import cn.perf.domain.todo.TodoQueries;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link TodoQueries} in plain SQL: one statement per list, one per count. The scope is in the {@code where}
 * clause (unit ids, or every unit of a region), as in the list page.
 */
@Component
public class JdbcTodoQueries implements TodoQueries {

    private final JdbcClient jdbc;

    public JdbcTodoQueries(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public List<WaitingDeclaration> declarations(Collection<Long> unitIds, String region,
                                                 Collection<DeclarationStatus> statuses, int limit) {
        Filter f = filter(unitIds, region, statuses);
        if (f == null) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(f.params);
        params.add(limit);
        return jdbc.sql("""
                select d.id, d.project_name, d.unit_id, u.name as unit_name, u.region, d.fiscal_year, d.status,
                       d.status_changed_at, d.review_comment
                from declaration d join budget_unit u on u.id = d.unit_id
                where """ + f.where + """
                 order by d.status_changed_at, d.id limit ?""").params(params)
                .query((rs, n) -> new WaitingDeclaration(rs.getLong("id"), rs.getString("project_name"),
                        rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("region"),
                        rs.getInt("fiscal_year"), DeclarationStatus.valueOf(rs.getString("status")),
                        instant(rs.getTimestamp("status_changed_at")), rs.getString("review_comment")))
                .list();
    }

    @Override
    public long count(Collection<Long> unitIds, String region, Collection<DeclarationStatus> statuses) {
        Filter f = filter(unitIds, region, statuses);
        if (f == null) {
            return 0;
        }
        return jdbc.sql("select count(*) from declaration d join budget_unit u on u.id = d.unit_id where " + f.where)
                .params(f.params).query(Long.class).single();
    }

    @Override
    public List<UnitCount> countByUnit(Collection<Long> unitIds, String region,
                                       Collection<DeclarationStatus> statuses) {
        Filter f = filter(unitIds, region, statuses);
        if (f == null) {
            return List.of();
        }
        return jdbc.sql("""
                select u.id, u.name, count(*) as n
                from declaration d join budget_unit u on u.id = d.unit_id
                where """ + f.where + """
                 group by u.id, u.name order by u.name""").params(f.params)
                .query((rs, n) -> new UnitCount(rs.getLong("id"), rs.getString("name"), rs.getLong("n"))).list();
    }

    @Override
    public List<UnitCount> countByDepartment(Collection<Long> unitIds, String region,
                                             Collection<DeclarationStatus> statuses) {
        Filter f = filter(unitIds, region, statuses);
        if (f == null) {
            return List.of();
        }
        return jdbc.sql("""
                select g.id, g.name, count(*) as n
                from declaration d join budget_unit u on u.id = d.unit_id
                     left join budget_unit p on p.id = u.parent_id
                     join budget_unit g on g.id = case when u.kind = 'BUDGET_UNIT' and p.id is not null
                                                       then p.id else u.id end
                where """ + f.where + """
                 group by g.id, g.name order by g.name""").params(f.params)
                .query((rs, n) -> new UnitCount(rs.getLong("id"), rs.getString("name"), rs.getLong("n"))).list();
    }

    @Override
    public java.util.Optional<DeclarationOwner> owner(Long declarationId) {
        return jdbc.sql("select id, unit_id, project_name from declaration where id = ?").param(declarationId)
                .query((rs, n) -> new DeclarationOwner(rs.getLong("id"), rs.getLong("unit_id"),
                        rs.getString("project_name"))).optional();
    }

    @Override
    public List<String> filersOf(Long unitId) {
        return jdbc.sql("""
                select distinct a.username from user_account a join user_account_role r on r.user_id = a.id
                where a.unit_id = ? and a.enabled and r.role in ('FILER', 'UNIT_LEADER')
                order by a.username""").param(unitId).query(String.class).list();
    }

    @Override
    public List<Deadline> deadlines(Collection<String> regions, Collection<Integer> years) {
        if (regions.isEmpty() || years.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(regions);
        params.addAll(years);
        return jdbc.sql("select region, fiscal_year, stage, due_on from filing_deadline where region in ("
                        + marks(regions.size()) + ") and fiscal_year in (" + marks(years.size()) + ")")
                .params(params)
                .query((rs, n) -> new Deadline(rs.getString("region"), rs.getInt("fiscal_year"),
                        Stage.valueOf(rs.getString("stage")), rs.getDate("due_on").toLocalDate()))
                .list();
    }

    private record Filter(String where, List<Object> params) {
    }

    /** The scope and status condition; null when it can match nothing. */
    private static Filter filter(Collection<Long> unitIds, String region, Collection<DeclarationStatus> statuses) {
        if (statuses.isEmpty() || (unitIds.isEmpty() && region == null)) {
            return null;
        }
        List<Object> params = new ArrayList<>();
        StringBuilder w = new StringBuilder("(");
        if (!unitIds.isEmpty()) {
            w.append("d.unit_id in (").append(marks(unitIds.size())).append(')');
            params.addAll(unitIds);
        }
        if (region != null) {
            w.append(unitIds.isEmpty() ? "" : " or ").append("u.region = ?");
            params.add(region);
        }
        w.append(") and d.status in (").append(marks(statuses.size())).append(')');
        statuses.forEach(s -> params.add(s.name()));
        return new Filter(w.toString(), params);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
