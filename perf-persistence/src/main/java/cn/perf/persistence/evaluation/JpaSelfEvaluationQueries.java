package cn.perf.persistence.evaluation;

import cn.perf.domain.evaluation.EvaluationListRow;
import cn.perf.domain.evaluation.EvaluationSearch;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.ResultPage;
import cn.perf.persistence.shared.Cursor;
import cn.perf.persistence.shared.JpqlFilters;
import cn.perf.domain.evaluation.SelfEvaluationDetail;
import cn.perf.domain.evaluation.SelfEvaluationFilter;
import cn.perf.domain.evaluation.SelfEvaluationQueries;
import cn.perf.domain.evaluation.SelfEvaluationSummary;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read models of the self-evaluation pages. The list is one projection query (plus one count); the detail loads
 * the aggregate and its six owned collections (categories, indicators, sub-projects, national fund rows, reviewer
 * adjustments, scoring findings) with one fetch query each, and the unit names with one more: seven statements
 * whatever the number of rows. Traces and findings are read as stored: the detail never re-scores.
 */
@Repository
@Transactional(readOnly = true)
class JpaSelfEvaluationQueries implements SelfEvaluationQueries {

    private static final List<String> COLLECTIONS = List.of("indicators", "subProjects", "nationalFunds",
            "adjustments", "findings");

    private final EntityManager em;

    JpaSelfEvaluationQueries(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<SelfEvaluationSummary> list(SelfEvaluationFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("分页参数不正确：offset=" + offset + ", limit=" + limit);
        }
        Map<String, Object> params = new HashMap<>();
        String jpql = "select new cn.perf.domain.evaluation.SelfEvaluationSummary(e.id, e.declarationId, e.unitId,"
                + " u.name, e.projectName, e.year, e.layout, e.status, e.recordedTotal, e.computedTotal)"
                + " from SelfEvaluation e join BudgetUnit u on u.id = e.unitId" + where(filter, params)
                + " order by e.year desc, u.name, e.projectName, e.id";
        TypedQuery<SelfEvaluationSummary> q = em.createQuery(jpql, SelfEvaluationSummary.class);
        JpqlFilters.bind(q, params);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(SelfEvaluationFilter filter) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> q = em.createQuery("select count(e) from SelfEvaluation e" + where(filter, params),
                Long.class);
        JpqlFilters.bind(q, params);
        return q.getSingleResult();
    }

    @Override
    public ResultPage<EvaluationListRow> search(Scope scope, EvaluationSearch s) {
        if (scope.seesNothing()) {
            return new ResultPage<>(List.of(), 0, s.page(), s.size());
        }
        Map<String, Object> params = new HashMap<>();
        String where = scopedWhere(scope, s, params);
        TypedQuery<Long> count = em.createQuery(
                "select count(e) from SelfEvaluation e join BudgetUnit u on u.id = e.unitId" + where, Long.class);
        JpqlFilters.bind(count, params);
        long total = count.getSingleResult();
        int page = s.page();
        if ((long) page * s.size() >= total && total > 0) {
            page = (int) ((total - 1) / s.size()); // a page past the end shows the last one
        }
        TypedQuery<EvaluationListRow> q = listRows(where, s, params);
        List<EvaluationListRow> rows = q.setFirstResult(page * s.size()).setMaxResults(s.size()).getResultList();
        return new ResultPage<>(withFindingCounts(rows), total, page, s.size());
    }

    @Override
    public void forEach(Scope scope, EvaluationSearch s, Consumer<EvaluationListRow> row) {
        if (scope.seesNothing()) {
            return;
        }
        Map<String, Object> params = new HashMap<>();
        Cursor.forEach(listRows(scopedWhere(scope, s, params), s, params), this::withFindingCounts, row);
    }

    /** The list rows of the search without their findings (counted for the rows actually read, see below). */
    private TypedQuery<EvaluationListRow> listRows(String where, EvaluationSearch s, Map<String, Object> params) {
        TypedQuery<EvaluationListRow> q = em.createQuery("""
                select new cn.perf.domain.evaluation.EvaluationListRow(e.id, e.declarationId, e.unitId, u.name,
                    e.projectName, e.year, e.layout, e.status, e.recordedTotal, e.computedTotal, e.computedGrade, 0L)
                from SelfEvaluation e join BudgetUnit u on u.id = e.unitId""" + where + orderBy(s),
                EvaluationListRow.class);
        JpqlFilters.bind(q, params);
        return q;
    }

