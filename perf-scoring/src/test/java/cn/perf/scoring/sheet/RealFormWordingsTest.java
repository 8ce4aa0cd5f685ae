package cn.perf.scoring.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.scoring.check.FindingCode;
import cn.perf.scoring.check.Severity;
import cn.perf.scoring.funds.BudgetExecution;
import cn.perf.scoring.regime.ScoringRegimes;
import cn.perf.scoring.target.Direction;
import cn.perf.scoring.target.DirectionAdvisor;
import cn.perf.scoring.target.ParseResult;
import cn.perf.scoring.target.TargetValue;
import cn.perf.scoring.target.TargetValueParser;
import cn.perf.scoring.target.Operator;
import cn.perf.scoring.trace.RuleIds;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Wordings of real published forms that the engine used to misread (issue 9). */
class RealFormWordingsTest {

    private static final TargetValueParser PARSER = new TargetValueParser();
    private static final SheetScorer SUZHOU = new SheetScorer(ScoringRegimes.SUZHOU_2017);
    private static final SheetScorer NATIONAL = new SheetScorer(ScoringRegimes.NATIONAL_2020);

    private static SheetResult suzhouOne(IndicatorRow row) {
        return SUZHOU.score(Sheet.builder("t", "SUZHOU_2017").category("产出", "24").row(row).build());
    }

    private static SheetResult nationalOne(IndicatorRow row) {
        return NATIONAL.score(Sheet.builder("t", "NATIONAL_2020").category("产出", "50").row(row)
                .budgetExecution(new BudgetExecution(new BigDecimal("100"), new BigDecimal("100"))).build());
    }

    private static IndicatorRow.Builder output(String name) {
        return IndicatorRow.builder("产出", name).weight("24");
    }

    @Nested
    class ApproximateValues {

        @ParameterizedTest
        @CsvSource({"约35个,约", "35个左右,左右", "近35个,近", "大约35个,大约", "约为35个,约为", "接近35个,接近",
                "将近35个,将近", "35个上下,上下", "约35个左右,约…左右"})
        void approximateWordsAreKeptNotDropped(String text, String word) {
            TargetValue.Quantitative q = (TargetValue.Quantitative) PARSER.parse(text).value().orElseThrow();
            assertThat(q.number()).isEqualByComparingTo("35");
            assertThat(q.unit()).isEqualTo("个");
            assertThat(q.approximation()).isEqualTo(word);
            assertThat(q.isApproximate()).isTrue();
        }

        @Test
        void wanYuanLeftRightKeepsMagnitudeAndUnit() {
            TargetValue.Quantitative q = (TargetValue.Quantitative) PARSER.parse("90万元左右").value().orElseThrow();
            assertThat(q.value()).isEqualByComparingTo("900000");
            assertThat(q.unitText()).isEqualTo("万元");
            assertThat(q.approximation()).isEqualTo("左右");
        }

        @Test
        void chaoguoIsAnOperatorNotAnApproximation() {
            TargetValue.Quantitative q = (TargetValue.Quantitative) PARSER.parse("超过35个").value().orElseThrow();
            assertThat(q.operator()).isEqualTo(Operator.GT);
            assertThat(q.isApproximate()).isFalse();
        }

        @Test
        void exactValuesAreNotApproximate() {
            TargetValue.Quantitative q = (TargetValue.Quantitative) PARSER.parse("≥35个").value().orElseThrow();
            assertThat(q.isApproximate()).isFalse();
            assertThat(q.approximation()).isEmpty();
        }

        @Test
        void proseStartingWithJinIsStillQualitative() {
            assertThat(PARSER.parse("近三年持续提升").value().orElseThrow()).isInstanceOf(TargetValue.Qualitative.class);
            assertThat(PARSER.parse("接近国内先进水平").value().orElseThrow()).isInstanceOf(TargetValue.Qualitative.class);
            assertThat(PARSER.parse("近3年无事故").value().orElseThrow()).isInstanceOf(TargetValue.Qualitative.class);
        }

        @Test
        void anOperatorWithAnApproximationIsRejected() {
            ParseResult r = PARSER.parse("≥35个左右");
            assertThat(r).isInstanceOf(ParseResult.Rejected.class);
            assertThat(((ParseResult.Rejected) r).reason()).contains("约数");
        }

        @ParameterizedTest
        @ValueSource(strings = {"35个左右", "约35个", "近35个"})
        void anApproximateActualIsNotScoredButLeftForReview(String actual) {
            SheetResult r = suzhouOne(output("前置交换节点数").target("35").actual(actual).build());
            RowResult row = r.rows().get(0);
            assertThat(row.status()).isEqualTo(RowStatus.PENDING_REVIEW);
            assertThat(row.finalScore()).isNull();
            assertThat(row.trace().ruleId()).isEqualTo(RuleIds.PENDING_REVIEW);
            assertThat(row.trace().fullText()).contains("实际完成值“" + actual + "”是约数").contains("待审核人评分");
            assertThat(r.findings(FindingCode.ACTUAL_APPROXIMATE)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains(actual).contains("约数"));
        }

