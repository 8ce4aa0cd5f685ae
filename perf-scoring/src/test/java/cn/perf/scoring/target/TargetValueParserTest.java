package cn.perf.scoring.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetValueParserTest {

    private final TargetValueParser parser = new TargetValueParser();

    private TargetValue.Quantitative quantitative(String text) {
        ParseResult r = parser.parse(text);
        assertThat(r).as(text).isInstanceOf(ParseResult.Parsed.class);
        assertThat(r.value().orElseThrow()).as(text).isInstanceOf(TargetValue.Quantitative.class);
        return (TargetValue.Quantitative) r.value().orElseThrow();
    }

    private String rejectionReason(String text) {
        ParseResult r = parser.parse(text);
        assertThat(r).as(text).isInstanceOf(ParseResult.Rejected.class);
        return ((ParseResult.Rejected) r).reason();
    }

    @ParameterizedTest(name = "{0} → {1} {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ≥85%          | GE | 85     | %
            ＞３０个        | GT | 30     | 个
            ＝１００％      | EQ | 100    | %
            ≧90%          | GE | 90     | %
            ≦5%           | LE | 5      | %
            >=12 台       | GE | 12     | 台
            <=3天         | LE | 3      | 天
            不低于90%      | GE | 90     | %
            不少于 10 次    | GE | 10     | 次
            不超过5%       | LE | 5      | %
            不高于 3 小时   | LE | 3      | 小时
            90%及其以上    | GE | 90     | %
            90%以上        | GE | 90     | %
            10个以下       | LE | 10     | 个
            5天以内        | LE | 5      | 天
            15%及其以下    | LE | 15     | %
            =15%及其以下   | LE | 15     | %
            大于 3 套      | GT | 3      | 套
            低于2%         | LT | 2      | %
            达到95%        | GE | 95     | %
            100次/年       | UNSPECIFIED | 100 | 次/年
            """)
    void parsesOperatorsNumbersAndUnits(String text, Operator op, String number, String unit) {
        TargetValue.Quantitative q = quantitative(text);
        assertThat(q.operator()).isEqualTo(op);
        assertThat(q.number()).isEqualByComparingTo(number);
        assertThat(q.unit()).isEqualTo(unit);
        assertThat(q.original()).isEqualTo(text);
    }

    @Test
    void aTextReadAgainGivesTheSameResultAsTheFirstReadingAndIsNotReadTwice() {
        String text = "≥" + System.nanoTime() % 1000 + "万元";          // not read by any other test
        ParseResult first = parser.parse(text);
        ParseResult again = new TargetValueParser().parse(text);
        assertThat(again).isSameAs(first);
        assertThat(again).isEqualTo(parser.parse(new String(text.toCharArray())));
        String prose = "提供就业机会，带动周边产业发展，" .repeat(10);  // longer than kept: read each time, still equal
        assertThat(parser.parse(prose)).isEqualTo(parser.parse(prose)).isNotSameAs(parser.parse(prose));
    }

    @Test
    void thousandsSeparatorsAreRemoved() {
        assertThat(quantitative("≥2,690,000 个").number()).isEqualByComparingTo("2690000");
        assertThat(quantitative("1,234.5元").number()).isEqualByComparingTo("1234.5");
    }

    @Test
    void wanIsAMagnitudeAndTheUnitFollowsIt() {
        TargetValue.Quantitative q = quantitative("<350万");
        assertThat(q.operator()).isEqualTo(Operator.LT);
        assertThat(q.number()).isEqualByComparingTo("350");
        assertThat(q.magnitude()).isEqualTo("万");
        assertThat(q.unit()).isEmpty();
        assertThat(q.value()).isEqualByComparingTo("3500000");

        TargetValue.Quantitative yuan = quantitative("≤41.86万元");
        assertThat(yuan.magnitude()).isEqualTo("万");
        assertThat(yuan.unit()).isEqualTo("元");
        assertThat(yuan.unitText()).isEqualTo("万元");
        assertThat(yuan.value()).isEqualByComparingTo("418600");
        assertThat(quantitative("1.5亿").value()).isEqualByComparingTo("150000000");
    }

    @Test
    void noOperatorIsUnspecifiedAndDefaultsToHigherIsBetter() {
        TargetValue.Quantitative q = quantitative("100%");
        assertThat(q.operator()).isEqualTo(Operator.UNSPECIFIED);
        assertThat(q.operator().isEquality()).isTrue();
        assertThat(q.operator().defaultDirection()).isEqualTo(Direction.HIGHER_IS_BETTER);
    }

    @Test
    void operatorsGiveDefaultDirections() {
        assertThat(quantitative("≥1").operator().defaultDirection()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(quantitative(">1").operator().defaultDirection()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(quantitative("≤1").operator().defaultDirection()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(quantitative("<1").operator().defaultDirection()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(quantitative("=1").operator().defaultDirection()).isEqualTo(Direction.HIGHER_IS_BETTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "-", "/", "_", "--", "——", "－", "／", "  ", "", " * "})
    void placeholdersAreRejectedAsNotFiled(String text) {
        ParseResult r = parser.parse(text);
        assertThat(r).isInstanceOf(ParseResult.Rejected.class);
        assertThat(((ParseResult.Rejected) r).placeholder()).isTrue();
        assertThat(((ParseResult.Rejected) r).reason()).isNotBlank();
    }

    @Test
    void nullIsRejectedAsEmpty() {
        ParseResult r = parser.parse(null);
        assertThat(r).isInstanceOf(ParseResult.Rejected.class);
        assertThat(((ParseResult.Rejected) r).reason()).contains("未填写");
    }

    @Test
    void rejectionsSayWhyInChinese() {
        assertThat(rejectionReason("≥")).contains("缺少数值");
        assertThat(rejectionReason("80%-90%")).contains("多个数值");
        assertThat(rejectionReason("1~2个")).contains("多个数值");
        assertThat(rejectionReason("1.2.3")).contains("格式不正确");
        assertThat(rejectionReason("1,00个")).contains("千分位");
        assertThat(rejectionReason("≥90%以下")).contains("矛盾");
        assertThat(rejectionReason("-5%")).contains("负数");
        assertThat(rejectionReason("=6个功能模块")).contains("不像单位");
        assertThat(rejectionReason("≥90%的用户")).contains("不是可识别的单位");
    }

    @Test
    void rejectedKeepsTheOriginalText() {
        ParseResult r = parser.parse(" 80%-90% ");
        assertThat(r.original()).isEqualTo(" 80%-90% ");
        assertThat(r.value()).isEmpty();
        assertThat(r.isParsed()).isFalse();
    }

    @Test
    void wordsAreQualitativeAndKeepTheirText() {
        ParseResult r = parser.parse(" 健全 ");
        TargetValue.Qualitative q = (TargetValue.Qualitative) r.value().orElseThrow();
        assertThat(q.text()).isEqualTo("健全");
        assertThat(q.original()).isEqualTo(" 健全 ");
        assertThat(q.mentionsNumber()).isFalse();
    }

    @Test
    void proseWithANumberIsQualitativeButMarked() {
        TargetValue.Qualitative q = (TargetValue.Qualitative) parser.parse("提供78个就业机会").value().orElseThrow();
        assertThat(q.mentionsNumber()).isTrue();
        assertThat(q.text()).isEqualTo("提供78个就业机会");
    }

    @Test
    void comparisonPhraseWithoutNumberIsQualitative() {
        assertThat(parser.parse("不低于去年水平").value().orElseThrow()).isInstanceOf(TargetValue.Qualitative.class);
    }

    @Test
    void leadingEqualsBeforeAWordIsDropped() {
        TargetValue.Qualitative q = (TargetValue.Qualitative) parser.parse("=好").value().orElseThrow();
        assertThat(q.text()).isEqualTo("好");
    }

    @Test
    void canonicalFormIsReadable() {
        assertThat(quantitative("≥35 个").canonical()).isEqualTo("≥ 35 个");
        assertThat(quantitative("100%").canonical()).isEqualTo("100 %");
        assertThat(quantitative("<700万").canonical()).isEqualTo("< 700 万");
    }

    @Test
    void percentIsRecognised() {
        assertThat(quantitative("=93%").isPercent()).isTrue();
        assertThat(quantitative("=93").isPercent()).isFalse();
        assertThat(quantitative("=93").value()).isEqualTo(new BigDecimal("93"));
    }
}
