package cn.perf.domain.project;

import cn.perf.domain.shared.Texts;
import cn.perf.domain.shared.FiscalYear;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;

/**
 * A project (项目) of a budget unit, carried across years: a 延续项目 has one {@code Declaration} per year.
 * Refers to its unit by id. The name is unique within the unit.
 */
@Entity
@Table(name = "project")
public class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    /** 项目类型, e.g. 信息化工程及维护类; chooses the common indicators. Null where the form prints none. */
    @Column(name = "project_type", length = 64)
    private String projectType;

    /** 项目属性 as last filed, e.g. 市立项目, 新增项目, 延续项目. */
    @Column(name = "attribute", length = 64)
    private String attribute;

    @Column(name = "first_year", nullable = false)
    private FiscalYear firstYear;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Project() {
        // for JPA
    }

    private Project(Long unitId, String name, String projectType, String attribute, FiscalYear firstYear) {
        this.unitId = Objects.requireNonNull(unitId, "申报单位不能为空");
        this.name = Texts.require(name, "项目名称", 200);
        this.projectType = Texts.optional(projectType, "项目类型", 64);
        this.attribute = Texts.optional(attribute, "项目属性", 64);
        this.firstYear = Objects.requireNonNull(firstYear, "项目起始年度不能为空");
    }

    /** A new project of a unit, first declared in {@code firstYear}. */
    public static Project open(Long unitId, String name, String projectType, String attribute, FiscalYear firstYear) {
        return new Project(unitId, name, projectType, attribute, firstYear);
    }

    public void rename(String newName) {
        this.name = Texts.require(newName, "项目名称", 200);
    }

    /** Changes 项目类型 and 项目属性 (e.g. 新增项目 becomes 延续项目 in its second year). */
    public void reclassify(String projectType, String attribute) {
        this.projectType = Texts.optional(projectType, "项目类型", 64);
        this.attribute = Texts.optional(attribute, "项目属性", 64);
    }

    public Long id() {
        return id;
    }

    public Long unitId() {
        return unitId;
    }

    public String name() {
        return name;
    }

    public String projectType() {
        return projectType;
    }

    public String attribute() {
        return attribute;
    }

    public FiscalYear firstYear() {
        return firstYear;
    }

    public long version() {
        return version;
    }
}
