package cn.perf.domain.organization;

import cn.perf.domain.shared.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.util.Objects;

/**
 * A budget unit (预算单位), a department (主管部门) or a finance bureau (财政局). Units form a tree through
 * {@link #parentId()}: a budget unit points at the department that reviews it. Aggregates refer to each other
 * by id only. Codes and names are unique within a region (苏州市 and 济宁市 may both have a unit {@code 001239}),
 * checked by {@link OrganizationAdministration} with a Chinese message and by the database.
 */
@Entity
@Table(name = "budget_unit", uniqueConstraints = {
        @UniqueConstraint(name = "uq_budget_unit_region_code", columnNames = {"region", "code"}),
        @UniqueConstraint(name = "uq_budget_unit_region_name", columnNames = {"region", "name"})})
public class BudgetUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Unit code as the finance system prints it (e.g. {@code 001239}); some real forms print none. */
    @Column(name = "code", length = 32)
    private String code;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 32)
    private UnitKind kind;

    @Column(name = "parent_id")
    private Long parentId;

    /** The region whose finance bureau is responsible, e.g. 苏州市 or 济宁市. */
    @Column(name = "region", nullable = false, length = 64)
    private String region;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected BudgetUnit() {
        // for JPA
    }

    private BudgetUnit(String code, String name, UnitKind kind, Long parentId, String region) {
        this.code = code == null || code.isBlank() ? null : Texts.require(code, "单位编码", 32);
        this.name = Texts.require(name, "单位名称", 200);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.parentId = parentId;
        this.region = Texts.require(region, "所属地区", 64);
    }

    public static BudgetUnit financeBureau(String name, String region) {
        return new BudgetUnit(null, name, UnitKind.FINANCE_BUREAU, null, region);
    }

    public static BudgetUnit department(String code, String name, Long financeBureauId, String region) {
        return new BudgetUnit(code, name, UnitKind.DEPARTMENT, financeBureauId, region);
    }

    public static BudgetUnit budgetUnit(String code, String name, Long departmentId, String region) {
        return new BudgetUnit(code, name, UnitKind.BUDGET_UNIT, departmentId, region);
    }

    /** A unit of any kind (the administration page's 新增). */
    public static BudgetUnit of(String code, String name, UnitKind kind, Long parentId, String region) {
        return new BudgetUnit(code, name, kind, parentId, region);
    }

    /**
     * Changes what the administration page edits. The parent's region and the absence of cycles are checked by
     * {@link OrganizationAdministration}, which sees the other units; here only that a unit is not its own parent.
     */
    public void change(String newCode, String newName, UnitKind newKind, Long newParentId, String newRegion) {
        if (id != null && id.equals(newParentId)) {
            throw new IllegalArgumentException("上级单位不能是本单位");
        }
        this.code = newCode == null || newCode.isBlank() ? null : Texts.require(newCode, "单位编码", 32);
        this.name = Texts.require(newName, "单位名称", 200);
        this.kind = Objects.requireNonNull(newKind, "kind");
        this.parentId = newParentId;
        this.region = Texts.require(newRegion, "所属地区", 64);
    }

    /** Renames the unit (e.g. after an institutional reform); the code stays. */
    public void rename(String newName) {
        this.name = Texts.require(newName, "单位名称", 200);
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public UnitKind kind() {
        return kind;
    }

    public Long parentId() {
        return parentId;
    }

    public String region() {
        return region;
    }

    public long version() {
        return version;
    }
}
