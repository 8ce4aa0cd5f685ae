package cn.perf.domain.template;

import java.math.BigDecimal;
import java.util.List;

/**
 * An indicator framework as pages read it (a projection, no entity): its 一级指标 with points and their 二级指标,
 * so a form offers exactly the framework's categories.
 */
public record FrameworkView(String code, String name, FormLayout layout, String region, String basis,
                            String totalLabel, BigDecimal totalPoints, List<Category> categories) {

    /** A 一级指标 / 类别 and its 二级指标 (empty for Suzhou). {@code fundsBased}: scored from funds, no rows. */
    public record Category(String name, BigDecimal points, boolean fundsBased, List<String> subCategories) {
    }

    public static FrameworkView of(IndicatorFramework f) {
        return new FrameworkView(f.code(), f.name(), f.layout(), f.region(), f.basis(), f.totalLabel(),
                f.totalPoints(), f.topLevel().stream().map(c -> new Category(c.name(), c.points(), c.fundsBased(),
                        f.subCategoriesOf(c.name()).stream().map(FrameworkCategory::name).toList())).toList());
    }

    /** The categories an indicator row may choose (not the funds-based ones). */
    public List<Category> indicatorCategories() {
        return categories.stream().filter(c -> !c.fundsBased()).toList();
    }

    /** The 二级指标 of a 一级指标 (empty when unknown). */
    public List<String> subCategoriesOf(String category) {
        return categories.stream().filter(c -> c.name().equals(category)).findFirst().map(Category::subCategories)
                .orElse(List.of());
    }
}
