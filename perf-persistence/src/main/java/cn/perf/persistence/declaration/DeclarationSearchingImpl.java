package cn.perf.persistence.declaration;


import cn.perf.domain.declaration.DeclarationListRow;
import cn.perf.domain.declaration.DeclarationSearch;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.ResultPage;
import cn.perf.persistence.shared.Cursor;
import cn.perf.persistence.shared.JpqlFilters;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.transaction.annotation.Transactional;

/**
 * The list page's query: one projection query for the page (指标数 as a correlated count) and one count query. The
 * caller's {@link Scope} is part of the {@code where} clause — own units by id, or every unit of the finance
 * bureau's region through {@code budget_unit.region} — so nothing outside it is ever read.
 */
class DeclarationSearchingImpl implements DeclarationSearching {

    private final EntityManager em;

    DeclarationSearchingImpl(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(readOnly = true)
    public ResultPage<DeclarationListRow> search(Scope scope, DeclarationSearch s) {
        if (scope.seesNothing()) {
            return new ResultPage<>(List.of(), 0, s.page(), s.size());
        }
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, s, params);
        TypedQuery<Long> count = em.createQuery(
                "select count(d) from Declaration d join BudgetUnit u on u.id = d.unitId" + where, Long.class);
        JpqlFilters.bind(count, params);
        long total = count.getSingleResult();
        int page = s.page();
        if ((long) page * s.size() >= total && total > 0) {
            page = (int) ((total - 1) / s.size()); // a page past the end shows the last one
        }
        // 指标数 is counted for the page's rows only, in a second statement: as a correlated subquery in the select
        // list PostgreSQL computed it for every row an OFFSET skips, so page n cost n pages of counts and a finance
        // bureau's summary.xlsx of 10,000 rows (100 pages) took 20 s (issue 12, docs/performance.md)
        TypedQuery<DeclarationListRow> q = rows(where, s, params);
        List<DeclarationListRow> rows = q.setFirstResult(page * s.size()).setMaxResults(s.size()).getResultList();
        return new ResultPage<>(withIndicatorCounts(rows), total, page, s.size());
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(Scope scope, DeclarationSearch s, Consumer<DeclarationListRow> row) {
        if (scope.seesNothing()) {
            return;
        }
        Map<String, Object> params = new HashMap<>();
        Cursor.forEach(rows(where(scope, s, params), s, params), this::withIndicatorCounts, row);
    }

    /** The rows of the search without their 指标数 (filled in for the rows actually read, see below). */
    private TypedQuery<DeclarationListRow> rows(String where, DeclarationSearch s, Map<String, Object> params) {
        TypedQuery<DeclarationListRow> q = em.createQuery("""
                select new cn.perf.domain.declaration.DeclarationListRow(d.id, d.unitId, u.name, d.projectId,
                    d.projectName, d.year, d.layout, d.status, d.totalAmount, 0L, d.updatedAt)
                from Declaration d join BudgetUnit u on u.id = d.unitId""" + where + orderBy(s),
                DeclarationListRow.class);
        JpqlFilters.bind(q, params);
        return q;
    }

    private List<DeclarationListRow> withIndicatorCounts(List<DeclarationListRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Long> counts = JpqlFilters.countsBy(em, "declaration_indicator", "declaration_id",
                rows.stream().map(DeclarationListRow::id).toList());
        return rows.stream().map(r -> new DeclarationListRow(r.id(), r.unitId(), r.unitName(), r.projectId(),
                r.projectName(), r.year(), r.layout(), r.status(), r.totalAmount(), counts.getOrDefault(r.id(), 0L),
                r.updatedAt())).toList();
    }

    private static String where(Scope scope, DeclarationSearch s, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" where ")
                .append(JpqlFilters.scope(scope, "d.unitId", "u.region", params));
        if (s.year() != null) {
            w.append(" and d.year = :year");
            params.put("year", FiscalYear.of(s.year()));
        }
        if (s.unitId() != null) {
            w.append(" and d.unitId = :unitId");
            params.put("unitId", s.unitId());
        }
        if (s.layout() != null) {
            w.append(" and d.layout = :layout");
            params.put("layout", s.layout());
        }
        if (s.status() != null) {
            w.append(" and d.status = :status");
            params.put("status", s.status());
        }
        if (s.projectName() != null) {
            w.append(" and ").append(JpqlFilters.containsCondition("d.projectName", s.projectName(), "name", params));
        }
        return w.toString();
    }

    /** 状态 sorts in workflow order (草稿, 已提交, 主管部门审核通过, 退回修改, 财政审核通过, 不予通过), not by name. */
    private static final String STATUS_ORDER = java.util.Arrays.stream(
                    cn.perf.domain.declaration.DeclarationStatus.values())
            .map(st -> " when cn.perf.domain.declaration.DeclarationStatus." + st.name() + " then " + st.ordinal())
            .collect(java.util.stream.Collectors.joining("", "case d.status", " end"));

    private static String orderBy(DeclarationSearch s) {
        String column = switch (s.sort()) {
            case PROJECT_NAME -> "d.projectName";
            case UNIT -> "u.name";
            case YEAR -> "d.year";
            case TOTAL_AMOUNT -> "d.totalAmount";
            case STATUS -> STATUS_ORDER;
            case UPDATED_AT -> "d.updatedAt";
        };
        String dir = s.ascending() ? " asc" : " desc";
        return " order by " + column + dir + " nulls last, d.id" + dir;
    }
}
