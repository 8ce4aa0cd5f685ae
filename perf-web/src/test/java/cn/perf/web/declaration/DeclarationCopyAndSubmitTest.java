package cn.perf.web.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.MultiValueMap;

/**
 * POST /declarations/{id}/copy (复制到下一年度, 延续项目) and POST /declarations/{id}/submit: a copy is a new draft of
 * the next year with the indicator rows and no 本年度 amounts, a second copy is refused with a message, and a
 * draft that does not add up is not submitted: the read view lists what blocks it.
 */
class DeclarationCopyAndSubmitTest extends DeclarationPageSupport {

    private static final Pattern EDIT = Pattern.compile("/declarations/(\\d+)/edit");

    @Test
    void theApprovedSeedCopiesToA2022DraftWithItsIndicatorsAndEmptyCurrentYearAmounts() throws Exception {
        long seed001 = seedId(ZHUJIAN_FILER, SEED_001, 2021);
        String original = page(ZHUJIAN_FILER, "/declarations/" + seed001);

        MvcResult copied = post(ZHUJIAN_FILER, "/declarations/" + seed001 + "/copy", params());

        assertThat(copied.getResponse().getStatus()).isEqualTo(302);
        Matcher m = EDIT.matcher(copied.getResponse().getRedirectedUrl());
        assertThat(m.matches()).as("redirect to the copy's edit page: %s", copied.getResponse().getRedirectedUrl())
                .isTrue();
        long copy = Long.parseLong(m.group(1));
        assertThat(copy).isNotEqualTo(seed001);
        String edit = follow(ZHUJIAN_FILER, copied);
        assertThat(edit).contains("已复制为下一年度的申报表草稿").contains("2022年度").contains("状态：草稿");
        MultiValueMap<String, String> form = declarationForm(edit);
        assertThat(form.getFirst("year")).isEqualTo("2022");
        assertThat(form.getFirst("projectName")).isEqualTo(SEED_001);
        assertThat(form.getFirst("indicators[0].name")).isEqualTo("预算执行率");
        int indicators = 0;
        while (form.containsKey("indicators[" + indicators + "].name")) {
            assertThat(form.getFirst("indicators[" + indicators + "].id")).as("copied row %d is stored", indicators)
                    .isNotBlank();
            indicators++;
        }
        assertThat(indicators).isEqualTo(countIndicatorRows(original));
        for (int i = 0; form.containsKey("fundingSources[" + i + "].kind"); i++) {
            assertThat(form.getFirst("fundingSources[" + i + "].currentYear")).as("本年度计划数 %d", i).isEmpty();
        }
        assertThat(form.getFirst("subProjects[0].name")).isEqualTo("“互联网+监管”信息化平台");
        assertThat(form.getFirst("subProjects[0].amount")).as("子项目 本年度 amount").isEmpty();
        String city = cityRow(form);
        assertThat(form.getFirst(city + "priorYear")).as("上年度资金 from last year's 本年度计划数").isEqualTo("41.86");
        assertThat(form.getFirst("priorBudgeted")).as("预算安排 from the approved plan").isEqualTo("41.86");

        assertThat(page(ZHUJIAN_FILER, "/declarations/" + seed001)).contains("状态：财政审核通过");
        assertThat(rows(page(ZHUJIAN_FILER, "/declarations?size=100&year=2022")))
                .anySatisfy(r -> assertThat(r.id()).isEqualTo(copy));

        MvcResult again = post(ZHUJIAN_FILER, "/declarations/" + seed001 + "/copy", params());
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/declarations/" + seed001);
        assertThat(follow(ZHUJIAN_FILER, again)).contains("未能完成操作").contains("2022 年度申报表已存在");
    }

    @Test
    void copyingTheSameDeclarationTwiceShowsAMessageAndMakesNoSecondCopy() throws Exception {
        String name = unique("复制");
        long id = createSuzhou(CHENGGUAN_FILER, name, 2027);

        MvcResult first = post(CHENGGUAN_FILER, "/declarations/" + id + "/copy", params());
        assertThat(first.getResponse().getRedirectedUrl()).matches("/declarations/\\d+/edit");
        assertThat(valueOf(follow(CHENGGUAN_FILER, first), "year")).isEqualTo("2028");

        MvcResult second = post(CHENGGUAN_FILER, "/declarations/" + id + "/copy", params());

        assertThat(second.getResponse().getStatus()).isEqualTo(302);
        assertThat(second.getResponse().getRedirectedUrl()).isEqualTo("/declarations/" + id);
        String detail = follow(CHENGGUAN_FILER, second);
        assertThat(detail).contains("未能完成操作：").contains("项目“" + name + "”的 2028 年度申报表已存在");
        assertThat(rows(page(CHENGGUAN_FILER, "/declarations?size=100&name=" + name)))
                .extracting(ListRow::year).containsExactlyInAnyOrder("2027", "2028");
    }

