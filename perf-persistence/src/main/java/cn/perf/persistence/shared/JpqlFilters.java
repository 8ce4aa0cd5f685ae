package cn.perf.persistence.shared;

import cn.perf.domain.scope.Scope;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

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
     * returns nothing at all for a scope that {@linkplain Scope#seesNothing() sees nothing}.
     *
     * @param unitId the JPQL path of the form's unit id, e.g. {@code d.unitId}
     * @param region the JPQL path of that unit's region, e.g. {@code u.region}
     */
    public static String scope(Scope scope, String unitId, String region, Map<String, Object> params) {
        StringBuilder w = new StringBuilder("(");
        if (!scope.visibleUnitIds().isEmpty()) {
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

    /** {@code %text%} in lower case with {@code \}, {@code %} and {@code _} escaped, for {@code lower(x) like :p escape '\'}. */
    public static String contains(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