        @Test
        void anApproximateTargetIsAFindingAndSaysSoInTheTrace() {
            SheetResult r = suzhouOne(output("前置交换节点数").target("约35个").actual("=35个").build());
            RowResult row = r.rows().get(0);
            assertThat(row.status()).isEqualTo(RowStatus.SCORED);
            assertThat(row.finalScore()).isEqualByComparingTo("24.00");
            assertThat(r.findings(FindingCode.TARGET_APPROXIMATE)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.message()).contains("目标值“约35个”是约数（“约”）").contains("请改写为确切目标值");
            });
            assertThat(row.trace().fullText()).contains("目标值“约35个”为约数（“约”），暂按 35个 计");
        }
    }

    @Nested
    class ActualWithoutUnit {

        @Test
        void aBareActualTakesTheTargetsUnitAndMagnitude() {
            SheetResult r = nationalOne(IndicatorRow.builder("产出", "项目成本").weight("50").target("≤90万元")
                    .actual("95").build());
            RowResult row = r.rows().get(0);
            // 95 万元 > 90 万元: national ≤ rule, 50 × (1 − 5/90) = 47.22; it used to be 95 元 → full marks
            assertThat(row.finalScore()).isEqualByComparingTo("47.22");
            assertThat(row.trace().ruleId()).isEqualTo(RuleIds.LOWER_LINEAR_TO_DOUBLE);
            assertThat(row.trace().fullText()).contains("实际值未写单位，按目标值单位“万元”计");
            assertThat(r.findings(FindingCode.UNIT_ASSUMED)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("“95”读作 95万元"));
        }

        @Test
        void aBareActualAgainstAPercentTargetIsAPercent() {
            SheetResult r = suzhouOne(output("验收合格率").target("≥90%").actual("95").build());
            assertThat(r.rows().get(0).status()).isEqualTo(RowStatus.SCORED);
            assertThat(r.rows().get(0).finalScore()).isEqualByComparingTo("24.00");
            assertThat(r.rows().get(0).trace().fullText()).contains("实际值未写单位，按目标值单位“%”计");
        }

        @Test
        void anActualInYuanAgainstWanYuanIsConverted() {
            SheetResult r = nationalOne(IndicatorRow.builder("产出", "项目成本").weight("50").target("≤90万元")
                    .actual("850000元").build());
            assertThat(r.rows().get(0).trace().ruleId()).isEqualTo(RuleIds.LOWER_MET);
        }
    }

    @Nested
    class TargetWithoutUnit {

        @Test
        void aBareNumberInAnOrdinaryIndicatorIsAWarning() {
            SheetResult r = suzhouOne(output("业务中台通用服务能力").target("43.2").actual("43.2").build());
            assertThat(r.findings(FindingCode.TARGET_UNIT_MISSING)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.message()).contains("目标值“43.2”未写单位，无法确定计量口径");
            });
            assertThat(r.rows().get(0).finalScore()).isEqualByComparingTo("24.00");
        }

        @Test
        void aBareNumberInARateIsAnInfoAskingForPercent() {
            SheetResult r = suzhouOne(output("成本控制率").target("100").actual("100").build());
            assertThat(r.findings(FindingCode.TARGET_UNIT_MISSING)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.INFO);
                assertThat(f.message()).contains("指标为比率，应写明“%”（如“100%”）");
            });
        }

        @Test
        void aTargetWithAUnitIsNotReported() {
            SheetResult r = suzhouOne(output("设备数").target("=4台").actual("=4台").build());
            assertThat(r.findings(FindingCode.TARGET_UNIT_MISSING)).isEmpty();
        }
    }

    @Nested
    class DirectionOfRates {

        private final DirectionAdvisor advisor = DirectionAdvisor.defaults();

        @ParameterizedTest
        @ValueSource(strings = {"成本控制率", "投诉处理及时率", "事故隐患整改率", "差错更正完成率", "成本核算覆盖率",
                "投诉人满意度", "成本控制率（%）", "运行成本执行率"})
        void aNameEndingInAHigherIsBetterRateIsNotLowerIsBetter(String name) {
            assertThat(advisor.suggest(name, "")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"业务系统投诉率", "事故发生率", "差错率", "运行成本", "投诉件数", "安全事故数"})
        void lowerIsBetterWordsStillApplyElsewhere(String name) {
            assertThat(advisor.suggest(name, "")).hasValueSatisfying(h ->
                    assertThat(h.direction()).isEqualTo(Direction.LOWER_IS_BETTER));
        }

        @Test
        void costControlRateHundredIsScoredHigherIsBetterWithoutLint() {
            SheetResult r = suzhouOne(output("成本控制率").target("=100%").actual("=98%").build());
            assertThat(r.findings(FindingCode.EQUALITY_DIRECTION_LINT)).isEmpty();
            assertThat(r.rows().get(0).direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        }
    }

    @Nested
    class FiledBudgetExecutionScore {

        private SheetResult score(String filed) {
            Sheet sheet = Sheet.builder("t", "NATIONAL_2020").category("产出", "90")
                    .row(IndicatorRow.of("产出", "a", "≥1个", "90", "=1个", null))
                    .budgetExecution(new BudgetExecution(new BigDecimal("100"), new BigDecimal("86.2"),
                            filed == null ? null : new BigDecimal(filed))).build();
            return NATIONAL.score(sheet);
        }

        @Test
        void aFiledScoreThatDiffersIsReportedLikeARow() {
            SheetResult r = score("9");
            assertThat(r.budgetExecutionScore()).contains(new BigDecimal("8.62"));
            assertThat(r.findings(FindingCode.RECORDED_SCORE_MISMATCH)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.location()).isEqualTo("预算执行率");
                assertThat(f.message()).contains("填报自评分 9，按规则计算为 8.62，相差 0.38");
            });
            assertThat(r.budgetExecutionTrace().orElseThrow().fullText()).contains("填报自评分 9 与计算得分 8.62 不一致");
        }

        @Test
        void aMatchingFiledScoreIsSilent() {
            assertThat(score("8.62").findings(FindingCode.RECORDED_SCORE_MISMATCH)).isEmpty();
            assertThat(score(null).findings(FindingCode.RECORDED_SCORE_MISMATCH)).isEmpty();
        }
    }
}
