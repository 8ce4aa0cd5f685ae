package cn.perf.persistence.template;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.FrameworkCategory;
import cn.perf.domain.template.IndicatorFramework;
import cn.perf.domain.template.IndicatorFrameworks;
import cn.perf.domain.template.IndicatorLibrary;
import cn.perf.domain.template.IndicatorLibraryEntry;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class IndicatorTemplatePersistenceTest {

    @Autowired
    IndicatorFrameworks frameworks;
    @Autowired
    IndicatorLibrary library;

    static BigDecimal points(IndicatorFramework f, String name) {
        return f.category(name).orElseThrow().points();
    }

    @Test
    void suzhou2017HasTheFourCategoriesOfSeed002() {
        IndicatorFramework f = frameworks.findByCode(IndicatorFramework.SUZHOU_2017).orElseThrow();
        assertThat(f.layout()).isEqualTo(FormLayout.SUZHOU);
        assertThat(f.topLevel()).extracting(FrameworkCategory::name).containsExactly("投入", "产出", "结果", "影响力");
        assertThat(f.topLevel()).extracting(FrameworkCategory::points).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("26"), new BigDecimal("24"), new BigDecimal("22"), new BigDecimal("8"));
        assertThat(f.totalLabel()).isEqualTo("项目绩效实现情况");
        assertThat(f.totalPoints()).isEqualByComparingTo("80");
        assertThat(f.topLevel().stream().map(FrameworkCategory::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(f.totalPoints());
    }

    @Test
    void national2020And2021DifferInWhereCostsLive() {
        IndicatorFramework n20 = frameworks.findByCode(IndicatorFramework.NATIONAL_2020).orElseThrow();
        assertThat(n20.topLevel()).extracting(FrameworkCategory::name)
                .containsExactly("产出指标", "效益指标", "满意度指标", "预算执行率");
        assertThat(points(n20, "产出指标")).isEqualByComparingTo("50");
        assertThat(points(n20, "效益指标")).isEqualByComparingTo("30");
        assertThat(points(n20, "满意度指标")).isEqualByComparingTo("10");
        assertThat(points(n20, "预算执行率")).isEqualByComparingTo("10");
        assertThat(n20.category("预算执行率").orElseThrow().fundsBased()).isTrue();
        assertThat(n20.subCategoriesOf("产出指标")).extracting(FrameworkCategory::name)
                .containsExactly("数量指标", "质量指标", "时效指标", "成本指标");
        assertThat(n20.subCategoriesOf("效益指标")).extracting(FrameworkCategory::name)
                .containsExactly("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标");
        assertThat(n20.subCategoriesOf("满意度指标")).extracting(FrameworkCategory::name).containsExactly("服务对象满意度指标");
        assertThat(n20.appliesTo(2020)).isTrue();

        IndicatorFramework n21 = frameworks.findByCode(IndicatorFramework.NATIONAL_2021).orElseThrow();
        assertThat(n21.subCategoriesOf("产出指标")).extracting(FrameworkCategory::name)
                .containsExactly("数量指标", "质量指标", "时效指标");
        assertThat(n21.subCategoriesOf("成本指标")).extracting(FrameworkCategory::name)
                .containsExactly("经济成本指标", "社会成本指标", "生态环境成本指标");
        assertThat(n21.misfit("产出指标", "成本指标")).get().asString().contains("数量指标、质量指标、时效指标");
        assertThat(n21.misfit("成本指标", "经济成本指标")).isEmpty();
    }

    @Test
    void theLibraryPrefillsTheTenInputRowsOfSeeds000And001() {
        List<IndicatorLibraryEntry> rows = library.declarationRows(IndicatorFramework.SUZHOU_2017, "信息化工程及维护类");
        assertThat(rows).extracting(IndicatorLibraryEntry::name).containsExactly("预算执行率", "专款专用率", "财务制度健全性",
                "资金使用合规性", "政府采购规范性", "工程管理规范性", "可行性研究充分性", "业务运维体系健全性", "配套设施到位率", "资金节约率");
        assertThat(rows).extracting(IndicatorLibraryEntry::targetText).containsExactly("100%", "100%", "健全", "合规",
                "规范", "规范", "充分", "健全", "100%", "15%及其以下");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.category()).isEqualTo("投入");
            assertThat(r.explanation()).isNotBlank();
            assertThat(r.targetBasis()).isNotBlank();
        });
        assertThat(library.declarationRows(IndicatorFramework.SUZHOU_2017, "会议类")).isEmpty();
    }

    @Test
    void theSelfEvaluationRowsCarrySeed002sWeightsSummingTo26() {
        List<IndicatorLibraryEntry> rows = library.selfEvaluationRows(IndicatorFramework.SUZHOU_2017, "信息化工程及维护类");
        assertThat(rows).extracting(IndicatorLibraryEntry::selfEvaluationName).containsExactly("资金使用合规性", "财务制度健全性",
                "资产产权明确性", "各级财政应承担资金到位率", "预算执行率", "专款专用率", "资金节约率", "配套设施到位率", "实际风险事件有效控制率",
                "政府采购规范性", "可行研究充分性", "工程变更合规性", "与预期质量计划差距定期检查率", "业务运维体系健全性");
        assertThat(rows).extracting(r -> r.weight().intValueExact())
                .containsExactly(3, 3, 1, 1, 6, 3, 1, 1, 1, 2, 1, 1, 1, 1);
        assertThat(rows).extracting(IndicatorLibraryEntry::selfEvaluationTargetText).containsExactly("合规", "健全",
                "资产明确", "=100%", "=100%", "=100%", "15%及其以下", "=100%", "=100%", "规范", "充分", "合规", "=100%", "健全");
        assertThat(rows.stream().map(IndicatorLibraryEntry::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("26");
        assertThat(rows).filteredOn(r -> "工程管理规范性".equals(r.partOf())).extracting(IndicatorLibraryEntry::name)
                .containsExactly("资产产权明确性", "实际风险事件有效控制率", "工程变更合规性", "与预期质量计划差距定期检查率");
    }
}
