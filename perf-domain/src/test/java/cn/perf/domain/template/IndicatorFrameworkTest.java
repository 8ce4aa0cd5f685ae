package cn.perf.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorFrameworkTest {

    static IndicatorFramework national2021() {
        return IndicatorFramework.define("T2021", "测试体系", FormLayout.NATIONAL, "全国", 2022, null, "总分",
                new BigDecimal("100"), "财预〔2021〕101号",
                List.of(FrameworkCategory.topLevel("产出指标", null), FrameworkCategory.sub("产出指标", "数量指标"),
                        FrameworkCategory.topLevel("成本指标", null), FrameworkCategory.sub("成本指标", "经济成本指标"),
                        FrameworkCategory.topLevel("满意度指标", null),
                        FrameworkCategory.sub("满意度指标", "服务对象满意度指标"),
                        FrameworkCategory.fundsBased("预算执行率", BigDecimal.TEN)));
    }

    @Test
    void categoriesAndSubCategoriesAreCheckedAgainstTheFramework() {
        IndicatorFramework f = national2021();
        assertThat(f.misfit("成本指标", "经济成本指标")).isEmpty();
        assertThat(f.misfit("产出指标", "成本指标")).contains("“产出指标”的二级指标应为数量指标之一，而不是“成本指标”");
        assertThat(f.misfit("效益指标", "社会效益指标")).contains("指标类别“效益指标”不属于测试体系（可选：产出指标、成本指标、满意度指标）");
        assertThat(f.misfit("预算执行率", null)).isPresent();
        assertThat(f.appliesTo(2021)).isFalse();
        assertThat(f.appliesTo(2030)).isTrue();
    }

    @Test
    void aFlatFrameworkTakesNoSubCategories() {
        IndicatorFramework f = IndicatorFramework.define("S", "苏州", FormLayout.SUZHOU, "苏州市", 2017, null,
                "项目绩效实现情况", new BigDecimal("80"), "填表说明", List.of(FrameworkCategory.topLevel("投入", new BigDecimal("26"))));
        assertThat(f.misfit("投入", null)).isEmpty();
        assertThat(f.misfit("投入", "数量指标")).contains("“投入”没有二级指标，不能填写“数量指标”");
    }

    @Test
    void aDefinitionMustBeConsistent() {
        assertThatThrownBy(() -> IndicatorFramework.define("X", "x", FormLayout.NATIONAL, "全国", 2022, 2021, "总分", null,
                "依据", List.of())).hasMessage("指标体系的截止年度 2021 早于起始年度 2022");
        assertThatThrownBy(() -> IndicatorFramework.define("X", "x", FormLayout.NATIONAL, "全国", 2022, null, "总分", null,
                "依据", List.of(FrameworkCategory.sub("效益指标", "社会效益指标"))))
                .hasMessage("二级指标“社会效益指标”的一级指标“效益指标”不存在");
        assertThatThrownBy(() -> FrameworkCategory.topLevel("投入", new BigDecimal("-1"))).hasMessage("指标类别“投入”的分值不能为负数");
    }
}
