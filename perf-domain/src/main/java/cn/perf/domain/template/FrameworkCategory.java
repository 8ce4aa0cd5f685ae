package cn.perf.domain.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * One category of an {@link IndicatorFramework}: a 一级指标 / 类别 ({@code parentName == null}, e.g. 投入 26 分,
 * 产出指标 50 分) or a 二级指标 under one (e.g. 数量指标 under 产出指标). {@link #fundsBased()} marks a scored item
 * that has no indicators of its own (预算执行率 10 分, computed from the funds).
 */
@Entity
@Table(name = "indicator_framework_category")
public class FrameworkCategory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "parent_name", length = 64)
    private String parentName;

    /** Points (分值); null where the guidance sets none. */
    @Column(name = "points", precision = 6, scale = 2)
    private BigDecimal points;

    @Column(name = "funds_based", nullable = false)
    private boolean fundsBased;

    protected FrameworkCategory() {
        // for JPA
    }

    private FrameworkCategory(String name, String parentName, BigDecimal points, boolean fundsBased) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("指标类别名称不能为空");
        }
        if (points != null && points.signum() < 0) {
            throw new IllegalArgumentException("指标类别“" + name + "”的分值不能为负数");
        }
        this.name = name.strip();
        this.parentName = parentName;
        this.points = points;
        this.fundsBased = fundsBased;
    }

    /** A 一级指标 / 类别 with its points (null: none set). */
    public static FrameworkCategory topLevel(String name, BigDecimal points) {
        return new FrameworkCategory(name, null, points, false);
    }

    /** A 二级指标 under {@code parent}. */
    public static FrameworkCategory sub(String parent, String name) {
        if (parent == null || parent.isBlank()) {
            throw new IllegalArgumentException("二级指标“" + name + "”必须属于一个一级指标");
        }
        return new FrameworkCategory(name, parent.strip(), null, false);
    }

    /** A scored item without indicators of its own, computed from the funds (预算执行率). */
    public static FrameworkCategory fundsBased(String name, BigDecimal points) {
        return new FrameworkCategory(name, null, points, true);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The 一级指标 this 二级指标 belongs to; null for a 一级指标. */
    public String parentName() {
        return parentName;
    }

    public boolean isTopLevel() {
        return parentName == null;
    }

    public BigDecimal points() {
        return points;
    }

    public boolean fundsBased() {
        return fundsBased;
    }
}
