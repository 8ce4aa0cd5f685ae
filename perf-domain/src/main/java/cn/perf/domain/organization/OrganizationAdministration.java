package cn.perf.domain.organization;

import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.account.AdministratorRequired;
import cn.perf.domain.account.Role;
import cn.perf.domain.shared.AdminEvent;
import cn.perf.domain.shared.DomainEventPublisher;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.NotFoundException;
import cn.perf.domain.shared.StaleVersionException;
import cn.perf.domain.shared.Violation;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Use cases of the unit administration page (系统管理员 only): the 财政局 → 主管部门 → 预算单位 hierarchy of every
 * region, opening and changing a unit. Guards, all reported at once with Chinese messages: code and name unique
 * within the region; a 财政局 has no parent, every other unit has one; the parent is in the same region; a 主管部门's
 * parent is not a 预算单位; the hierarchy has no cycle; a unit with children stays in its region. Publishes {@code unit.created} and
 * {@code unit.changed} ({@link AdminEvent}, before/after values).
 */
@Named
public class OrganizationAdministration {

    private final BudgetUnits units;
    private final DomainEventPublisher events;

    public OrganizationAdministration(BudgetUnits units, DomainEventPublisher events) {
        this.units = units;
        this.events = events;
    }

    /** Every unit, region by region, each parent followed by its children (depth-first, by code then name). */
    @Transactional
    public List<UnitRow> hierarchy(AccountProfile actor) {
        AdministratorRequired.check(actor, Role.SYSTEM_ADMIN);
        return hierarchy(units.findAll());
    }

    /** The regions that have units, sorted. */
    @Transactional
    public List<String> regions(AccountProfile actor) {
        AdministratorRequired.check(actor, Role.SYSTEM_ADMIN);
        return new ArrayList<>(new TreeSet<>(units.findAll().stream().map(BudgetUnit::region).toList()));
    }

    @Transactional
    public UnitRow unit(AccountProfile actor, Long id) {
        AdministratorRequired.check(actor, Role.SYSTEM_ADMIN);
        BudgetUnit unit = load(id);
        String parentName = unit.parentId() == null ? null
                : units.findById(unit.parentId()).map(BudgetUnit::name).orElse(null);
        return new UnitRow(unit.id(), unit.code(), unit.name(), unit.kind(), unit.parentId(), parentName,
                unit.region(), 0, unit.version());
    }

