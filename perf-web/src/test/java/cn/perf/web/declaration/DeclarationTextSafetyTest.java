package cn.perf.web.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;

/**
 * Stored text is never rendered unescaped (DESIGN.md §7): markup typed into a text block, a name or an indicator
 * comes back as text on the read view, the edit page, the list, a re-rendered form and the 409 page.
 */
class DeclarationTextSafetyTest extends DeclarationPageSupport {

    private static final String SCRIPT = "<script>alert(1)</script><p>第二段</p>";

    @Test
    void markupInTheOverviewIsShownAsTextOnTheReadView() throws Exception {
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, unique("转义"), 2027);
        form.set("overview", SCRIPT + "\n第三段");
        long id = create(CHENGGUAN_FILER, form);

        String detail = page(CHENGGUAN_FILER, "/declarations/" + id);

        assertThat(detail).doesNotContain("<script>alert").doesNotContain("<script>");
        String overview = block(detail, "overview");
        assertThat(overview).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        // each stored paragraph is one <p> printed with th:text: the markup's paragraphs become paragraphs
        List<String> paragraphs = paragraphs(overview);
        assertThat(String.join("", paragraphs)).contains("<script>alert(1)</script>").contains("第二段")
                .contains("第三段");
        assertThat(paragraphs).last().isEqualTo("第三段");
        assertThat(overview).doesNotContainPattern("<(?!/?p>)[a-zA-Z/]");
    }

    @Test
    void markupInNamesAndIndicatorsIsEscapedEverywhereItIsShown() throws Exception {
        String marker = unique("标记");
        String name = marker + "<img src=x onerror=alert(2)>";
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, name, 2027);
        form.set("subProjects[0].name", "<b>平台</b>建设");
        form.set("indicators[10].explanation", "<iframe src=\"javascript:alert(3)\"></iframe>说明");
        form.set("indicators[10].targetText", "≥8个<svg onload=alert(4)>");
        long id = create(CHENGGUAN_FILER, form);

        String detail = page(CHENGGUAN_FILER, "/declarations/" + id);
        String edit = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        String list = page(CHENGGUAN_FILER, "/declarations?name=" + marker);

        for (String html : new String[] {detail, edit, list}) {
            assertThat(html).doesNotContain("<img src=x").doesNotContain("<b>平台</b>")
                    .doesNotContain("<iframe src=\"javascript").doesNotContain("<svg onload");
        }
        assertThat(detail).contains("&lt;img src=x onerror=alert(2)&gt;").contains("&lt;b&gt;平台&lt;/b&gt;建设");
        assertThat(list).contains("&lt;img src=x onerror=alert(2)&gt;");
        assertThat(valueOf(edit, "projectName")).isEqualTo(name);
        assertThat(valueOf(edit, "indicators[10].explanation")).isEqualTo("<iframe src=\"javascript:alert(3)\"></iframe>说明");
    }

    @Test
    void markupInARejectedFormIsReRenderedAsText() throws Exception {
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, "😀😀", 2027);
        form.set("overview", SCRIPT);
        form.set("contactPerson", "\"><script>alert(5)</script>");

        String html = post(CHENGGUAN_FILER, "/declarations", form).getResponse().getContentAsString();

        assertThat(html).doesNotContain("<script>alert").contains("处需要修改");
        assertThat(valueOf(html, "overview")).isEqualTo(SCRIPT);
        assertThat(valueOf(html, "contactPerson")).isEqualTo("\"><script>alert(5)</script>");
    }

    @Test
    void markupOnTheConflictPageIsEscaped() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("冲突转义"), 2027);
        String opened = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        MultiValueMap<String, String> first = declarationForm(opened);
        MultiValueMap<String, String> second = declarationForm(opened);
        first.set("overview", "先保存的概况");
        post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", first);
        second.set("overview", SCRIPT);

        String conflict = post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", second).getResponse()
                .getContentAsString();

        assertThat(conflict).contains("保存未完成").doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)");
        assertThat(formOf(conflict, "keep-mine").getFirst("overview")).isEqualTo(SCRIPT);
    }

    private static List<String> paragraphs(String cell) {
        List<String> out = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("<p>(.*?)</p>", Pattern.DOTALL).matcher(cell);
        while (m.find()) {
            out.add(unescape(m.group(1)).strip());
        }
        return out;
    }

    /** The read view's cell of a text block ({@code data-block="overview"}). */
    private static String block(String detail, String name) {
        Matcher m = Pattern.compile("data-block=\"" + name + "\">(.*?)</td>", Pattern.DOTALL).matcher(detail);
        assertThat(m.find()).as("block %s on the read view", name).isTrue();
        return m.group(1);
    }
}