    /**
     * The findings of the page's rows, in one statement: as a correlated count in the select list PostgreSQL computed
     * it for every row an OFFSET skips, so the list export's page n cost n pages of counts (issue 12).
     */
    private List<EvaluationListRow> withFindingCounts(List<EvaluationListRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Long> counts = JpqlFilters.countsBy(em, "self_evaluation_finding", "self_evaluation_id",
                rows.stream().map(EvaluationListRow::id).toList());
        return rows.stream().map(r -> new EvaluationListRow(r.id(), r.declarationId(), r.unitId(), r.unitName(),
                r.projectName(), r.year(), r.layout(), r.status(), r.recordedTotal(), r.computedTotal(), r.grade(),
                counts.getOrDefault(r.id(), 0L))).toList();
    }

    private static String scopedWhere(Scope scope, EvaluationSearch s, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" where ")
                .append(JpqlFilters.scope(scope, "e.unitId", "u.region", params));
        if (s.year() != null) {
            w.append(" and e.year = :year");
            params.put("year", FiscalYear.of(s.year()));
        }
        if (s.unitId() != null) {
            w.append(" and e.unitId = :unitId");
            params.put("unitId", s.unitId());
        }
        if (s.layout() != null) {
            w.append(" and e.layout = :layout");
            params.put("layout", s.layout());
        }
        if (s.status() != null) {
            w.append(" and e.status = :status");
            params.put("status", s.status());
        }
        if (s.projectName() != null) {
            w.append(" and ").append(JpqlFilters.containsCondition("e.projectName", s.projectName(), "name", params));
        }
        return w.toString();
    }

    /** 状态 sorts in workflow order (草稿, 已提交, 审核中, 已确认), not by name. */
    private static final String STATUS_ORDER = java.util.Arrays.stream(EvaluationStatus.values())
            .map(st -> " when cn.perf.domain.evaluation.EvaluationStatus." + st.name() + " then " + st.ordinal())
            .collect(Collectors.joining("", "case e.status", " end"));

    private static String orderBy(EvaluationSearch s) {
        String column = switch (s.sort()) {
            case PROJECT_NAME -> "e.projectName";
            case UNIT -> "u.name";
            case YEAR -> "e.year";
            case COMPUTED_TOTAL -> "e.computedTotal";
            case STATUS -> STATUS_ORDER;
        };
        String dir = s.ascending() ? " asc" : " desc";
        return " order by " + column + dir + " nulls last, e.id" + dir;
    }

    private static String where(SelfEvaluationFilter filter, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (filter.unitIds() != null) {
            if (filter.unitIds().isEmpty()) {
                return " where 1 = 0";
            }
            w.append(" and e.unitId in :unitIds");
            params.put("unitIds", filter.unitIds());
        }
        if (filter.year() != null) {
            w.append(" and e.year = :year");
            params.put("year", cn.perf.domain.shared.FiscalYear.of(filter.year()));
        }
        if (filter.status() != null) {
            w.append(" and e.status = :status");
            params.put("status", filter.status());
        }
        if (filter.projectName() != null) {
            w.append(" and e.projectName like :projectName escape '\\'");
            params.put("projectName", "%" + filter.projectName().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        return w.toString();
    }

    /** The whole aggregate in seven statements, detached (see {@link EvaluationSnapshotStore} for the kept copy). */
    @Override
    public Optional<SelfEvaluation> detached(Long id) {
        Optional<SelfEvaluation> e = loaded(id);
        e.ifPresent(em::detach);
        return e;
    }

    @Override
    public Optional<SelfEvaluationDetail> detail(Long id) {
        return loaded(id).map(e -> {
            Map<Long, String> names = unitNames(Stream.of(e.unitId(), e.departmentId()).filter(x -> x != null)
                    .distinct().toList());
            return SelfEvaluationDetail.of(e, names.get(e.unitId()),
                    e.departmentId() == null ? null : names.get(e.departmentId()));
        });
    }

    /** The aggregate with its categories, then each other collection by one fetch query (no cartesian product). */
    private Optional<SelfEvaluation> loaded(Long id) {
        List<SelfEvaluation> found = em.createQuery(
                        "select e from SelfEvaluation e left join fetch e.categories where e.id = :id",
                        SelfEvaluation.class)
                .setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        for (String collection : COLLECTIONS) {
            // each query initializes one more collection of the same managed instance (no cartesian product)
            em.createQuery("select e from SelfEvaluation e left join fetch e." + collection + " where e.id = :id",
                    SelfEvaluation.class).setParameter("id", id).getResultList();
        }
        return Optional.of(found.get(0));
    }

    private Map<Long, String> unitNames(List<Long> ids) {
        return JpqlFilters.withList(em.createQuery("select u.id, u.name from BudgetUnit u where u.id in :ids",
                        Object[].class), "ids", ids).getResultList().stream()
                .collect(Collectors.toMap(r -> (Long) r[0], r -> (String) r[1]));
    }
}