    @Test
    void anIncompleteDraftIsNotSubmittedAndTheReadViewListsWhatBlocksIt() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("提交"), 2027);
        MultiValueMap<String, String> form = declarationForm(page(CHENGGUAN_FILER, "/declarations/" + id + "/edit"));
        form.set("indicators[11].targetText", "");
        form.set(cityRow(form) + "currentYear", "40");
        assertThat(post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", form).getResponse().getStatus())
                .isEqualTo(302);
        String version = valueOf(page(CHENGGUAN_FILER, "/declarations/" + id + "/edit"), "version");

        MvcResult submitted = post(CHENGGUAN_FILER, "/declarations/" + id + "/submit", params("version", version));

        assertThat(submitted.getResponse().getStatus()).isEqualTo(302);
        assertThat(submitted.getResponse().getRedirectedUrl()).isEqualTo("/declarations/" + id);
        String detail = follow(CHENGGUAN_FILER, submitted);
        String problems = detail.substring(detail.indexOf("未能完成操作："));
        problems = problems.substring(0, problems.indexOf("</ul>"));
        assertThat(text(problems)).contains("目标值未填写")
                .contains("本年度计划数合计（40.00 万元）≠ 项目资金构成合计（41.86 万元）");
        assertThat(detail).contains("状态：草稿").doesNotContain("已提交，等待主管部门审核");
        assertThat(rows(page(CHENGGUAN_FILER, "/declarations?size=100&name=" + valueOf(page(CHENGGUAN_FILER,
                "/declarations/" + id + "/edit"), "projectName")))).singleElement()
                .satisfies(r -> assertThat(r.cells().get(7)).isEqualTo("草稿"));
    }

    /** 提交 on the edit page: the typed change is saved, then the version just saved is submitted. */
    @Test
    void submittingFromTheEditFormSavesTheChangeAndSubmitsTheSavedVersion() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("保存并提交"), 2027);
        MultiValueMap<String, String> form = declarationForm(page(CHENGGUAN_FILER, "/declarations/" + id + "/edit"));
        form.set("projectLeader", "提交前改的负责人");
        form.set("_op", "submit");

        MvcResult submitted = post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", form);

        assertThat(submitted.getResponse().getStatus()).isEqualTo(302);
        assertThat(submitted.getResponse().getRedirectedUrl()).isEqualTo("/declarations/" + id);
        String detail = follow(CHENGGUAN_FILER, submitted);
        assertThat(detail).contains("已提交，等待主管部门审核").contains("提交前改的负责人")
                .doesNotContain("申报表已被他人修改");
    }

    @Test
    void aSubmitWithAnOldVersionChangesNothingAndSaysTheFormChanged() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("旧版本提交"), 2027);
        String opened = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        MultiValueMap<String, String> form = declarationForm(opened);
        form.set("projectLeader", "另一位");
        post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", form);

        MvcResult submitted = post(CHENGGUAN_FILER, "/declarations/" + id + "/submit",
                params("version", valueOf(opened, "version")));

        assertThat(submitted.getResponse().getRedirectedUrl()).isEqualTo("/declarations/" + id);
        String detail = follow(CHENGGUAN_FILER, submitted);
        assertThat(detail).contains("申报表已被他人修改").contains("状态：草稿");
    }

    private static String cityRow(MultiValueMap<String, String> form) {
        for (int i = 0; form.containsKey("fundingSources[" + i + "].kind"); i++) {
            if ("CITY".equals(form.getFirst("fundingSources[" + i + "].kind"))) {
                return "fundingSources[" + i + "].";
            }
        }
        throw new AssertionError("no 市级财政资金 row");
    }

    private static int countIndicatorRows(String detail) {
        Matcher m = Pattern.compile("<tr id=\"row-indicators-\\d+\">").matcher(detail);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
