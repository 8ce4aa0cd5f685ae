package cn.perf.domain.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.CascadeType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An indicator framework (指标体系) as data: which categories and sub-categories a form uses and their points, per
 * region and year (DESIGN.md §2.2: "data of a template, chosen per region/year, not hard-coded branches").
 * Rows come from Flyway ({@code V3__indicator_frameworks.sql}): {@code SUZHOU_2017}, {@code NATIONAL_2020},
 * {@code NATIONAL_2021}. Declarations refer to a framework by its {@link #code()}.
 */
@Entity
@Table(name = "indicator_framework")
public class IndicatorFramework {

    public static final String SUZHOU_2017 = "SUZHOU_2017";
    public static final String NATIONAL_2020 = "NATIONAL_2020";
    public static final String NATIONAL_2021 = "NATIONAL_2021";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, length = 32)
    private String code;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "layout", nullable = false, length = 16)
    private FormLayout layout;

    /** 适用地区: 苏州市, or 全国 for the national layout. */
    @Column(name = "region", nullable = false, length = 64)
    private String region;

    @Column(name = "first_year", nullable = false)
    private int firstYear;

    @Column(name = "last_year")
    private Integer lastYear;

    /** The whole, e.g. 项目绩效实现情况 80 (Suzhou) or 总分 100 (national). */
    @Column(name = "total_label", nullable = false, length = 64)
    private String totalLabel;

    @Column(name = "total_points", precision = 6, scale = 2)
    private BigDecimal totalPoints;

    /** The documents the framework follows, e.g. 财预〔2020〕10号. */
    @Column(name = "basis", nullable = false, length = 500)
    private String basis;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "framework_id", nullable = false)
    @OrderColumn(name = "position")
    private List<FrameworkCategory> categories = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected IndicatorFramework() {
        // for JPA
    }

    /**
     * Defines a framework (for a system administrator's template page, and tests). Category names are unique per
     * parent; a 二级指标 names an earlier 一级指标.
     */
    public static IndicatorFramework define(String code, String name, FormLayout layout, String region, int firstYear,
                                            Integer lastYear, String totalLabel, BigDecimal totalPoints,
                                            String basis, List<FrameworkCategory> categories) {
        IndicatorFramework f = new IndicatorFramework();
        f.code = requireText(code, "指标体系编码");
        f.name = requireText(name, "指标体系名称");
        f.layout = java.util.Objects.requireNonNull(layout, "layout");
        f.region = requireText(region, "适用地区");
        if (lastYear != null && lastYear < firstYear) {
            throw new IllegalArgumentException("指标体系的截止年度 " + lastYear + " 早于起始年度 " + firstYear);
        }
        f.firstYear = firstYear;
        f.lastYear = lastYear;
        f.totalLabel = requireText(totalLabel, "总分名称");
        f.totalPoints = totalPoints;
        f.basis = requireText(basis, "依据");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (FrameworkCategory c : categories) {
            if (!c.isTopLevel() && f.category(c.parentName()).isEmpty()) {
                throw new IllegalArgumentException("二级指标“" + c.name() + "”的一级指标“" + c.parentName() + "”不存在");
            }
            if (!seen.add(c.parentName() + "/" + c.name())) {
                throw new IllegalArgumentException("指标类别“" + c.name() + "”重复");
            }
            f.categories.add(c);
        }
        return f;
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + "不能为空");
        }
        return value.strip();
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

    public FormLayout layout() {
        return layout;
    }

    public String region() {
        return region;
    }

    public int firstYear() {
        return firstYear;
    }

    public Integer lastYear() {
        return lastYear;
    }

    public boolean appliesTo(int year) {
        return year >= firstYear && (lastYear == null || year <= lastYear);
    }

    public String totalLabel() {
        return totalLabel;
    }

    public BigDecimal totalPoints() {
        return totalPoints;
    }

    public String basis() {
        return basis;
    }

    public List<FrameworkCategory> categories() {
        return List.copyOf(categories);
    }

    /** The 一级指标 / 类别, in printed order. */
    public List<FrameworkCategory> topLevel() {
        return categories.stream().filter(FrameworkCategory::isTopLevel).toList();
    }

    /** The 二级指标 of a 一级指标, in printed order. */
    public List<FrameworkCategory> subCategoriesOf(String topLevelName) {
        return categories.stream().filter(c -> topLevelName.equals(c.parentName())).toList();
    }

    public Optional<FrameworkCategory> category(String name) {
        return categories.stream().filter(c -> c.isTopLevel() && c.name().equals(name)).findFirst();
    }

    /**
     * Why an indicator's category/sub-category is not part of this framework (Chinese), or empty when it is.
     * A category with sub-categories requires one of them; one without requires none.
     */
    public Optional<String> misfit(String category, String subCategory) {
        Optional<FrameworkCategory> top = category(category == null ? "" : category);
        if (top.isEmpty() || top.get().fundsBased()) {
            return Optional.of("指标类别“" + category + "”不属于" + name + "（可选："
                    + String.join("、", topLevel().stream().filter(c -> !c.fundsBased())
                            .map(FrameworkCategory::name).toList()) + "）");
        }
        List<String> subs = subCategoriesOf(category).stream().map(FrameworkCategory::name).toList();
        if (subs.isEmpty()) {
            return subCategory == null || subCategory.isBlank() ? Optional.empty()
                    : Optional.of("“" + category + "”没有二级指标，不能填写“" + subCategory + "”");
        }
        if (subCategory == null || !subs.contains(subCategory)) {
            return Optional.of("“" + category + "”的二级指标应为" + String.join("、", subs) + "之一，而不是“"
                    + (subCategory == null ? "" : subCategory) + "”");
        }
        return Optional.empty();
    }
}
