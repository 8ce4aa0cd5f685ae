package cn.perf.domain.scope;

import java.util.Objects;
import java.util.Set;

/**
 * What a signed-in user may see and file, as a value built once per request from the user's roles and unit
 * (DESIGN.md §8) and passed into every query and command; no unscoped finder is reachable from the web.
 * <ul>
 *   <li>{@link #visibleUnitIds}: units whose forms the user may read (own unit; a department's units; …);</li>
 *   <li>{@link #visibleRegion}: when not null, every unit of this region is visible too (a finance bureau sees the
 *       declarations of its own region only — 苏州市财政局 never sees 济宁's);</li>
 *   <li>{@link #fileableUnitIds}: units for which the user may create and edit forms (单位填报人, 单位负责人).</li>
 * </ul>
 *
 * @param username the signed-in user (for the audit trail)
 */
public record Scope(String username, Set<Long> visibleUnitIds, String visibleRegion, Set<Long> fileableUnitIds) {

    public Scope {
        Objects.requireNonNull(username, "username");
        visibleUnitIds = Set.copyOf(visibleUnitIds);
        fileableUnitIds = Set.copyOf(fileableUnitIds);
        if (!visibleUnitIds.containsAll(fileableUnitIds)) {
            throw new IllegalArgumentException("a unit one may file for must be visible");
        }
    }

    /** Sees nothing and files nothing (e.g. the three administrators). */
    public static Scope none(String username) {
        return new Scope(username, Set.of(), null, Set.of());
    }

    /** Whether a form of {@code unitId} in {@code region} may be read. */
    public boolean canSee(Long unitId, String region) {
        return visibleUnitIds.contains(unitId) || (visibleRegion != null && visibleRegion.equals(region));
    }

    /** Whether forms of {@code unitId} may be created and edited. */
    public boolean canFile(Long unitId) {
        return fileableUnitIds.contains(unitId);
    }

    public boolean seesNothing() {
        return visibleUnitIds.isEmpty() && visibleRegion == null;
    }

    /** Whether the list page should offer a 单位 filter (the user sees more than one unit). */
    public boolean seesSeveralUnits() {
        return visibleRegion != null || visibleUnitIds.size() > 1;
    }
}
