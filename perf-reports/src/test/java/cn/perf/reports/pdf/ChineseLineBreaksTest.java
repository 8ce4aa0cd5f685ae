package cn.perf.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a line may break: after CJK text, never before closing or after opening punctuation. */
class ChineseLineBreaksTest {

    private static boolean breaksAfter(String text, int index) {
        char[] cc = text.toCharArray();
        return ChineseLineBreaks.INSTANCE.isSplitCharacter(0, index, cc.length, cc, null);
    }

    @Test
    void aLineMayBreakBetweenTwoChineseCharacters() {
        assertThat(breaksAfter("城管执法", 1)).isTrue();
    }

    @Test
    void neverBeforeClosingPunctuation() {
        for (char closing : "，。、；：？！）》」』】”’…%".toCharArray()) {
            assertThat(breaksAfter("考核" + closing + "系统", 1)).as("before %s", closing).isFalse();
        }
    }

    @Test
    void afterClosingPunctuationItMay() {
        assertThat(breaksAfter("考核，系统", 2)).isTrue();
        assertThat(breaksAfter("（试行）》、《苏州", 3)).as("between ） and 》").isFalse();
        assertThat(breaksAfter("（试行）》、《苏州", 4)).as("between 》 and 、").isFalse();
        assertThat(breaksAfter("（试行）》、《苏州", 5)).as("between 、 and 《").isTrue();
        assertThat(breaksAfter("（试行）》、《苏州", 6)).as("between 《 and 苏").isFalse();
    }

    @Test
    void neverAfterOpeningPunctuation() {
        for (char opening : "（《「『【“‘".toCharArray()) {
            assertThat(breaksAfter("办法" + opening + "实施", 2)).as("after %s", opening).isFalse();
        }
    }

    @Test
    void notInsideANumberOrAWordButBetweenItAndChinese() {
        assertThat(breaksAfter("13732637755", 4)).isFalse();
        assertThat(breaksAfter("APP下载数", 1)).isFalse();
        assertThat(breaksAfter("APP下载数", 2)).as("between APP and 下").isTrue();
        assertThat(breaksAfter("2021年", 3)).as("before 年").isTrue();
        assertThat(breaksAfter("70%及以上", 1)).as("before %").isFalse();
    }

    @Test
    void atSpacesAndHyphens() {
        assertThat(breaksAfter("project name", 7)).isTrue();
        assertThat(breaksAfter("2021-03", 4)).isTrue();
    }
}
