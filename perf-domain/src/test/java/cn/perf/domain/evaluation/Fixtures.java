package cn.perf.domain.evaluation;

import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.IndicatorValue;
import cn.perf.domain.shared.Money;
import java.math.BigDecimal;
import java.util.List;

/** Small forms for the unit tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Money wan(String s) {
        return Money.ofWan(s);
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** A Suzhou carry-over: 投入 6 (two rows), 产出 4 (one row); two sub-projects. */
    static DeclarationCarryOver suzhou() {
        return new DeclarationCarryOver(1L, EvaluationLayout.SUZHOU_2017, 7L, null, "测试项目", FiscalYear.of(2021),
                "概况", "总目标", "年度目标",
                List.of(new CategoryLine("投入目标", d("6")), new CategoryLine("产出目标", d("4"))),
                List.of(IndicatorLine.suzhou("投入目标", "预算执行率", "=100%", "3"),
                        IndicatorLine.suzhou("投入目标", "资金使用合规性", "合规", "3"),
                        IndicatorLine.suzhou("产出目标", "圈存机布点数", "=805个", "4")),
                List.of(new SubProjectLine("子项目甲", wan("60")), new SubProjectLine("子项目乙", wan("40"))));
    }

    /** A national carry-over: 产出指标 50, 效益指标 30, 满意度指标 10, one row each. */
    static DeclarationCarryOver national() {
        return new DeclarationCarryOver(2L, EvaluationLayout.NATIONAL_2020, 8L, 9L, "全国样式项目", FiscalYear.of(2020),
                null, "长期目标", "年度目标",
                List.of(new CategoryLine("产出指标", d("50")), new CategoryLine("效益指标", d("30")),
                        new CategoryLine("满意度指标", d("10"))),
                List.of(new IndicatorLine("产出指标", "数量指标", "执法车辆购置数", IndicatorValue.of("=6个"), d("50"), null),
                        new IndicatorLine("效益指标", "社会效益指标", "执法效率", IndicatorValue.of("提升"), d("30"), null),
                        new IndicatorLine("满意度指标", "服务对象满意度指标", "群众满意度", IndicatorValue.of("≥85%"), d("10"),
                                null)),
                List.of());
    }

    /** A Suzhou draft with consistent funds and every row filled: ready to submit. */
    static SelfEvaluation filledSuzhouDraft() {
        SelfEvaluation e = SelfEvaluation.fromDeclaration(suzhou());
        e.recordCityBudgetExecution(CityBudgetExecution.derived(wan("100"), wan("0"), wan("100")));
        e.recordCityFundsUse(CityFundsUse.of(wan("100"), wan("93"), wan("7"), wan("5"), wan("2")));
        e.recordResult(1, IndicatorValue.of("=93%"), d("3"), null);
        e.recordResult(2, IndicatorValue.of("好"), d("3"), null);
        e.recordResult(3, IndicatorValue.of("=1000个"), d("4"), null);
        return e;
    }
}
