package cn.perf.scoring.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectionAdvisorTest {

    private final DirectionAdvisor advisor = DirectionAdvisor.defaults();

    @Test
    void suggestsLowerIsBetterForComplaintRatesCostsAndDurations() {
        for (String name : new String[] {"业务系统投诉率", "设备故障率", "票据差错率", "单位运行成本", "平均办理用时", "审批天数"}) {
            assertThat(advisor.suggest(name, "").orElseThrow().direction()).as(name).isEqualTo(Direction.LOWER_IS_BETTER);
        }
    }

    @Test
    void explanationWinsOverNameAndIsQuoted() {
        DirectionHint h = advisor.suggest("电子化考核率", "整体考核中, 本系统考核占比达70%及以上").orElseThrow();
        assertThat(h.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(h.reason()).contains("70%及以上");
        assertThat(advisor.suggest("满意度", "投诉占比不超过5%").orElseThrow().direction()).isEqualTo(Direction.LOWER_IS_BETTER);
    }

    @Test
    void saysNothingWhenNothingHints() {
        assertThat(advisor.suggest("预算执行率", "考察实际支出资金额占预算到位资金额的比率")).isEmpty();
    }
}
