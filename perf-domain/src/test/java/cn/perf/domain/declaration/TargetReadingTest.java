package cn.perf.domain.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.shared.IndicatorValue.Kind;
import cn.perf.scoring.target.Direction;
import cn.perf.scoring.target.DirectionAdvisor;
import org.junit.jupiter.api.Test;

/** {@link TargetReading}: the sentence beside a 目标值 field while the filer types (DESIGN.md §3.4). */
class TargetReadingTest {

    static final DirectionAdvisor ADVISOR = DirectionAdvisor.defaults();

    static TargetReading read(String text, String name) {
        return TargetReading.of(text, name, null, null, ADVISOR);
    }

    @Test
    void anAtLeastTargetIsReadHigherIsBetterWithoutAsking() {
        TargetReading r = read("≥35 个", "新增监控点位");
        assertThat(r.kind()).isEqualTo(Kind.QUANTITATIVE);
        assertThat(r.blank()).isFalse();
        assertThat(r.reading()).isEqualTo("≥ 35 个");
        assertThat(r.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(r.confirmed()).isFalse();
        assertThat(r.needsDirection()).isFalse();
        assertThat(r.hint()).isNull();
        assertThat(r.error()).isNull();
    }

    @Test
    void atMostTargetsAreReadLowerIsBetter() {
        TargetReading saving = read("15%及其以下", "资金节约率");
        assertThat(saving.reading()).isEqualTo("≤ 15 %");
        assertThat(saving.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(saving.needsDirection()).isFalse();
        TargetReading cost = read("<700万", "未来2年财政支出成本");
        assertThat(cost.reading()).isEqualTo("< 700 万");
        assertThat(cost.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(cost.needsDirection()).isFalse();
        assertThat(cost.hint()).isNull();
    }

    @Test
    void anEqualsOrBareTargetAsksForADirection() {
        TargetReading equals = read("=5%", "系统可用率");
        assertThat(equals.reading()).isEqualTo("= 5 %");
        assertThat(equals.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(equals.needsDirection()).isTrue();
        assertThat(equals.hint()).isNull();
        TargetReading bare = read("140000", "服务人次");
        assertThat(bare.reading()).isEqualTo("= 140000");
        assertThat(bare.needsDirection()).isTrue();
        assertThat(read("3.50万元", "节约资金").reading()).isEqualTo("= 3.5 万元");
    }

    @Test
    void aComplaintRateCarriesAHintTowardsLowerIsBetter() {
        TargetReading r = read("=5%", "业务系统投诉率");
        assertThat(r.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(r.needsDirection()).isTrue();
        assertThat(r.hint()).isEqualTo("指标名称含“投诉率”，通常越低越好");
        // an explanation wins over the name
        TargetReading explained = TargetReading.of("=70%", "电子化考核率", "考核占比达70%及以上", null, ADVISOR);
        assertThat(explained.hint()).isNull();
        assertThat(explained.needsDirection()).isTrue();
    }

    @Test
    void anExplicitOperatorSaysTheDirectionItselfAndIsNotAskedAbout() {
        // DESIGN §3.4: only = (or bare) targets are ambiguous; ≥ is the filer's explicit word
        TargetReading r = read("≥5%", "业务系统投诉率");
        assertThat(r.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(r.needsDirection()).isFalse();
        assertThat(r.hint()).isNull();
    }

    @Test
    void aConfirmedDirectionIsReportedAndNothingIsAsked() {
        TargetReading r = TargetReading.of("=5%", "业务系统投诉率", null, Direction.LOWER_IS_BETTER, ADVISOR);
        assertThat(r.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(r.confirmed()).isTrue();
        assertThat(r.needsDirection()).isFalse();
        assertThat(r.hint()).isNull();
        TargetReading against = TargetReading.of("=5%", "业务系统投诉率", null, Direction.HIGHER_IS_BETTER, ADVISOR);
        assertThat(against.confirmed()).isTrue();
        assertThat(against.needsDirection()).isFalse();
        assertThat(against.hint()).isEqualTo("指标名称含“投诉率”，通常越低越好");
    }

    @Test
    void aRangeIsUnreadableWithAReason() {
        TargetReading r = read("80%-90%", "圈存机布点率");
        assertThat(r.kind()).isEqualTo(Kind.UNPARSED);
        assertThat(r.blank()).isFalse();
        assertThat(r.reading()).isNull();
        assertThat(r.direction()).isNull();
        assertThat(r.needsDirection()).isFalse();
        assertThat(r.error()).contains("含有多个数值").contains("80").contains("90");
        assertThat(read("≥90%以下", "x").error()).contains("矛盾");
        assertThat(read("*", "x").error()).contains("占位符");
    }

    @Test
    void anApproximateCountIsReadAsQualitativeTextNotGuessed() {
        // 约35个 has no operator: like 提供78个就业机会 it is prose that mentions a number (DESIGN.md §3.4), kept as 定性
        // text rather than read as = 35 个
        TargetReading r = read("约35个", "新增点位");
        assertThat(r.kind()).isEqualTo(Kind.QUALITATIVE);
        assertThat(r.reading()).isEqualTo("约35个");
        assertThat(r.direction()).isNull();
        assertThat(r.needsDirection()).isFalse();
        assertThat(r.error()).isNull();
        // the scoring parser now reads 35个左右 as an approximate 35 个 (it used to be "= 35, unit 个左右"): the domain
        // keeps every approximate number as 定性 text, never as an exact one
        for (String approx : new String[] {"35个左右", "近35个", "大约35个"}) {
            TargetReading a = read(approx, "新增点位");
            assertThat(a.kind()).isEqualTo(Kind.QUALITATIVE);
            assertThat(a.reading()).isEqualTo(approx);
        }
    }

    @Test
    void nothingTypedIsBlank() {
        for (String blank : new String[] {null, "", "   "}) {
            TargetReading r = read(blank, "x");
            assertThat(r.blank()).as(String.valueOf(blank)).isTrue();
            assertThat(r.reading()).isNull();
            assertThat(r.error()).isNull();
            assertThat(r.needsDirection()).isFalse();
        }
    }

    @Test
    void aWordIsQualitativeAndKeepsItsText() {
        TargetReading r = read(" 健全 ", "管理制度");
        assertThat(r.kind()).isEqualTo(Kind.QUALITATIVE);
        assertThat(r.reading()).isEqualTo("健全");
        assertThat(r.direction()).isNull();
        assertThat(r.needsDirection()).isFalse();
        assertThat(r.hint()).isNull();
        // a qualitative target is never asked for a direction, whatever its name
        assertThat(read("稳定", "系统故障率").needsDirection()).isFalse();
    }
}
