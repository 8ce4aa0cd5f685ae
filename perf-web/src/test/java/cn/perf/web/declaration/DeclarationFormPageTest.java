package cn.perf.web.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.MultiValueMap;

/**
 * GET /declarations/new, POST /declarations, GET|POST /declarations/{id}/edit (DESIGN.md §7, §8): a new form
 * starts pre-filled, a valid form becomes a draft, every rejected value comes back next to its field in Chinese
 * with everything else the filer typed, nothing half-stored; saves carry the version, a stale one is a 409 page
 * that keeps the filer's input, and any change, even one indicator's 目标值, moves the version on.
 */
class DeclarationFormPageTest extends DeclarationPageSupport {

    static final List<String> INPUT_INDICATORS = List.of("预算执行率", "专款专用率", "财务制度健全性", "资金使用合规性",
            "政府采购规范性", "工程管理规范性", "可行性研究充分性", "业务运维体系健全性", "配套设施到位率", "资金节约率");

    // ------------------------------------------------------------------ new

    @Test
    void theNewSuzhouFormIsPrefilledWithTheTenInputIndicatorsAndTheirExplanations() throws Exception {
        String html = page(CHENGGUAN_FILER, "/declarations/new?layout=SUZHOU");
        MultiValueMap<String, String> form = declarationForm(html);

        for (int i = 0; i < INPUT_INDICATORS.size(); i++) {
            assertThat(form.getFirst("indicators[" + i + "].name")).as("row %d", i + 1)
                    .isEqualTo(INPUT_INDICATORS.get(i));
            assertThat(form.getFirst("indicators[" + i + "].category")).as("row %d", i + 1).isEqualTo("投入");
            assertThat(form.getFirst("indicators[" + i + "].explanation")).as("row %d explanation", i + 1)
                    .isNotBlank();
            assertThat(form.getFirst("indicators[" + i + "].targetText")).as("row %d target", i + 1).isNotBlank();
        }
        assertThat(form).doesNotContainKey("indicators[10].name");
        assertThat(form.getFirst("indicators[0].explanation")).startsWith("考察实际支出资金额占预算到位资金额的比率");
        assertThat(form.getFirst("indicators[0].targetText")).isEqualTo("100%");
        assertThat(form.getFirst("indicators[9].targetText")).isEqualTo("15%及其以下");
        assertThat(form.getFirst("projectType")).isEqualTo(IT_TYPE);
        assertThat(List.of(form.getFirst("fundingSources[0].kind"), form.getFirst("fundingSources[1].kind"),
                form.getFirst("fundingSources[2].kind"), form.getFirst("fundingSources[3].kind")))
                .containsExactlyInAnyOrder("SUPERIOR", "CITY", "SUBORDINATE", "OTHER");
        assertThat(html).contains("财政支出项目绩效目标申报表", "项目资金构成（万元）", "项目资金来源（万元）", "分解目标",
                "action=\"/declarations\"", "data-layout=\"SUZHOU\"");
    }

    @Test
    void theNewNationalFormShowsTheNationalSections() throws Exception {
        String html = page(JINING_FILER, "/declarations/new?layout=NATIONAL");

        assertThat(html).contains("data-layout=\"NATIONAL\"", "财政支出项目绩效目标申报表（", "项目资金申请（万元）",
                "长期绩效指标", "年度绩效指标", "项目实施进度计划", "项目起止时间", "value=\"新增项目\"",
                "value=\"延续项目\"", "id=\"add-indicators-LONG_TERM\"", "id=\"add-indicators-ANNUAL\"");
        assertThat(html).doesNotContain("项目资金构成（万元）").doesNotContain(">分解目标<");
        assertThat(valueOf(html, "frameworkCode")).startsWith("NATIONAL_");
    }

    // ------------------------------------------------------------------ create

    @Test
    void aValidSuzhouFormBecomesADraftWhoseEditPageShowsTheValues() throws Exception {
        String name = unique("新建");
        long before = listTotal(CHENGGUAN_FILER);
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, name, 2027);

