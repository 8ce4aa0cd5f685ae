package cn.perf.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Paragraphs}: the one paragraph model of stored text blocks, for the Suzhou markup and typed lines alike. */
class ParagraphsTest {

    @Test
    void paragraphTagsSeparateParagraphs() {
        assertThat(Paragraphs.of("<p>一</p><p>二</p>")).containsExactly("一", "二");
        assertThat(Paragraphs.of("<P class=\"MsoNormal\">一</P>\n<p style=\"text-indent:2em\">二</p>"))
                .containsExactly("一", "二");
    }

    @Test
    void newlinesOfEveryKindSeparateParagraphs() {
        assertThat(Paragraphs.of("一\n二\r\n三\r四")).containsExactly("一", "二", "三", "四");
    }

    @Test
    void lineBreakTagsSeparateParagraphs() {
        assertThat(Paragraphs.of("一<br>二<br/>三<BR />四")).containsExactly("一", "二", "三", "四");
    }

    @Test
    void theEntitiesSuchSystemsWriteAreDecodedOnce() {
        assertThat(Paragraphs.of("<p>&nbsp;&nbsp;甲&amp;乙&lt;丙&gt;&quot;丁&quot;&#39;戊&#39;</p>"))
                .containsExactly("甲&乙<丙>\"丁\"'戊'");
        // an escaped entity stays an entity: decoded once, not twice
        assertThat(Paragraphs.of("A&amp;lt;B")).containsExactly("A&lt;B");
    }

    @Test
    void blankParagraphsAreDroppedAndEachParagraphIsStripped() {
        assertThat(Paragraphs.of("<p> </p><p>&nbsp;</p><p>\u3000一\u00a0</p>\n\n<p></p>  二  "))
                .containsExactly("一", "二");
    }

    @Test
    void nullAndBlankTextHaveNoParagraphs() {
        assertThat(Paragraphs.of(null)).isEmpty();
        assertThat(Paragraphs.of("")).isEmpty();
        assertThat(Paragraphs.of(" \n ")).isEmpty();
        assertThat(Paragraphs.asLines(null)).isEmpty();
    }

    @Test
    void asLinesIsOneParagraphPerLine() {
        assertThat(Paragraphs.asLines("<p>一</p><p>二</p>")).isEqualTo("一\n二");
        assertThat(Paragraphs.asLines("一\r\n\r\n二")).isEqualTo("一\n二");
        assertThat(Paragraphs.asLines("只有一段")).isEqualTo("只有一段");
    }

    @Test
    void formattingTagsAreDroppedButTheirTextIsKept() {
        assertThat(Paragraphs.of("<p><span style=\"font-size:14px\">甲</span><strong>乙</strong><b>丙</b>"
                + "<font color=red>丁</font><div>戊</div></p>")).containsExactly("甲乙丙丁戊");
    }

    @Test
    void anyOtherMarkupIsKeptAsTextForTheViewToEscape() {
        // a <script> in stored text is data: Paragraphs neither runs nor silently drops it; views print it escaped
        assertThat(Paragraphs.of("<p><script>alert('x')</script>正文</p>"))
                .containsExactly("<script>alert('x')</script>正文");
        assertThat(Paragraphs.of("&lt;script&gt;alert(1)&lt;/script&gt;")).containsExactly("<script>alert(1)</script>");
        assertThat(Paragraphs.of("<img src=x onerror=alert(1)>")).containsExactly("<img src=x onerror=alert(1)>");
        // <pre> is not a paragraph tag
        assertThat(Paragraphs.of("<pre>一</pre>")).containsExactly("<pre>一</pre>");
    }
}
