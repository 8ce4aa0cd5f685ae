package cn.perf.domain.organization;

/**
 * One unit as the administration pages show it, in hierarchy order (a read model).
 *
 * @param depth 0 for a unit without a parent (a 财政局), 1 for a 主管部门 under it, 2 for its 预算单位, …
 */
public record UnitRow(Long id, String code, String name, UnitKind kind, Long parentId, String parentName,
                      String region, int depth, long version) {

    /** "code name", or the name alone for a unit without code. */
    public String label() {
        return code == null ? name : code + " " + name;
    }
}