        MvcResult created = post(CHENGGUAN_FILER, "/declarations", form);

        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        assertThat(created.getResponse().getRedirectedUrl()).matches("/declarations/\\d+/edit");
        String edit = follow(CHENGGUAN_FILER, created);
        assertThat(edit).contains("已保存");
        MultiValueMap<String, String> stored = declarationForm(edit);
        assertThat(stored.getFirst("projectName")).isEqualTo(name);
        assertThat(stored.getFirst("contactPerson")).isEqualTo("李晓梅");
        assertThat(stored.getFirst("contactPhone")).isEqualTo("0512-65109046");
        assertThat(stored.getFirst("overview")).contains("项目建设城市管理综合平台。").contains("第二期接入执法终端。");
        assertThat(stored.getFirst("subProjects[0].name")).isEqualTo("平台建设");
        assertThat(stored.getFirst("subProjects[0].amount")).isEqualTo("30");
        assertThat(stored.getFirst("subProjects[1].name")).isEqualTo("系统运维");
        assertThat(stored.getFirst("subProjects[1].amount")).isEqualTo("11.86");
        assertThat(stored.getFirst("indicators[0].name")).isEqualTo("预算执行率");
        assertThat(stored.getFirst("indicators[10].name")).isEqualTo("平台上线模块数");
        assertThat(stored.getFirst("indicators[10].targetText")).isEqualTo("≥8个");
        assertThat(stored.get("indicators[10].subProjectKeys")).as("对应子项目 of row 11")
                .containsExactly(stored.getFirst("subProjects[0].key"));
        assertThat(stored.get("indicators[11].subProjectKeys")).as("对应子项目 of row 12")
                .containsExactly(stored.getFirst("subProjects[1].key"));
        assertThat(edit).contains("状态：草稿");
        assertThat(listTotal(CHENGGUAN_FILER)).isEqualTo(before + 1);
    }

    @Test
    void aMalformedAmountComesBackNextToItsFieldWithEverythingTyped() throws Exception {
        String name = unique("金额");
        long before = listTotal(CHENGGUAN_FILER);
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, name, 2027);
        form.set("subProjects[1].amount", "12,3x");

        String html = rejected(form);

        assertThat(messageAt(html, "subProjects[1].amount")).contains("请输入不小于 0 的金额");
        assertThat(valueOf(html, "subProjects[1].amount")).isEqualTo("12,3x");
        assertEverythingTypedIsBack(html, form);
        assertThat(listTotal(CHENGGUAN_FILER)).isEqualTo(before);
        assertThat(rows(page(CHENGGUAN_FILER, "/declarations?name=" + name))).isEmpty();
    }

    @Test
    void aTwentyThousandCharacterProjectNameComesBackWithItsLimit() throws Exception {
        long before = listTotal(CHENGGUAN_FILER);
        String longName = "城市管理综合执法平台".repeat(2000);
        assertThat(longName).hasSize(20_000);
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, longName, 2027);
        form.set("contactPerson", unique("联系人"));

        String html = rejected(form);

        assertThat(messageAt(html, "projectName")).contains("项目名称不能超过 200 个字");
        assertThat(valueOf(html, "projectName")).isEqualTo(longName);
        assertEverythingTypedIsBack(html, form);
        assertThat(listTotal(CHENGGUAN_FILER)).isEqualTo(before);
    }

    @Test
    void anEmojiOnlyProjectNameIsRefusedInChinese() throws Exception {
        long before = listTotal(CHENGGUAN_FILER);
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, "😀😀", 2027);
        form.set("contactPerson", unique("联系人"));

        String html = rejected(form);

        assertThat(messageAt(html, "projectName")).contains("项目名称必须包含文字或数字");
        assertThat(valueOf(html, "projectName")).isEqualTo("😀😀");
        assertEverythingTypedIsBack(html, form);
        assertThat(listTotal(CHENGGUAN_FILER)).isEqualTo(before);
    }

    @Test
    void aNationalEndDateBeforeItsStartDateIsRefusedAtTheEndDate() throws Exception {
        String name = unique("起止");
        long before = listTotal(JINING_FILER);
        MultiValueMap<String, String> form = filledNationalForm(JINING_FILER, name, 2027);
        form.set("periodStart", "2027-12-31");
        form.set("periodEnd", "2027-01-01");
        form.set("competentDepartmentName", "济宁高新区管委会");
        form.set("milestones[0].content", "完成招标采购");
        form.set("milestones[0].startOn", "2027-01-01");
        form.set("milestones[0].endOn", "2027-03-31");

        String html = rejectedAs(JINING_FILER, form);

        assertThat(messageAt(html, "periodEnd")).contains("结束日期不能早于开始日期");
        assertThat(valueOf(html, "periodStart")).isEqualTo("2027-12-31");
        assertThat(valueOf(html, "periodEnd")).isEqualTo("2027-01-01");
        assertEverythingTypedIsBack(html, form);
        assertThat(listTotal(JINING_FILER)).isEqualTo(before);
        assertThat(rows(page(JINING_FILER, "/declarations?name=" + name))).isEmpty();
    }

    @Test
    void aDateThatIsNotADateIsRefusedAtItsField() throws Exception {
        String name = unique("日期");
        MultiValueMap<String, String> form = filledNationalForm(JINING_FILER, name, 2027);
        form.set("periodStart", "2027-13-45");

        String html = rejectedAs(JINING_FILER, form);

        assertThat(messageAt(html, "periodStart")).contains("日期格式不正确");
        assertThat(valueOf(html, "periodStart")).isEqualTo("2027-13-45");
        assertThat(rows(page(JINING_FILER, "/declarations?name=" + name))).isEmpty();
    }

    @Test
    void severalProblemsOfShapeAndContentAreAllReportedAtOnce() throws Exception {
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, "😀😀", 2027);
        form.set("subProjects[0].amount", "12,3x");
        form.set("contactPhone", "请拨打总机");

        String html = rejected(form);

        assertThat(messageAt(html, "subProjects[0].amount")).contains("请输入不小于 0 的金额");
        assertThat(messageAt(html, "projectName")).contains("项目名称必须包含文字或数字");
        assertThat(messageAt(html, "contactPhone")).contains("联系电话只能包含数字");
        assertThat(html).contains("有 3 处需要修改");
    }

    @Test
    void aFormWithoutAYearComesBackWithAMessageInsteadOfAnError() throws Exception {
        String name = unique("无年度");
        long before = listTotal(CHENGGUAN_FILER);
        MultiValueMap<String, String> form = filledSuzhouForm(CHENGGUAN_FILER, name, 2027);
        form.set("year", "");

        MockHttpServletResponse r;
        try {
            r = post(CHENGGUAN_FILER, "/declarations", form).getResponse();
        } catch (jakarta.servlet.ServletException e) {
            throw new AssertionError("POST /declarations with year='' must not fail on the server: " + e.getCause(), e);
        }

        // either the default year is used (a draft is made) or the form comes back; never a server error
        assertThat(r.getStatus()).as("POST /declarations with year=''").isIn(200, 302);
        if (r.getStatus() == 200) {
            assertThat(errorsOf(r.getContentAsString())).isNotEmpty();
            assertThat(valueOf(r.getContentAsString(), "projectName")).isEqualTo(name);
            assertThat(listTotal(CHENGGUAN_FILER)).isEqualTo(before);
        }
    }

    // ------------------------------------------------------------------ save

    @Test
    void aSaveWithTheCurrentVersionIsStoredAndSaysSo() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("保存"), 2027);
        MultiValueMap<String, String> form = declarationForm(page(CHENGGUAN_FILER, "/declarations/" + id + "/edit"));
        form.set("projectLeader", "赵新华");
        form.set("necessity", "现有系统已不能满足执法考核需要。");

        MvcResult saved = post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", form);

        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/declarations/" + id + "/edit");
        String edit = follow(CHENGGUAN_FILER, saved);
        assertThat(edit).contains("已保存");
        assertThat(valueOf(edit, "projectLeader")).isEqualTo("赵新华");
        assertThat(valueOf(edit, "necessity")).isEqualTo("现有系统已不能满足执法考核需要。");
        assertThat(page(CHENGGUAN_FILER, "/declarations/" + id)).contains("赵新华", "现有系统已不能满足执法考核需要。");
    }

    @Test
    void aSaveWithAnOldVersionIsA409PageWithMineBesideTheStoredValue() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("冲突"), 2027);
        String opened = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        MultiValueMap<String, String> first = declarationForm(opened);
        MultiValueMap<String, String> second = declarationForm(opened);
        first.set("projectLeader", "先保存的人");
        assertThat(post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", first).getResponse().getStatus())
                .isEqualTo(302);
        second.set("projectLeader", "后保存的人");
        second.set("indicators[10].targetText", "≥12个");

        MockHttpServletResponse stale = post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", second).getResponse();

        assertThat(stale.getStatus()).isEqualTo(409);
        String html = stale.getContentAsString();
        assertThat(html).contains("保存未完成", "您的内容（未保存）", "当前已保存的内容");
        String leader = differenceRow(html, "projectLeader");
        assertThat(leader).contains("项目负责人");
        assertThat(cell(leader, "mine")).isEqualTo("后保存的人");
        assertThat(cell(leader, "stored")).isEqualTo("先保存的人");
        String target = differenceRow(html, "indicators[10].targetText");
        assertThat(cell(target, "mine")).isEqualTo("≥12个");
        assertThat(cell(target, "stored")).isEqualTo("≥8个");

        MultiValueMap<String, String> keepMine = formOf(html, "keep-mine");
        assertThat(keepMine.getFirst("projectLeader")).isEqualTo("后保存的人");
        assertThat(keepMine.getFirst("indicators[10].targetText")).isEqualTo("≥12个");
        assertThat(keepMine.getFirst("projectName")).isEqualTo(second.getFirst("projectName"));
        assertThat(keepMine.getFirst("subProjects[1].amount")).isEqualTo("11.86");
        long storedVersion = versionOf(page(CHENGGUAN_FILER, "/declarations/" + id + "/edit"));
        assertThat(keepMine.getFirst("version")).isEqualTo(String.valueOf(storedVersion));

        assertThat(valueOf(page(CHENGGUAN_FILER, "/declarations/" + id + "/edit"), "projectLeader"))
                .as("the stale save changed nothing").isEqualTo("先保存的人");
    }

    @Test
    void keepingMineAfterAConflictLosesNothingAndSavesOnTheNewVersion() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("保留"), 2027);
        String opened = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        MultiValueMap<String, String> first = declarationForm(opened);
        MultiValueMap<String, String> second = declarationForm(opened);
        first.set("contactPerson", "甲");
        assertThat(post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", first).getResponse().getStatus())
                .isEqualTo(302);
        second.set("contactPerson", "乙");
        second.set("overview", "我的项目概况。");
        MockHttpServletResponse stale = post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", second).getResponse();
        assertThat(stale.getStatus()).as("a save of the old version after a header change").isEqualTo(409);
        String conflict = stale.getContentAsString();

        MockHttpServletResponse kept = post(CHENGGUAN_FILER, "/declarations/" + id + "/edit",
                formOf(conflict, "keep-mine")).getResponse();
        String page = kept.getStatus() == 302
                ? page(CHENGGUAN_FILER, kept.getRedirectedUrl())
                : kept.getContentAsString();
        if (kept.getStatus() == 200) {
            // 继续编辑: the form again, with mine and the new version; saving it stores mine
            assertThat(valueOf(page, "contactPerson")).isEqualTo("乙");
            assertThat(valueOf(page, "overview")).isEqualTo("我的项目概况。");
            MvcResult saved = post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", declarationForm(page));
            assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        } else {
            assertThat(kept.getStatus()).isEqualTo(302);
        }
        String stored = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        assertThat(valueOf(stored, "contactPerson")).isEqualTo("乙");
        assertThat(valueOf(stored, "overview")).isEqualTo("我的项目概况。");
        assertThat(valueOf(stored, "indicators[10].name")).isEqualTo("平台上线模块数");
    }

    @Test
    void changingOnlyOneIndicatorsTargetMovesTheVersionOn() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("版本"), 2027);
        String before = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        long version = versionOf(before);
        assertThat(before).contains("版本 " + version);
        MultiValueMap<String, String> form = declarationForm(before);
        form.set("indicators[10].targetText", "≥9个");

        assertThat(post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", form).getResponse().getStatus())
                .isEqualTo(302);

        String after = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        assertThat(versionOf(after)).isEqualTo(version + 1);
        assertThat(after).contains("版本 " + (version + 1));
        assertThat(valueOf(after, "indicators[10].targetText")).isEqualTo("≥9个");
        assertThat(post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", form).getResponse().getStatus())
                .as("the form of the old version is now stale").isEqualTo(409);
    }

    @Test
    void aRejectedSaveKeepsTheStoredDeclarationAsItWas() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("拒绝"), 2027);
        String before = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        MultiValueMap<String, String> form = declarationForm(before);
        form.set("projectLeader", "不会保存的人");
        form.set("subProjects[0].amount", "-5");

        MockHttpServletResponse r = post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", form).getResponse();

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(messageAt(r.getContentAsString(), "subProjects[0].amount")).contains("金额不能为负数");
        assertThat(valueOf(r.getContentAsString(), "projectLeader")).isEqualTo("不会保存的人");
        String after = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        assertThat(valueOf(after, "projectLeader")).isEqualTo("张建国");
        assertThat(versionOf(after)).isEqualTo(versionOf(before));
    }

    // ------------------------------------------------------------------ helpers

    private String rejected(MultiValueMap<String, String> form) throws Exception {
        return rejectedAs(CHENGGUAN_FILER, form);
    }

    private String rejectedAs(String username, MultiValueMap<String, String> form) throws Exception {
        MockHttpServletResponse r = post(username, "/declarations", form).getResponse();
        assertThat(r.getStatus()).as("a rejected form comes back as the page").isEqualTo(200);
        String html = r.getContentAsString();
        assertThat(html).contains("处需要修改").contains("您填写的内容都已保留");
        return html;
    }

    /** Every value the filer typed in the header, texts and rows is in the re-rendered form. */
    static void assertEverythingTypedIsBack(String html, MultiValueMap<String, String> typed) {
        MultiValueMap<String, String> back = declarationForm(html);
        for (String name : List.of("projectName", "projectAttribute", "projectLeader", "contactPerson",
                "contactPhone", "overview", "competentDepartmentName", "periodStart", "periodEnd", "requestTotal",
                "requestAppropriation", "requestServiceRevenue", "subProjects[0].name", "subProjects[0].amount",
                "subProjects[1].name", "subProjects[1].amount", "indicators[10].name", "indicators[10].targetText",
                "indicators[11].explanation", "milestones[0].content", "milestones[0].endOn")) {
            if (typed.containsKey(name)) {
                assertThat(back.getFirst(name)).as("re-rendered %s", name).isEqualTo(typed.getFirst(name));
            }
        }
        for (int i = 0; typed.containsKey("fundingSources[" + i + "].kind"); i++) {
            assertThat(back.getFirst("fundingSources[" + i + "].currentYear")).as("本年度计划数 %d", i)
                    .isEqualTo(typed.getFirst("fundingSources[" + i + "].currentYear"));
        }
    }

    /** The message shown next to the field {@code name}, which is marked invalid. */
    static String messageAt(String html, String name) {
        int at = html.indexOf("name=\"" + name + "\"");
        assertThat(at).as("field %s in the page", name).isNotNegative();
        int tagStart = html.lastIndexOf('<', at);
        int tagEnd = html.indexOf('>', at);
        assertThat(html.substring(tagStart, tagEnd + 1)).as("field %s", name).contains("is-invalid");
        int feedback = html.indexOf("class=\"invalid-feedback", tagEnd);
        assertThat(feedback).as("a message after %s", name).isGreaterThan(tagEnd);
        String between = html.substring(tagEnd + 1, feedback);
        assertThat(between).as("the message belongs to %s", name).doesNotContain("<input").doesNotContain("<select");
        int open = html.indexOf('>', feedback);
        int close = html.indexOf("</div>", open);
        return text(html.substring(open + 1, close));
    }

    private static String differenceRow(String html, String field) {
        Matcher m = Pattern.compile("<tr data-field=\"" + Pattern.quote(field) + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("a difference row for %s", field).isTrue();
        return m.group(1);
    }

    private static String cell(String row, String cssClass) {
        Matcher m = Pattern.compile("<td class=\"" + cssClass + "\">(.*?)</td>", Pattern.DOTALL).matcher(row);
        assertThat(m.find()).as("cell %s", cssClass).isTrue();
        return text(m.group(1));
    }
}
