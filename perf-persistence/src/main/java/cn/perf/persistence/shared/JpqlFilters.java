package cn.perf.persistence.shared;

import cn.perf.domain.scope.Scope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.query.NativeQuery;

/**
 * Pieces of the list queries every scoped list shares: the data scope as a JPQL condition (the caller's units, or
 * every unit of its region: DESIGN.md §8, "enforced in the query") and a case-insensitive "contains" pattern with
 * the LIKE wildcards of the user's text escaped ({@code escape '\'}).
 */
public final class JpqlFilters {

    private JpqlFilters() {
    }

    /**
     * {@code (unitId in :scopeUnits or region = :scopeRegion)} for {@code scope}, with its parameters; the caller
     * returns nothing at all for a scope that {@linkplain Scope#seesNothing() sees nothing}. A scope of one unit (every
     * filer's) is {@code unitId = :scopeUnit} instead: Hibernate 7 translates a query with a multi-valued parameter
     * into SQL anew on every execution (its SQL depends on the number of values), which was about half of the list
     * page's time in the deadline-week profile, while a query with single values only is translated once and kept.
     *
     * @param unitId the JPQL path of the form's unit id, e.g. {@code d.unitId}
     * @param region the JPQL path of that unit's region, e.g. {@code u.region}
     */
    public static String scope(Scope scope, String unitId, String region, Map<String, Object> params) {
        StringBuilder w = new StringBuilder("(");
        if (scope.visibleUnitIds().size() == 1) {
            w.append(unitId).append(" = :scopeUnit");
            params.put("scopeUnit", scope.visibleUnitIds().iterator().next());
        } else if (!scope.visibleUnitIds().isEmpty()) {
            w.append(unitId).append(" in :scopeUnits");
            params.put("scopeUnits", scope.visibleUnitIds());
        }
        if (scope.visibleRegion() != null) {
            w.append(scope.visibleUnitIds().isEmpty() ? "" : " or ").append(region).append(" = :scopeRegion");
            params.put("scopeRegion", scope.visibleRegion());
        }
        return w.append(")").toString();
    }

    /**
     * Binds {@code params} to {@code query}; a collection (the scope's units) as a list parameter. Passed to
     * {@code setParameter} instead, Hibernate first tries to read the collection as one value of the column's type,
     * which throws and catches an exception with its stack trace on every execution.
     */
    public static void bind(Query query, Map<String, Object> params) {
        org.hibernate.query.Query<?> q = query.unwrap(org.hibernate.query.Query.class);
        params.forEach((name, value) -> {
            if (value instanceof Collection<?> values) {
                q.setParameterList(name, values);
            } else {
                q.setParameter(name, value);
            }
        });
    }

    /** {@code query} with the list parameter {@code name} bound to {@code values} (see {@link #bind}). */
    public static <T> TypedQuery<T> withList(TypedQuery<T> query, String name, Collection<?> values) {
        query.unwrap(org.hibernate.query.Query.class).setParameterList(name, values);
        return query;
    }

    /**
     * The number of rows of {@code table} per value of its column {@code byColumn}, for the {@code ids} given (the
     * 指标数 or findings of a list page's rows). One native statement with the ids as one array parameter
     * ({@code = any(?)}, which PostgreSQL serves from the column's index like {@code in (…)}): as JPQL with
     * {@code in :ids} Hibernate would translate it again for every page (see {@link #scope}). The table is declared
     * as the statement's only query space, so Hibernate flushes pending changes of that table alone before it.
     *
     * @param table    a table name written in code, never user input
     * @param byColumn a column of that table, written in code
     */
    public static Map<Long, Long> countsBy(EntityManager em, String table, String byColumn, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<?> rows = em.createNativeQuery("select " + byColumn + ", count(*) from " + table + " where " + byColumn
                        + " = any(:ids) group by " + byColumn)
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace(table)
                .setParameter("ids", ids.toArray(Long[]::new))
                .getResultList();
        Map<Long, Long> counts = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
        return counts;
    }

    /**
     * The condition "{@code path} contains {@code text}, ignoring case", with its parameter {@code name}. The
     * project-name columns have a trigram index on {@code lower(…)} (V24), which serves a fragment of three characters
     * or more. A shorter one ({@code 绿化}, {@code 道路}: most Chinese words are two characters) has no trigram, so the
     * index can only return every row; PostgreSQL's generic plan of the prepared statement (used from its sixth
     * execution on, when it cannot see the value) takes the index anyway, which at 20,000 declarations cost 9 ms a
     * search where the unit's own rows cost 0.1 ms (docs/performance.md). So a short fragment is written as
     * {@code lower(concat(path, ''))}, which the index does not match: a separate statement whose plans read the rows
     * of the scope through its other indexes and test each.
     */
    public static String containsCondition(String path, String text, String name, Map<String, Object> params) {
        params.put(name, contains(text));
        String column = text.codePointCount(0, text.length()) < 3 ? "concat(" + path + ", '')" : path;
        return "lower(" + column + ") like :" + name + " escape '\\'";
    }

    /** {@code %text%} in lower case with {@code \}, {@code %} and {@code _} escaped, for {@code lower(x) like :p escape '\'}. */
    public static String contains(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