    static List<UnitRow> hierarchy(List<BudgetUnit> all) {
        Map<Long, BudgetUnit> byId = new HashMap<>();
        Map<Long, List<BudgetUnit>> children = new HashMap<>();
        List<BudgetUnit> roots = new ArrayList<>();
        for (BudgetUnit u : all) {
            byId.put(u.id(), u);
        }
        for (BudgetUnit u : all) {
            if (u.parentId() == null || !byId.containsKey(u.parentId())) {
                roots.add(u);
            } else {
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        }
        Comparator<BudgetUnit> order = Comparator.comparing(BudgetUnit::region)
                .thenComparing(u -> u.kind().ordinal())
                .thenComparing(u -> u.code() == null ? "\uffff" : u.code())
                .thenComparing(BudgetUnit::name);
        roots.sort(order);
        List<UnitRow> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (BudgetUnit root : roots) {
            walk(root, 0, byId, children, order, out, seen);
        }
        return out;
    }

    private static void walk(BudgetUnit u, int depth, Map<Long, BudgetUnit> byId, Map<Long, List<BudgetUnit>> children,
                             Comparator<BudgetUnit> order, List<UnitRow> out, Set<Long> seen) {
        if (!seen.add(u.id())) {
            return;
        }
        BudgetUnit parent = u.parentId() == null ? null : byId.get(u.parentId());
        out.add(new UnitRow(u.id(), u.code(), u.name(), u.kind(), u.parentId(), parent == null ? null : parent.name(),
                u.region(), depth, u.version()));
        List<BudgetUnit> kids = new ArrayList<>(children.getOrDefault(u.id(), List.of()));
        kids.sort(order);
        for (BudgetUnit kid : kids) {
            walk(kid, depth + 1, byId, children, order, out, seen);
        }
    }

    /** Opens a unit; returns its id. */
    @Transactional
    public Long create(AccountProfile actor, UnitCommand cmd) {
        AdministratorRequired.check(actor, Role.SYSTEM_ADMIN);
        check(null, cmd);
        BudgetUnit unit = units.save(BudgetUnit.of(cmd.code(), cmd.name(), cmd.kind(), cmd.parentId(),
                cmd.region().strip()));
        Map<String, String> details = new LinkedHashMap<>();
        describe(unit, "", details);
        events.publish(AdminEvent.now(actor.username(), "unit.created", "unit", String.valueOf(unit.id()),
                details));
        return unit.id();
    }

    /** Changes a unit's code, name, kind, parent and region. */
    @Transactional
    public void change(AccountProfile actor, UnitCommand cmd) {
        AdministratorRequired.check(actor, Role.SYSTEM_ADMIN);
        BudgetUnit unit = load(cmd.id());
        if (unit.version() != cmd.version()) {
            throw new StaleVersionException("单位", unit.id(), cmd.version(), unit.version());
        }
        check(unit, cmd);
        Map<String, String> before = new LinkedHashMap<>();
        describe(unit, "", before);
        unit.change(cmd.code(), cmd.name(), cmd.kind(), cmd.parentId(), cmd.region().strip());
        Map<String, String> after = new LinkedHashMap<>();
        describe(unit, "", after);
        Map<String, String> details = new LinkedHashMap<>();
        for (String key : after.keySet()) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                details.put("before." + key, Objects.toString(before.get(key), ""));
                details.put("after." + key, Objects.toString(after.get(key), ""));
            }
        }
        if (!details.isEmpty()) {
            events.publish(AdminEvent.now(actor.username(), "unit.changed", "unit", String.valueOf(unit.id()),
                    details));
        }
    }

    private void check(BudgetUnit current, UnitCommand cmd) {
        List<Violation> violations = new ArrayList<>();
        String region = blankToNull(cmd.region());
        String name = blankToNull(cmd.name());
        String code = blankToNull(cmd.code());
        if (region == null) {
            violations.add(Violation.of("region", "unit.region.required", "所属地区不能为空"));
        } else if (region.length() > 64) {
            violations.add(Violation.of("region", "unit.region.tooLong", "所属地区不能超过 64 个字"));
        }
        if (name == null) {
            violations.add(Violation.of("name", "unit.name.required", "单位名称不能为空"));
        } else if (name.length() > 200) {
            violations.add(Violation.of("name", "unit.name.tooLong", "单位名称不能超过 200 个字"));
        } else if (region != null && units.findByRegionAndName(region, name)
                .filter(other -> current == null || !other.id().equals(current.id())).isPresent()) {
            violations.add(Violation.of("name", "unit.name.taken",
                    "单位名称在" + region + "已被使用：" + name, region, name));
        }
        if (code != null && code.length() > 32) {
            violations.add(Violation.of("code", "unit.code.tooLong", "单位编码不能超过 32 个字符"));
        } else if (code != null && region != null && units.findByRegionAndCode(region, code)
                .filter(other -> current == null || !other.id().equals(current.id())).isPresent()) {
            violations.add(Violation.of("code", "unit.code.taken",
                    "单位编码在" + region + "已被使用：" + code, region, code));
        }
        if (cmd.kind() == null) {
            violations.add(Violation.of("kind", "unit.kind.required", "请选择单位类型"));
        }
        checkParent(current, cmd, region, violations);
        if (current != null && region != null && !region.equals(current.region())
                && !units.findByParentId(current.id()).isEmpty()) {
            violations.add(Violation.of("region", "unit.region.children",
                    "本单位有下级单位，不能改到其他地区"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
    }

    private void checkParent(BudgetUnit current, UnitCommand cmd, String region, List<Violation> violations) {
        if (cmd.kind() == UnitKind.FINANCE_BUREAU) {
            if (cmd.parentId() != null) {
                violations.add(Violation.of("parentId", "unit.parent.bureau", "财政局没有上级单位"));
            }
            return;
        }
        if (cmd.parentId() == null) {
            if (cmd.kind() != null) {
                violations.add(Violation.of("parentId", "unit.parent.required", "请选择上级单位"));
            }
            return;
        }
        BudgetUnit parent = units.findById(cmd.parentId()).orElse(null);
        if (parent == null) {
            violations.add(Violation.of("parentId", "unit.parent.missing", "上级单位不存在"));
            return;
        }
        if (region != null && !region.equals(parent.region())) {
            violations.add(Violation.of("parentId", "unit.parent.region",
                    "上级单位必须在同一地区（" + region + "），所选上级单位属于" + parent.region(),
                    region, parent.region()));
        }
        if (cmd.kind() == UnitKind.DEPARTMENT && parent.kind() == UnitKind.BUDGET_UNIT) {
            violations.add(Violation.of("parentId", "unit.parent.kind", "主管部门的上级不能是预算单位"));
        }
        if (current != null) {
            // walking up from the new parent must never reach the unit itself
            Set<Long> seen = new HashSet<>();
            BudgetUnit at = parent;
            while (at != null && seen.add(at.id())) {
                if (at.id().equals(current.id())) {
                    violations.add(Violation.of("parentId", "unit.parent.cycle",
                            "上级单位不能是本单位或本单位的下级单位"));
                    break;
                }
                at = at.parentId() == null ? null : units.findById(at.parentId()).orElse(null);
            }
        }
    }

    private BudgetUnit load(Long id) {
        return units.findById(id).orElseThrow(() -> new NotFoundException("单位不存在：" + id));
    }

    private void describe(BudgetUnit unit, String prefix, Map<String, String> out) {
        out.put(prefix + "name", unit.name());
        out.put(prefix + "code", Objects.toString(unit.code(), ""));
        out.put(prefix + "kind", unit.kind().name());
        out.put(prefix + "parent", unit.parentId() == null ? ""
                : units.findById(unit.parentId()).map(BudgetUnit::name).orElse(String.valueOf(unit.parentId())));
        out.put(prefix + "region", unit.region());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
