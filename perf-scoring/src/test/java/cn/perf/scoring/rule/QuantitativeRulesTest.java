package cn.perf.scoring.rule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.scoring.regime.BandParameters;
import cn.perf.scoring.regime.ScoringMethod;
import cn.perf.scoring.regime.ScoringRegime;
import cn.perf.scoring.regime.ScoringRegimes;
import cn.perf.scoring.target.Direction;
import cn.perf.scoring.target.Operator;
import cn.perf.scoring.trace.RuleIds;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitativeRulesTest {

    private static final ScoringRegime SUZHOU = ScoringRegimes.SUZHOU_2017;
    private static final ScoringRegime NATIONAL = ScoringRegimes.NATIONAL_2020;

    private static RuleOutcome score(ScoringRegime regime, ScoringMethod method, String w, String t, String a,
                                     Direction d, Operator op) {
        QuantitativeInput in = new QuantitativeInput("产出", new BigDecimal(w), new BigDecimal(t), new BigDecimal(a), d, op,
                op.symbol() + t, "=" + a);
        return QuantitativeRules.score(in, method, regime);
    }

    private static RuleOutcome higher(ScoringRegime regime, ScoringMethod method, String w, String t, String a) {
        return score(regime, method, w, t, a, Direction.HIGHER_IS_BETTER, Operator.GE);
    }

    private static RuleOutcome lower(ScoringRegime regime, ScoringMethod method, String w, String t, String a) {
        return score(regime, method, w, t, a, Direction.LOWER_IS_BETTER, Operator.LE);
    }

    @Nested
    class SuzhouOutputBand {

        @ParameterizedTest(name = "w={0} t={1} a={2} → {3}")
        @CsvSource(textBlock = """
                6, 100, 100,    6.00
                6, 100, 130,    6.00
                6, 100, 115,    6.00
                6, 100, 99.99,  6.00
                6, 100, 99.9,   5.97
                6, 100, 99,     5.70
                6, 100, 93,     3.90
                6, 100, 93.5,   4.05
                6, 100, 81,     0.30
                6, 100, 80,     0.00
                6, 100, 50,     0.00
                6, 100, 0,      0.00
                6, 100, 130.5,  5.97
                6, 100, 131,    5.94
                6, 100, 150,    4.80
                6, 100, 230,    0.00
                6, 100, 500,    0.00
                2.18, 805, 1000, 2.18
                """)
        void fullInsideTheBandDeductedOutside(String w, String t, String a, String expected) {
            assertThat(higher(SUZHOU, ScoringMethod.BAND, w, t, a).score()).isEqualByComparingTo(expected);
        }

        @Test
        void exactly100And130AreFullAndSayTheBand() {
            RuleOutcome at100 = higher(SUZHOU, ScoringMethod.BAND, "6", "100", "100");
            assertThat(at100.trace().ruleId()).isEqualTo(RuleIds.BAND_FULL);
            assertThat(at100.trace().text()).contains("在 100%~130% 满分区间内");
            assertThat(higher(SUZHOU, ScoringMethod.BAND, "6", "100", "130").trace().ruleId()).isEqualTo(RuleIds.BAND_FULL);
        }

        @Test
        void shortfallTraceReadsLikeTheDesignExample() {
            RuleOutcome o = higher(SUZHOU, ScoringMethod.BAND, "6", "100", "93");
            assertThat(o.trace().ruleId()).isEqualTo(RuleIds.BAND_SHORT);
            assertThat(o.trace().text()).contains("完成率 93.0%，低于目标 7.0 个百分点，扣减权重 35%：6 × 65% = 3.90");
            assertThat(o.trace().formula()).isEqualTo("6 × 65% = 3.90");
            assertThat(o.trace().inputs()).containsEntry("完成率", "93.0%").containsEntry("扣减比例", "35%");
            assertThat(o.ratio()).isEqualByComparingTo("0.93");
        }

        @Test
        void overTraceNamesTheExcessPoints() {
            RuleOutcome o = higher(SUZHOU, ScoringMethod.BAND, "6", "100", "150");
            assertThat(o.trace().ruleId()).isEqualTo(RuleIds.BAND_OVER);
            assertThat(o.trace().text()).contains("超过 130% 满分上限 20.0 个百分点").contains("6 × 80% = 4.80");
        }

        @Test
        void deductionsStopAtZeroAndSaySo() {
            RuleOutcome o = higher(SUZHOU, ScoringMethod.BAND, "6", "100", "50");
            assertThat(o.score()).isEqualByComparingTo("0");
            assertThat(o.trace().text()).contains("扣完为止");
        }

        @Test
        void fractionalPointsAreProportionalByDefault() {
            // 93.5% → 6.5 points × 5% = 32.5% deducted: 6 × 67.5% = 4.05
            RuleOutcome o = higher(SUZHOU, ScoringMethod.BAND, "6", "100", "93.5");
            assertThat(o.score()).isEqualByComparingTo("4.05");
            assertThat(o.trace().text()).contains("低于目标 6.5 个百分点，扣减权重 32.5%");
        }

        @Test
        void wholePointsCountingIsAParameter() {
            Map<String, String> p = new HashMap<>();
            p.put("regime.base", "SUZHOU_2017");
            p.put("band.pointCounting", "WHOLE_POINTS");
            ScoringRegime whole = ScoringRegimes.fromMap(p);
            assertThat(whole.band().pointCounting()).isEqualTo(BandParameters.PointCounting.WHOLE_POINTS);
            RuleOutcome o = higher(whole, ScoringMethod.BAND, "6", "100", "93.5");
            // 6.5 points count as 6: 30% deducted → 6 × 70% = 4.20
            assertThat(o.score()).isEqualByComparingTo("4.20");
            assertThat(o.trace().text()).contains("按整数计 6 个百分点");
            assertThat(higher(whole, ScoringMethod.BAND, "6", "100", "99.5").score()).isEqualByComparingTo("6.00");
        }
    }

    @Nested
    class SuzhouResultThreshold {

        @ParameterizedTest(name = "t={0} a={1} → {2}")
        @CsvSource(textBlock = """
                35, 40,      2.44
                100, 100,    2.44
                500000, 2690000, 2.44
                100, 99,     2.32
                100, 90,     1.22
                100, 80,     0.00
                """)
        void fullFrom100PercentNoPenaltyAbove(String t, String a, String expected) {
            assertThat(higher(SUZHOU, ScoringMethod.THRESHOLD, "2.44", t, a).score()).isEqualByComparingTo(expected);
        }

        @Test
        void traceSaysNoPenaltyAbove() {
            RuleOutcome o = higher(SUZHOU, ScoringMethod.THRESHOLD, "2.44", "500000", "2690000");
            assertThat(o.trace().ruleId()).isEqualTo(RuleIds.THRESHOLD_FULL);
            assertThat(o.trace().text()).contains("完成率 538.0%").contains("超出目标不扣分");
        }
    }

    @Nested
    class SuzhouLowerIsBetter {

        @Test
        void metIsFull() {
            RuleOutcome o = lower(SUZHOU, ScoringMethod.BAND, "1", "15", "1");
            assertThat(o.score()).isEqualByComparingTo("1.00");
            assertThat(o.trace().ruleId()).isEqualTo(RuleIds.LOWER_MET);
            assertThat(lower(SUZHOU, ScoringMethod.BAND, "1", "15", "15").score()).isEqualByComparingTo("1.00");
        }

        @Test
        void zeroActualIsMetWithoutDividingByZero() {
            RuleOutcome o = lower(SUZHOU, ScoringMethod.BAND, "1", "15", "0");
            assertThat(o.score()).isEqualByComparingTo("1.00");
            assertThat(o.trace().ruleId()).isEqualTo(RuleIds.LOWER_MET);
        }

        @Test
        void missedUsesTargetOverActualThenTheShortfallRule() {
            // 15 / 16 = 93.75% → 6.25 points × 5% = 31.25% → 4 × 68.75% = 2.75
            RuleOutcome o = lower(SUZHOU, ScoringMethod.BAND, "4", "15", "16");
            assertThat(o.score()).isEqualByComparingTo("2.75");
            assertThat(o.trace().ruleId()).isEqualTo(RuleIds.LOWER_INVERSE_RATIO);
            assertThat(o.trace().text()).contains("目标 ÷ 实际 = 15 ÷ 16").contains("完成率 93.75%");
            // 15 / 20 = 75% → 25 points → 125% → 0
            assertThat(lower(SUZHOU, ScoringMethod.BAND, "4", "15", "20").score()).isEqualByComparingTo("0.00");
        }
    }

    @Nested
    class National {

        @ParameterizedTest(name = "≥ t={0} a={1} → {2}")
        @CsvSource(textBlock = """
                100, 100, 10.00
                100, 200, 10.00
                100, 80,  8.00
                100, 0,   0.00
                3, 2,     6.67
                """)
        void higherIsBetterIsProportionalBelowTarget(String t, String a, String expected) {
            assertThat(higher(NATIONAL, ScoringMethod.PROPORTIONAL, "10", t, a).score()).isEqualByComparingTo(expected);
        }

        @ParameterizedTest(name = "≤ t={0} a={1} → {2}")
        @CsvSource(textBlock = """
                350, 300, 10.00
                350, 350, 10.00
                350, 420, 8.00
                350, 525, 5.00
                350, 699, 0.03
                350, 700, 0.00
                350, 900, 0.00
                350, 0,   10.00
                """)
        void lowerIsBetterFallsLinearlyToZeroAtTwiceTheTarget(String t, String a, String expected) {
            assertThat(lower(NATIONAL, ScoringMethod.PROPORTIONAL, "10", t, a).score()).isEqualByComparingTo(expected);
        }

        @Test
        void lowerTraceShowsTheFormula() {
            RuleOutcome o = lower(NATIONAL, ScoringMethod.PROPORTIONAL, "10", "350", "420");
            assertThat(o.trace().ruleId()).isEqualTo(RuleIds.LOWER_LINEAR_TO_DOUBLE);
            assertThat(o.trace().formula()).isEqualTo("w × (1 − (a − t) ÷ t) = 10 × (1 − (420 − 350) ÷ 350) = 8.00");
            assertThat(lower(NATIONAL, ScoringMethod.PROPORTIONAL, "10", "350", "700").trace().text()).contains("≥ 2 × 目标");
        }

        @Test
        void equalityWithZeroTargetIsExact() {
            RuleOutcome zero = score(NATIONAL, ScoringMethod.PROPORTIONAL, "5", "0", "0", Direction.HIGHER_IS_BETTER, Operator.EQ);
            assertThat(zero.score()).isEqualByComparingTo("5.00");
            assertThat(zero.trace().ruleId()).isEqualTo(RuleIds.ZERO_EQUALITY_TARGET);
            RuleOutcome one = score(NATIONAL, ScoringMethod.PROPORTIONAL, "5", "0", "1", Direction.HIGHER_IS_BETTER, Operator.EQ);
            assertThat(one.score()).isEqualByComparingTo("0.00");
        }

        @Test
        void equalityWithNonZeroTargetIsScoredAsAtLeast() {
            RuleOutcome o = score(NATIONAL, ScoringMethod.PROPORTIONAL, "6", "100", "93", Direction.HIGHER_IS_BETTER, Operator.EQ);
            assertThat(o.score()).isEqualByComparingTo("5.58");
            assertThat(o.trace().ruleId()).isEqualTo(RuleIds.PROPORTIONAL_SHORT);
        }
    }

    @Nested
    class ZeroTargets {

        @Test
        void suzhouEqualsZeroIsExactToo() {
            assertThat(score(SUZHOU, ScoringMethod.BAND, "2", "0", "0", Direction.HIGHER_IS_BETTER, Operator.EQ).score())
                    .isEqualByComparingTo("2.00");
            assertThat(score(SUZHOU, ScoringMethod.BAND, "2", "0", "3", Direction.HIGHER_IS_BETTER, Operator.UNSPECIFIED).score())
                    .isEqualByComparingTo("0.00");
        }

        @Test
        void atLeastZeroIsAlwaysMet() {
            RuleOutcome o = score(SUZHOU, ScoringMethod.BAND, "2", "0", "3", Direction.HIGHER_IS_BETTER, Operator.GE);
            assertThat(o.score()).isEqualByComparingTo("2.00");
            assertThat(o.trace().ruleId()).isEqualTo(RuleIds.ZERO_TARGET_HIGHER);
            assertThat(o.trace().text()).contains("完成率无定义");
        }

        @Test
        void lowerIsBetterWithZeroTargetMissedScoresZero() {
            assertThat(lower(SUZHOU, ScoringMethod.BAND, "2", "0", "1").score()).isEqualByComparingTo("0.00");
            assertThat(lower(NATIONAL, ScoringMethod.PROPORTIONAL, "2", "0", "1").score()).isEqualByComparingTo("0.00");
        }

        @Test
        void zeroEqualityAsDirectionIsAParameter() {
            Map<String, String> p = Map.of("regime.base", "NATIONAL_2020", "zeroEqualityTarget", "AS_DIRECTION");
            ScoringRegime r = ScoringRegimes.fromMap(p);
            RuleOutcome o = score(r, ScoringMethod.PROPORTIONAL, "2", "0", "3", Direction.HIGHER_IS_BETTER, Operator.EQ);
            assertThat(o.trace().ruleId()).isEqualTo(RuleIds.ZERO_TARGET_HIGHER);
            assertThat(o.score()).isEqualByComparingTo("2.00");
        }
    }
}
