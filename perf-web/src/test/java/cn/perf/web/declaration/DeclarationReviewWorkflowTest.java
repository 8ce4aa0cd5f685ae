package cn.perf.web.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.MultiValueMap;

/**
 * The review workflow through the pages (DESIGN.md §4, §7): 提交 → 主管部门审核 (通过 / 退回) → 财政审核 (优 / 良 /
 * 中 / 差, 财预〔2015〕88号), the review panel shown only to who may act, the history of every step, the refusals
 * (missing comment, wrong role, other region, forged id, stale version, illegal step), and 目标调整 with its diff.
 */
class DeclarationReviewWorkflowTest extends DeclarationPageSupport {

    static final String REVIEWER = "reviewer-001239";
    static final String FINANCE = "finance";
    static final String FINANCE_JINING = "finance-jining";

    private static final Pattern HISTORY_ROW = Pattern.compile("<tr class=\"history-row\"[^>]*>(.*?)</tr>",
            Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern DIFF_ROW = Pattern.compile("<tr class=\"diff-row\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern ANY_CELL = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL);

    // ------------------------------------------------------------------ the paths

    @Test
    void aDepartmentApprovalAndTheGradeExcellentApproveAndLockTheDeclaration() throws Exception {
        long id = submitted(unique("审核优"));
        assertThat(page(CHENGGUAN_FILER, "/declarations/" + id)).doesNotContain("id=\"review-form\"");
        String forReviewer = page(REVIEWER, "/declarations/" + id);
        assertThat(forReviewer).contains("id=\"review-panel\"").contains("主管部门审核").contains("校验结果")
                .contains("项目资金构成合计：41.86 万元").contains("name=\"decision\"").doesNotContain("name=\"grade\"");

        MvcResult approved = review(REVIEWER, id, "decision", "APPROVE", "comment", "");
        assertThat(approved.getResponse().getRedirectedUrl()).isEqualTo("/declarations/" + id);
        assertThat(follow(REVIEWER, approved)).contains("已完成审核：审核通过").contains("状态：主管部门审核通过")
                .doesNotContain("id=\"review-form\"");

        String forFinance = page(FINANCE, "/declarations/" + id);
        assertThat(forFinance).contains("财政局审核（财预〔2015〕88号）").contains("name=\"grade\"");
        MvcResult graded = review(FINANCE, id, "grade", "EXCELLENT", "comment", "");
        assertThat(follow(FINANCE, graded)).contains("状态：财政审核通过");

        String filerView = page(CHENGGUAN_FILER, "/declarations/" + id);
        assertThat(filerView).contains("状态：财政审核通过").doesNotContain("id=\"edit-button\"")
                .contains("id=\"adjustment-button\"");
        assertThat(get(CHENGGUAN_FILER, "/declarations/" + id + "/edit").getRedirectedUrl())
                .as("approved targets are locked").isEqualTo("/declarations/" + id);
        assertThat(historyOf(CHENGGUAN_FILER, id)).containsExactly(
                "城管局填报人（演示）|苏州市城市管理局|提交||",
                "城管局主管部门审核人（演示）|苏州市城市管理局|主管部门审核通过||",
                "财政局审核人（演示）|苏州市财政局|财政审核|优|");
    }

    @Test
    void theApprovedDeclarationsPdfEndsWithItsReviewHistory() throws Exception {
        long id = departmentApproved(unique("审核记录PDF"));
        follow(FINANCE, review(FINANCE, id, "grade", "GOOD", "comment", "压缩运维经费至10万元"));
        MockHttpServletResponse pdf = get(CHENGGUAN_FILER, "/declarations/" + id + "/pdf");
        assertThat(pdf.getStatus()).isEqualTo(200);
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.getContentAsByteArray());
        int pages = reader.getNumberOfPages();
        String last = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(pages)
                .replaceAll("\\s+", "");
        reader.close();
        assertThat(last).as("the last page").contains("审核记录", "城管局主管部门审核人（演示）", "财政局审核人（演示）", "财政审核",
                "良", "压缩运维经费至10万元");
    }

    @Test
    void theGradeGoodApprovesWithTheAgreedChangesInTheComment() throws Exception {
        long id = departmentApproved(unique("审核良"));

        follow(FINANCE, review(FINANCE, id, "grade", "GOOD", "comment", "压缩运维经费至10万元"));

        String detail = page(CHENGGUAN_FILER, "/declarations/" + id);
        assertThat(detail).contains("状态：财政审核通过").contains("压缩运维经费至10万元");
        assertThat(historyOf(FINANCE, id)).last().isEqualTo("财政局审核人（演示）|苏州市财政局|财政审核|良|压缩运维经费至10万元");
    }

    @Test
    void theGradeFairReturnsTheDeclarationToTheFilerWhoMayEditAndSubmitItAgain() throws Exception {
        long id = departmentApproved(unique("审核中"));

        follow(FINANCE, review(FINANCE, id, "grade", "FAIR", "comment", "绩效指标不够细化"));

        String detail = page(CHENGGUAN_FILER, "/declarations/" + id);
        assertThat(detail).contains("状态：退回修改").contains("绩效指标不够细化").contains("id=\"edit-button\"");
        String edit = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        MultiValueMap<String, String> form = declarationForm(edit);
        form.set("projectLeader", "王修改");
        assertThat(post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", form).getResponse().getStatus())
                .isEqualTo(302);
        submit(id);
        assertThat(page(REVIEWER, "/declarations/" + id)).contains("状态：已提交").contains("id=\"review-form\"");
        assertThat(historyOf(REVIEWER, id)).extracting(h -> h.split("\\|")[2])
                .containsExactly("提交", "主管部门审核通过", "财政审核", "提交");
    }

    @Test
    void theGradePoorRejectsTheDeclaration() throws Exception {
        long id = departmentApproved(unique("审核差"));

        follow(FINANCE, review(FINANCE, id, "grade", "POOR", "comment", "项目立项依据不足"));

        String detail = page(CHENGGUAN_FILER, "/declarations/" + id);
        assertThat(detail).contains("状态：财政审核不予通过").contains("项目立项依据不足")
                .doesNotContain("id=\"edit-button\"").doesNotContain("id=\"adjustment-button\"");
    }

    @Test
    void aDepartmentReturnCarriesItsCommentBackToTheFiler() throws Exception {
        long id = submitted(unique("主管退回"));

        follow(REVIEWER, review(REVIEWER, id, "decision", "RETURN", "comment", "请补充年度目标"));

        assertThat(page(CHENGGUAN_FILER, "/declarations/" + id)).contains("状态：退回修改").contains("请补充年度目标")
                .contains("id=\"edit-button\"");
        assertThat(historyOf(CHENGGUAN_FILER, id)).last()
                .isEqualTo("城管局主管部门审核人（演示）|苏州市城市管理局|主管部门退回||请补充年度目标");
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void aReturnOrAGradeOtherThanExcellentWithoutACommentIsRefusedNextToTheCommentField() throws Exception {
        long id = submitted(unique("缺少意见"));

        MvcResult refused = review(REVIEWER, id, "decision", "RETURN", "comment", "  ");

        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        String html = refused.getResponse().getContentAsString();
        assertThat(html).contains("id=\"review-comment-error\">退回时须填写退回意见</div>");
        assertThat(html).contains("id=\"decision-RETURN\" value=\"RETURN\" checked");
        assertThat(page(REVIEWER, "/declarations/" + id)).contains("状态：已提交");

        follow(REVIEWER, review(REVIEWER, id, "decision", "APPROVE", "comment", ""));
        MvcResult good = review(FINANCE, id, "grade", "GOOD", "comment", "");
        assertThat(good.getResponse().getStatus()).isEqualTo(422);
        assertThat(good.getResponse().getContentAsString())
                .contains("id=\"review-comment-error\">审核等级为“良”时须填写审核意见（写明约定的修改内容）</div>");
        assertThat(page(FINANCE, "/declarations/" + id)).contains("状态：主管部门审核通过");
    }

    @Test
    void filersMayNotReviewAndReviewersMayNotEdit() throws Exception {
        long id = submitted(unique("角色"));
        String before = page(REVIEWER, "/declarations/" + id);

        MvcResult byFiler = post(CHENGGUAN_FILER, "/declarations/" + id + "/review",
                params("version", versionIn(before), "decision", "APPROVE"));
        assertThat(byFiler.getResponse().getStatus()).isEqualTo(403);

        MvcResult financeTooEarly = review(FINANCE, id, "grade", "EXCELLENT", "comment", "");
        assertThat(follow(FINANCE, financeTooEarly)).contains("申报表当前状态为“已提交”，不能财政审核");

        MvcResult departmentGrades = review(REVIEWER, id, "grade", "EXCELLENT", "comment", "");
        assertThat(departmentGrades.getResponse().getStatus()).isEqualTo(403);

        assertThat(get(REVIEWER, "/declarations/" + id + "/edit").getRedirectedUrl())
                .isEqualTo("/declarations/" + id);
        MvcResult reviewerSaves = post(REVIEWER, "/declarations/" + id + "/edit",
                params("version", versionIn(before), "projectName", "审核人改名"));
        assertThat(reviewerSaves.getResponse().getStatus()).isNotEqualTo(302);
        assertThat(page(REVIEWER, "/declarations/" + id)).contains("状态：已提交").doesNotContain("审核人改名");
    }

    @Test
    void anotherRegionsFinanceReviewerAndAForgedIdGet404AndChangeNothing() throws Exception {
        long id = departmentApproved(unique("他地区"));
        String version = versionIn(page(FINANCE, "/declarations/" + id));

        MvcResult jining = post(FINANCE_JINING, "/declarations/" + id + "/review",
                params("version", version, "grade", "EXCELLENT"));
        assertThat(jining.getResponse().getStatus()).isEqualTo(404);
        assertThat(get(FINANCE_JINING, "/declarations/" + id + "/history").getStatus()).isEqualTo(404);

        MvcResult forged = post(FINANCE, "/declarations/987654321/review",
                params("version", "0", "grade", "EXCELLENT"));
        assertThat(forged.getResponse().getStatus()).isEqualTo(404);

        assertThat(page(FINANCE, "/declarations/" + id)).contains("状态：主管部门审核通过");
        assertThat(versionIn(page(FINANCE, "/declarations/" + id))).isEqualTo(version);
    }

    @Test
    void aReviewOfAnOlderVersionChangesNothingAndSaysSo() throws Exception {
        long id = submitted(unique("旧版本审核"));
        String version = versionIn(page(REVIEWER, "/declarations/" + id));

        MvcResult stale = post(REVIEWER, "/declarations/" + id + "/review",
                params("version", String.valueOf(Long.parseLong(version) - 1), "decision", "APPROVE"));

        assertThat(follow(REVIEWER, stale)).contains("申报表已被他人修改").contains("状态：已提交");
    }

    // ------------------------------------------------------------------ 目标调整

    @Test
    void anAdjustmentIsReviewedAgainAndWhenApprovedSupersedesTheApprovedVersionWhichStaysReadable()
            throws Exception {
        String name = unique("目标调整");
        long original = departmentApproved(name);
        follow(FINANCE, review(FINANCE, original, "grade", "EXCELLENT", "comment", ""));
        String approved = page(CHENGGUAN_FILER, "/declarations/" + original);

        MvcResult started = post(CHENGGUAN_FILER, "/declarations/" + original + "/adjustment",
                params("version", versionIn(approved)));
        assertThat(started.getResponse().getRedirectedUrl()).matches("/declarations/\\d+/edit");
        long adjustment = Long.parseLong(started.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
        assertThat(adjustment).isNotEqualTo(original);

        MvcResult second = post(CHENGGUAN_FILER, "/declarations/" + original + "/adjustment",
                params("version", versionIn(page(CHENGGUAN_FILER, "/declarations/" + original))));
        assertThat(follow(CHENGGUAN_FILER, second)).contains("已有一份正在办理的目标调整");
        assertThat(page(CHENGGUAN_FILER, "/declarations/" + original)).doesNotContain("id=\"adjustment-button\"");

        MultiValueMap<String, String> form = declarationForm(page(CHENGGUAN_FILER,
                "/declarations/" + adjustment + "/edit"));
        assertThat(form.getFirst("projectName")).isEqualTo(name);
        form.set("projectLeader", "赵调整");
        form.set("subProjects[1].amount", "21.86");
        for (int i = 0; form.containsKey("fundingSources[" + i + "].kind"); i++) {
            if ("CITY".equals(form.getFirst("fundingSources[" + i + "].kind"))) {
                form.set("fundingSources[" + i + "].currentYear", "51.86");
            }
        }
        assertThat(post(CHENGGUAN_FILER, "/declarations/" + adjustment + "/edit", form).getResponse().getStatus())
                .isEqualTo(302);
        submit(adjustment);

        String diff = page(REVIEWER, "/declarations/" + adjustment + "/diff");
        assertThat(diffRows(diff)).contains("项目负责人||修改|张建国|赵调整", "预算金额|系统运维|修改|11.86|21.86",
                "本年度计划数|市级财政资金|修改|41.86|51.86");
        assertThat(page(REVIEWER, "/declarations/" + adjustment)).contains("id=\"diff-link\"");

        follow(REVIEWER, review(REVIEWER, adjustment, "decision", "APPROVE", "comment", ""));
        assertThat(page(CHENGGUAN_FILER, "/declarations/" + original)).as("the approved one stays in force")
                .contains("状态：财政审核通过");
        follow(FINANCE, review(FINANCE, adjustment, "grade", "EXCELLENT", "comment", ""));

        assertThat(page(CHENGGUAN_FILER, "/declarations/" + adjustment)).contains("状态：财政审核通过");
        String superseded = page(CHENGGUAN_FILER, "/declarations/" + original);
        assertThat(superseded).contains("状态：已被目标调整替代").contains("张建国")
                .doesNotContain("id=\"adjustment-button\"");
        assertThat(historyOf(CHENGGUAN_FILER, original)).extracting(h -> h.split("\\|")[2])
                .containsExactly("提交", "主管部门审核通过", "财政审核", "发起目标调整", "被目标调整替代");
        assertThat(historyOf(CHENGGUAN_FILER, adjustment)).extracting(h -> h.split("\\|")[2])
                .containsExactly("提交", "主管部门审核通过", "财政审核");
        assertThat(get(CHENGGUAN_FILER, "/declarations/" + original + "/diff").getStatus())
                .as("an original filing has no diff").isEqualTo(404);
    }

    @Test
    void theHistoryPageListsEveryStepForEveryoneWhoSeesTheDeclaration() throws Exception {
        long id = submitted(unique("历史"));
        follow(REVIEWER, review(REVIEWER, id, "decision", "RETURN", "comment", "补充测算依据"));

        String history = page(FINANCE, "/declarations/" + id + "/history");

        assertThat(history).contains("审核记录").contains("补充测算依据").contains("城管局主管部门审核人（演示）")
                .contains("已提交 → 退回修改");
        assertThat(rowsOfHistory(history)).hasSize(2);
    }

    // ------------------------------------------------------------------ helpers

    private long submitted(String name) throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, name, 2027);
        submit(id);
        assertThat(page(CHENGGUAN_FILER, "/declarations/" + id)).contains("状态：已提交");
        return id;
    }

    private void submit(long id) throws Exception {
        String version = valueOf(page(CHENGGUAN_FILER, "/declarations/" + id + "/edit"), "version");
        MvcResult r = post(CHENGGUAN_FILER, "/declarations/" + id + "/submit", params("version", version));
        assertThat(follow(CHENGGUAN_FILER, r)).contains("已提交，等待主管部门审核");
    }

    private long departmentApproved(String name) throws Exception {
        long id = submitted(name);
        follow(REVIEWER, review(REVIEWER, id, "decision", "APPROVE", "comment", ""));
        return id;
    }

    /** Posts the review form of the read view as {@code username} sees it, with the given fields set. */
    private MvcResult review(String username, long id, String... fields) throws Exception {
        String html = page(username, "/declarations/" + id);
        MultiValueMap<String, String> form = html.contains("id=\"review-form\"") ? formOf(html, "review-form")
                : params("version", versionIn(html));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.set(fields[i], fields[i + 1]);
        }
        return post(username, "/declarations/" + id + "/review", form);
    }

    private static String versionIn(String detail) {
        Matcher m = Pattern.compile("版本 (\\d+)|version (\\d+)|（版本\\s*(\\d+)").matcher(text(detail));
        Matcher hidden = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(detail);
        if (hidden.find()) {
            return hidden.group(1);
        }
        assertThat(m.find()).as("the page names its version").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }

    private List<String> historyOf(String username, long id) throws Exception {
        return rowsOfHistory(page(username, "/declarations/" + id + "/history"));
    }

    /** History rows as actor|unit|action|grade|comment. */
    private static List<String> rowsOfHistory(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = HISTORY_ROW.matcher(html);
        while (m.find()) {
            List<String> cells = new ArrayList<>();
            Matcher c = CELL.matcher(m.group(1));
            while (c.find()) {
                cells.add(text(c.group(1)));
            }
            out.add(String.join("|", cells.subList(2, 7)));
        }
        return out;
    }

    /** Diff rows as label|item|change|before|after. */
    private static List<String> diffRows(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = DIFF_ROW.matcher(html);
        while (m.find()) {
            List<String> cells = new ArrayList<>();
            Matcher c = ANY_CELL.matcher(m.group(1));
            while (c.find()) {
                cells.add(text(c.group(1)));
            }
            out.add(String.join("|", cells));
        }
        return out;
    }
}
