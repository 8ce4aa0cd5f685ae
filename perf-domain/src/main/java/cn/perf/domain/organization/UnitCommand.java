package cn.perf.domain.organization;

/**
 * 新增 / 修改 a unit (name, code, kind, parent, region).
 *
 * @param id      null for a new unit
 * @param version the version the page showed (ignored for a new unit)
 */
public record UnitCommand(Long id, long version, String code, String name, UnitKind kind, Long parentId,
                          String region) {
}
