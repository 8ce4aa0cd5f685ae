package cn.perf.web.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.MultiValueMap;

/**
 * The htmx fragments of the form page (DeclarationFormController): a row table after a row operation (with what
 * depends on it out of band), the live totals and checks, how a 目标值 reads, the 检查 panel and the library fill.
 * Each gets the whole unsaved form and stores nothing.
 */
class DeclarationFragmentsTest extends DeclarationPageSupport {

    // ------------------------------------------------------------------ rows

    @Test
    void addingASubProjectReturnsTheTableWithOneMoreRowAndTheIndicatorsOutOfBandOfferingIt() throws Exception {
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, unique("加行"), 2027);
        form.set("_op", "add:subProjects");

        String html = fragment("/declarations/form/rows", form);

        String table = element(html, "subProjects");
        assertThat(rowIds(table, "subProjects")).containsExactly(0, 1, 2);
        assertThat(numbers(table)).containsExactly("1", "2", "3");
        MultiValueMap<String, String> rows = fieldsIn(table);
        assertThat(rows.getFirst("subProjects[0].name")).isEqualTo("平台建设");
        assertThat(rows.getFirst("subProjects[1].name")).isEqualTo("系统运维");
        assertThat(rows.getFirst("subProjects[2].name")).isEmpty();
        String newKey = rows.getFirst("subProjects[2].key");
        assertThat(newKey).isNotBlank().isNotIn("k-platform", "k-ops");

