package cn.perf.scoring.rule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.scoring.regime.ScoringMethod;
import cn.perf.scoring.regime.ScoringRegime;
import cn.perf.scoring.regime.ScoringRegimes;
import cn.perf.scoring.target.Direction;
import cn.perf.scoring.target.Operator;
import cn.perf.scoring.target.ParseResult;
import cn.perf.scoring.target.TargetValue;
import cn.perf.scoring.target.TargetValueParser;
import cn.perf.scoring.weight.EqualSplit;
import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Properties that must hold for every input, not just the examples. */
class ScoringPropertiesTest {

    record Case(ScoringRegime regime, ScoringMethod method, Direction direction, Operator operator, BigDecimal weight,
                BigDecimal target, BigDecimal actual) {
        RuleOutcome score() {
            return QuantitativeRules.score(new QuantitativeInput("产出", weight, target, actual, direction, operator, "t", "a"),
                    method, regime);
        }

        Case withActual(BigDecimal a) {
            return new Case(regime, method, direction, operator, weight, target, a);
        }
    }

    @Provide
    Arbitrary<BigDecimal> weights() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("60")).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000")).ofScale(2),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("3000000")).ofScale(0),
                Arbitraries.of(BigDecimal.ZERO, new BigDecimal("100"), new BigDecimal("130"), new BigDecimal("80")));
    }

    @Provide
    Arbitrary<ScoringRegime> regimes() {
        return Arbitraries.of(ScoringRegimes.SUZHOU_2017, ScoringRegimes.NATIONAL_2020);
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(regimes(), Arbitraries.of(ScoringMethod.class), Arbitraries.of(Direction.class),
                        Arbitraries.of(Operator.class), weights(), amounts(), amounts())
                .as(Case::new);
    }

    @Property(tries = 2000)
    void aScoreIsNeverNegativeNorAboveItsWeight(@ForAll("cases") Case c) {
        BigDecimal s = c.score().score();
        assertThat(s).isBetween(BigDecimal.ZERO, c.weight().setScale(2));
        assertThat(s.scale()).isEqualTo(2);
    }

    @Property(tries = 2000)
    void raisingTheActualOfAHigherIsBetterRowNeverLowersItsScore(@ForAll("cases") Case c, @ForAll("amounts") BigDecimal more) {
        // Suzhou BAND penalises completion above 130% by design, so monotonicity holds for THRESHOLD and
        // PROPORTIONAL, and for BAND only up to the band's upper end.
        Case h = new Case(c.regime(), c.method(), Direction.HIGHER_IS_BETTER, Operator.GE, c.weight(), c.target(), c.actual());
        Case raised = h.withActual(c.actual().add(more));
        if (c.method() == ScoringMethod.BAND && c.target().signum() > 0
                && raised.actual().compareTo(c.target().multiply(c.regime().band().fullUpperPercent()).movePointLeft(2)) > 0) {
            return;
        }
        assertThat(raised.score().score()).isGreaterThanOrEqualTo(h.score().score());
    }

    @Property(tries = 2000)
    void lateBandPenaltyNeverRaisesTheScore(@ForAll("weights") BigDecimal w, @ForAll("amounts") BigDecimal t,
                                            @ForAll @IntRange(min = 130, max = 400) int p, @ForAll @IntRange(min = 0, max = 50) int more) {
        if (t.signum() == 0) {
            return;
        }
        Case c = new Case(ScoringRegimes.SUZHOU_2017, ScoringMethod.BAND, Direction.HIGHER_IS_BETTER, Operator.GE, w, t,
                t.multiply(BigDecimal.valueOf(p)).movePointLeft(2));
        Case further = c.withActual(t.multiply(BigDecimal.valueOf(p + more)).movePointLeft(2));
        assertThat(further.score().score()).isLessThanOrEqualTo(c.score().score());
    }

    @Property(tries = 2000)
    void loweringTheActualOfALowerIsBetterRowNeverLowersItsScore(@ForAll("cases") Case c, @ForAll("amounts") BigDecimal less) {
        Case l = new Case(c.regime(), c.method(), Direction.LOWER_IS_BETTER, Operator.LE, c.weight(), c.target(), c.actual());
        BigDecimal lowered = c.actual().subtract(less).max(BigDecimal.ZERO);
        assertThat(l.withActual(lowered).score().score()).isGreaterThanOrEqualTo(l.score().score());
    }

    @Property(tries = 1000)
    void meetingATargetExactlyAlwaysEarnsFullWeight(@ForAll("cases") Case c) {
        Case met = c.withActual(c.target());
        if (met.operator().isEquality() && met.target().signum() == 0) {
            assertThat(met.score().score()).isEqualByComparingTo(c.weight());
            return;
        }
        assertThat(met.score().score()).isEqualByComparingTo(c.weight().setScale(2));
    }

    @Property(tries = 2000)
    void equalSplitWeightsAlwaysSumExactlyToCategoryPoints(@ForAll("weights") BigDecimal points,
                                                           @ForAll @IntRange(min = 1, max = 200) int rows) {
        EqualSplit s = EqualSplit.of(points, rows, 2);
        assertThat(s.weights()).hasSize(rows);
        assertThat(s.weights().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(points);
        assertThat(s.weights()).allSatisfy(w -> assertThat(w.signum()).isGreaterThanOrEqualTo(0));
        assertThat(s.weights().subList(0, rows - 1)).allSatisfy(w -> assertThat(w).isEqualByComparingTo(s.share()));
    }

    @Property(tries = 2000)
    void parsingNeverThrowsAndAlwaysKeepsTheOriginal(@ForAll @StringLength(max = 30) String text) {
        ParseResult r = new TargetValueParser().parse(text);
        assertThat(r.original()).isEqualTo(text);
        if (r instanceof ParseResult.Rejected rej) {
            assertThat(rej.reason()).isNotBlank();
        }
    }

    @Property(tries = 1000)
    void writtenNumbersParseBackToTheirValue(@ForAll("amounts") BigDecimal n,
                                             @ForAll("ops") String op, @ForAll("units") String unit) {
        String text = op + n.toPlainString() + unit;
        TargetValue v = new TargetValueParser().parse(text).value().orElseThrow();
        assertThat(v).isInstanceOf(TargetValue.Quantitative.class);
        assertThat(((TargetValue.Quantitative) v).number()).isEqualByComparingTo(n);
        assertThat(((TargetValue.Quantitative) v).unit()).isEqualTo(unit);
    }

    @Provide
    Arbitrary<String> ops() {
        return Arbitraries.of("", "=", "≥", "≤", ">", "<", "＝", "不低于", "不超过");
    }

    @Provide
    Arbitrary<String> units() {
        return Arbitraries.of("", "%", "个", "台", "套", "份", "项", "种", "点", "次", "人", "元", "天", "月", "年", "小时", "人次");
    }
}