        int indicators = html.indexOf("id=\"indicators\"");
        assertThat(indicators).as("the indicator table comes along").isPositive();
        String indicatorTag = html.substring(html.lastIndexOf('<', indicators), html.indexOf('>', indicators));
        assertThat(indicatorTag).contains("hx-swap-oob=\"true\"");
        String choices = selectOf(html, "indicators[10].subProjectKeys");
        assertThat(choices).contains("value=\"k-platform\"", "value=\"k-ops\"", "value=\"" + newKey + "\"");
        assertThat(choices).containsPattern("value=\"k-platform\" selected=\"selected\"");
        assertThat(html).contains("id=\"check-subTotal\"");
    }

    @Test
    void removingAnIndicatorRowRemovesThatRowAndRenumbers() throws Exception {
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, unique("删行"), 2027);
        form.set("_op", "remove:indicators:2");

        String html = fragment("/declarations/form/rows", form);

        String table = element(html, "indicators");
        MultiValueMap<String, String> rows = fieldsIn(table);
        assertThat(names(rows)).containsExactly("预算执行率", "专款专用率", "资金使用合规性", "政府采购规范性", "工程管理规范性",
                "可行性研究充分性", "业务运维体系健全性", "配套设施到位率", "资金节约率", "平台上线模块数", "系统可用率");
        assertThat(rowIds(table, "indicators")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(numbers(table)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        assertThat(rows.getFirst("indicators[9].targetText")).isEqualTo("≥8个");
        assertThat(rows.get("indicators[9].subProjectKeys")).containsExactly("k-platform");
    }

    @Test
    void upAndDownSwapNeighbouringRows() throws Exception {
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, unique("移动"), 2027);
        form.set("_op", "up:indicators:1");
        List<String> movedUp = names(fieldsIn(element(fragment("/declarations/form/rows", form), "indicators")));
        assertThat(movedUp.subList(0, 3)).containsExactly("专款专用率", "预算执行率", "财务制度健全性");

        form.set("_op", "down:indicators:10");
        List<String> movedDown = names(fieldsIn(element(fragment("/declarations/form/rows", form), "indicators")));
        assertThat(movedDown.subList(9, 12)).containsExactly("资金节约率", "系统可用率", "平台上线模块数");

        form.set("_op", "down:subProjects:0");
        MultiValueMap<String, String> subs = fieldsIn(element(fragment("/declarations/form/rows", form),
                "subProjects"));
        assertThat(subs.getFirst("subProjects[0].name")).isEqualTo("系统运维");
        assertThat(subs.getFirst("subProjects[0].amount")).isEqualTo("11.86");
        assertThat(subs.getFirst("subProjects[1].name")).isEqualTo("平台建设");
    }

    @Test
    void theFirstRowCannotMoveUpNorTheLastDown() throws Exception {
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, unique("边界"), 2027);
        form.set("_op", "up:indicators:0");
        List<String> unchanged = names(fieldsIn(element(fragment("/declarations/form/rows", form), "indicators")));
        assertThat(unchanged.get(0)).isEqualTo("预算执行率");

        form.set("_op", "down:indicators:11");
        List<String> last = names(fieldsIn(element(fragment("/declarations/form/rows", form), "indicators")));
        assertThat(last.get(11)).isEqualTo("系统可用率");

        form.set("_op", "remove:indicators:99");
        assertThat(names(fieldsIn(element(fragment("/declarations/form/rows", form), "indicators")))).hasSize(12);
    }

    @Test
    void aNationalLongTermRowGoesIntoTheLongTermTable() throws Exception {
        MultiValueMap<String, String> form = filledNationalForm(JINING_FILER, unique("长期"), 2027);
        form.set("indicators[0].term", "ANNUAL");
        form.set("indicators[0].category", "产出指标");
        form.set("indicators[0].subCategory", "数量指标");
        form.set("indicators[0].name", "年度采集案件数");
        form.set("indicators[0].targetText", "≥10000件");
        form.set("_op", "add:indicators:LONG_TERM");

        String html = fragment("/declarations/form/rows", form);

        String longTerm = between(html, "id=\"section-indicators-LONG_TERM\"", "id=\"section-indicators-ANNUAL\"");
        String annual = from(html, "section-indicators-ANNUAL");
        assertThat(rowIds(longTerm, "indicators")).containsExactly(0);
        assertThat(rowIds(annual, "indicators")).containsExactly(1);
        MultiValueMap<String, String> rows = fieldsIn(html);
        assertThat(rows.getFirst("indicators[0].term")).isEqualTo("LONG_TERM");
        assertThat(rows.getFirst("indicators[0].name")).isEmpty();
        assertThat(rows.getFirst("indicators[1].term")).isEqualTo("ANNUAL");
        assertThat(rows.getFirst("indicators[1].name")).isEqualTo("年度采集案件数");
        assertThat(numbers(longTerm)).containsExactly("1");
    }

    @Test
    void withoutJavaScriptTheSameButtonPostsTheWholePageAndNothingIsStored() throws Exception {
        String name = unique("无脚本");
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, name, 2027);
        form.set("_op", "add:subProjects");

        MockHttpServletResponse r = post(CHENGGUAN_FILER, "/declarations", form).getResponse();

        assertThat(r.getStatus()).isEqualTo(200);
        MultiValueMap<String, String> back = declarationForm(r.getContentAsString());
        assertThat(back.getFirst("projectName")).isEqualTo(name);
        assertThat(back).containsKey("subProjects[2].key");
        assertThat(rows(page(CHENGGUAN_FILER, "/declarations?name=" + name))).isEmpty();
    }

    // ------------------------------------------------------------------ live checks

    @Test
    void theLiveChecksShowTheTotalsAndThatThePlanMatchesTheComposition() throws Exception {
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, unique("合计"), 2027);

        String html = fragment("/declarations/form/checks", form);

        assertThat(text(element(html, "check-subTotal"))).isEqualTo("41.86");
        assertThat(text(element(html, "check-funding-currentYear"))).isEqualTo("41.86");
        assertThat(text(element(html, "check-funding-totalInvestment"))).isEqualTo("100.00");
        assertThat(text(element(html, "check-plan"))).contains("本年度计划数合计 = 项目资金构成合计（41.86 万元）");
        assertThat(html).contains("id=\"check-subTotal\" class=\"live-total\" hx-swap-oob=\"true\"");
    }

    @Test
    void theLiveChecksSayWhenThePlanDiffersFromTheComposition() throws Exception {
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, unique("不等"), 2027);
        form.set("subProjects[1].amount", "20");
        form.set(fundingIndex(form, "SUPERIOR") + "currentYear", "5");

        String html = fragment("/declarations/form/checks", form);

        assertThat(text(element(html, "check-subTotal"))).isEqualTo("50.00");
        assertThat(text(element(html, "check-funding-currentYear"))).isEqualTo("46.86");
        assertThat(text(element(html, "check-plan")))
                .contains("本年度计划数合计（46.86 万元）≠ 项目资金构成合计（50.00 万元）");
        assertThat(element(html, "check-plan")).contains("text-danger");
    }

    @Test
    void unreadableAmountsCountAsEmptyInTheLiveChecks() throws Exception {
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, unique("乱填"), 2027);
        form.set("subProjects[1].amount", "12,3x");

        String html = fragment("/declarations/form/checks", form);

        assertThat(text(element(html, "check-subTotal"))).isEqualTo("30.00");
    }

    @Test
    void theNationalLiveCheckComparesTheTotalWithAppropriationPlusOwnFunds() throws Exception {
        MultiValueMap<String, String> form = filledNationalForm(JINING_FILER, unique("资金申请"), 2027);
        form.set("requestServiceRevenue", "10");

        String differs = fragment("/declarations/form/checks", form);

        assertThat(text(element(differs, "check-request")))
                .containsPattern("资金总额（120(\\.00)? 万元）≠ 财政拨款 \\+ 自有资金（110\\.00 万元）");
        assertThat(text(element(differs, "check-ownFunds"))).isEqualTo("10.00");

        form.set("requestServiceRevenue", "20");
        String matches = fragment("/declarations/form/checks", form);
        assertThat(text(element(matches, "check-request"))).contains("资金总额 = 财政拨款 + 自有资金（120.00 万元）");
        assertThat(text(element(matches, "check-ownFunds"))).isEqualTo("20.00");
    }

    // ------------------------------------------------------------------ how a target reads

    @Test
    void aTargetWithAnOperatorReadsAsANumberAndADirection() throws Exception {
        String html = reading("系统接入单位数", "≥35 个");

        assertThat(text(html)).contains("读作：≥ 35 个，越高越好");
        assertThat(html).contains("id=\"reading-0\"").doesNotContain("请确认方向");
    }

    @Test
    void anEqualsTargetOfAComplaintRateAsksToConfirmTheDirectionWithAHint() throws Exception {
        String html = reading("业务系统投诉率", "=5%");

        String said = text(html);
        assertThat(said).contains("读作：= 5");
        assertThat(said).contains("请确认方向").contains("提示：");
        assertThat(html).contains("name=\"indicators[0].direction\"").contains("value=\"LOWER_IS_BETTER\"");
    }

    @Test
    void aTargetThatCannotBeReadSaysSo() throws Exception {
        assertThat(text(reading("系统接入单位数", "80%-90%"))).contains("无法识别");
        assertThat(text(reading("系统接入单位数", "≥90%以下"))).contains("无法识别");
        assertThat(text(reading("系统接入单位数", ""))).contains("请填写目标值");
        assertThat(text(reading("平台运行情况", "运行稳定"))).contains("定性：运行稳定");
    }

    @Test
    void anApproximateNumberIsNeverReadAsATarget() throws Exception {
        // DESIGN.md 3.4: a value that cannot be parsed is reported, not guessed. 约35个 is not read as "= 35 个";
        // today it is shown as 定性 (TargetValueParser: prose mentioning a number is qualitative).
        String said = text(reading("系统接入单位数", "约35个"));

        assertThat(said).doesNotContain("读作").containsAnyOf("无法识别", "定性");
    }

    // ------------------------------------------------------------------ 检查 and the library

    @Test
    void theLintPanelListsNamedFindingsLinkedToTheirRows() throws Exception {
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, unique("检查"), 2027);
        form.set("subProjects[2].key", "k-promo");
        form.set("subProjects[2].name", "宣传推广");
        form.set("subProjects[2].amount", "5");
        form.set("indicators[11].targetText", "");

        String html = fragment("/declarations/form/lint", form);

        assertThat(html).contains("id=\"lint-panel\"", "检查结果");
        assertThat(text(html)).contains("子项目“宣传推广”没有对应的绩效指标");
        assertThat(html).contains("data-rule=\"UNCOVERED_SUB_PROJECT\"");
        String target = finding(html, "TARGET_MISSING");
        assertThat(text(target)).contains("年度绩效指标第 12 行“系统可用率”：目标值未填写");
        assertThat(target).contains("href=\"#row-indicators-11\"");
        assertThat(finding(html, "PLAN_NOT_COMPOSITION")).contains("须修改");
    }

    @Test
    void aLibraryNameFillsTheRowFromTheLibrary() throws Exception {
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, unique("指标库"), 2027);
        form.set("indicators[12].term", "ANNUAL");
        form.set("indicators[12].name", "预算执行率");
        form.set("_op", "library:indicators:12");

        String html = fragment("/declarations/form/rows", form);

        MultiValueMap<String, String> rows = fieldsIn(element(html, "indicators"));
        assertThat(rows.getFirst("indicators[12].explanation")).startsWith("考察实际支出资金额占预算到位资金额的比率");
        assertThat(rows.getFirst("indicators[12].targetText")).isEqualTo("100%");
        assertThat(rows.getFirst("indicators[12].targetBasis")).isEqualTo("项目批复文件、原始凭证");
        assertThat(rows.getFirst("indicators[12].category")).isEqualTo("投入");
        assertThat(rows.getFirst("indicators[11].name")).isEqualTo("系统可用率");
    }

    @Test
    void aNameOutsideTheLibraryLeavesTheRowAsTyped() throws Exception {
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, unique("非库"), 2027);
        form.set("_op", "library:indicators:11");

        MultiValueMap<String, String> rows = fieldsIn(element(fragment("/declarations/form/rows", form),
                "indicators"));

        assertThat(rows.getFirst("indicators[11].explanation")).isEqualTo("全年系统正常运行时间占比。");
        assertThat(rows.getFirst("indicators[11].targetText")).isEqualTo("≥99%");
    }

    // ------------------------------------------------------------------ helpers

    private String fragment(String url, MultiValueMap<String, String> form) throws Exception {
        MockHttpServletResponse r = post(CHENGGUAN_FILER, url, form).getResponse();
        assertThat(r.getStatus()).as("POST %s", url).isEqualTo(200);
        String html = r.getContentAsString();
        assertThat(html).as("a fragment, not a page").doesNotContain("<html");
        return html;
    }

    private String reading(String name, String target) throws Exception {
        return fragment("/declarations/form/reading?row=0", params("layout", "SUZHOU",
                "indicators[0].name", name, "indicators[0].targetText", target));
    }

    /** The element with this id: from its tag to the matching close tag of the same name. */
    static String element(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("#%s", id).isNotNegative();
        int start = html.lastIndexOf('<', at);
        Matcher name = Pattern.compile("<(\\w+)").matcher(html.substring(start));
        assertThat(name.find()).isTrue();
        String tag = name.group(1);
        Pattern open = Pattern.compile("<" + tag + "\\b");
        String close = "</" + tag + ">";
        int depth = 0;
        int i = start;
        while (true) {
            Matcher o = open.matcher(html);
            int nextOpen = o.find(i + 1) ? o.start() : Integer.MAX_VALUE;
            int nextClose = html.indexOf(close, i + 1);
            assertThat(nextClose).as("end of #%s", id).isNotNegative();
            if (nextOpen < nextClose) {
                depth++;
                i = nextOpen;
            } else if (depth == 0) {
                return html.substring(start, nextClose + close.length());
            } else {
                depth--;
                i = nextClose;
            }
        }
    }

    private static String between(String html, String from, String to) {
        int a = html.indexOf(from);
        int b = html.indexOf(to, a);
        assertThat(a).isNotNegative();
        assertThat(b).isGreaterThan(a);
        return html.substring(a, b);
    }

    /** The fields of a fragment, read as a browser would post them. */
    private static MultiValueMap<String, String> fieldsIn(String fragment) {
        return formOf("<form id=\"fragment\">" + fragment + "</form>", "fragment");
    }

    private static List<String> names(MultiValueMap<String, String> rows) {
        List<String> out = new ArrayList<>();
        for (int i = 0; rows.containsKey("indicators[" + i + "].name"); i++) {
            out.add(rows.getFirst("indicators[" + i + "].name"));
        }
        return out;
    }

    private static List<Integer> rowIds(String html, String table) {
        List<Integer> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr id=\"row-" + table + "-(\\d+)\"").matcher(html);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    /** The row numbers printed in the first cell of each body row. */
    private static List<String> numbers(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr id=\"row-\\w+-\\d+\">\\s*<td class=\"num\">(\\d+)</td>").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String selectOf(String html, String name) {
        Matcher m = Pattern.compile("<select\\b[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>(.*?)</select>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("select %s", name).isTrue();
        return m.group(1);
    }

    private static String finding(String html, String rule) {
        Matcher m = Pattern.compile("<li class=\"finding\" data-rule=\"" + rule + "\">(.*?)</li>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("a finding of rule %s", rule).isTrue();
        return m.group(1);
    }

    private static String fundingIndex(MultiValueMap<String, String> form, String kind) {
        for (int i = 0; form.containsKey("fundingSources[" + i + "].kind"); i++) {
            if (kind.equals(form.getFirst("fundingSources[" + i + "].kind"))) {
                return "fundingSources[" + i + "].";
            }
        }
        throw new AssertionError("no funding row " + kind);
    }
}
