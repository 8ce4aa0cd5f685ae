package cn.perf.web.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.evaluation.EvaluationIndicator;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.web.evaluation.EvaluationFixtures.Row;
import java.math.BigDecimal;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.MultiValueMap;

/**
 * GET/POST /evaluations/{id}/edit and POST /evaluations/{id}/preview (DESIGN.md §7, §8): a value that is not a
 * number, a funds identity that does not hold, a stale version, an over-long 实际完成值 — each comes back with its
 * Chinese message beside its field and every typed value kept, and nothing is stored; a valid save stores the values
 * and the scoring the read view shows; the live score answers the fragment the page swaps out of band and stores
 * nothing.
 */
class EvaluationEditPageTest extends EvaluationPageSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private static final Row MODULES = Row.suzhou("产出", "平台上线模块数", "≥10个");
    private static final Row UPTIME = Row.suzhou("结果", "系统可用率", "≥99%");
    private static final Row AWARENESS = Row.suzhou("影响力", "市民知晓度", "提升");

    private long evaluation() throws Exception {
        return suzhouEvaluation(unique("填报"), MODULES, UPTIME, AWARENESS);
    }

    // ------------------------------------------------------------------ refused saves keep what was typed

    @Test
    void aMalformedNumberComesBackWithItsMessageBesideTheFieldAndEveryTypedValueKept() throws Exception {
        long id = evaluation();
        Document edit = editPage(FILER, id);
        long version = versionOf(edit);
        MultiValueMap<String, String> typed = filledAsMet(edit);
        typed.set("cityBudget.initialBudget", "12,3.4x");
        typed.set("rows[14].recordedScore", "12,3.4x");
        typed.set("rows[15].actual", "99.5%");
        typed.set("rows[15].deviationReason", "运维合同约定");
        typed.set("report.problems", "部分终端接入延迟。");

        MockHttpServletResponse r = post(FILER, "/evaluations/" + id + "/edit", typed).getResponse();

        assertThat(r.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(r.getContentAsString());
        assertThat(messageAt(page, "cityBudget.initialBudget")).isEqualTo("请输入不小于 0 的金额（万元，最多 6 位小数），例如 41.86");
        assertThat(messageAt(page, "rows[14].recordedScore")).isEqualTo("分数应为不小于 0 的数字，最多两位小数，例如 4.5");
        assertThat(page.select("[name=cityBudget.initialBudget]").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#form-errors").text()).contains("有 2 处需要修改");
        assertThat(evaluationForm(page)).as("every value comes back as typed").isEqualTo(typed);
        assertThat(storedVersion(id)).as("nothing stored").isEqualTo(version);
        assertThat(stored(id, (SelfEvaluation e) -> e.indicators().get(15).actual().originalText())).isEmpty();
    }

    @Test
    void aFundsIdentityThatDoesNotHoldIsRefusedInChineseAndTheTypedValuesAreKept() throws Exception {
        long id = evaluation();
        Document edit = editPage(FILER, id);
        long version = versionOf(edit);
        MultiValueMap<String, String> typed = filledAsMet(edit);
        typed.set("cityBudget.indicatorBalance", "5");          // 100 + 0 − 100 = 0, not 5
        typed.set("cityFundsUse.carryover", "3");               // 5 ≠ 3 + 0
        typed.set("rows[14].actual", "12个");

        MockHttpServletResponse r = post(FILER, "/evaluations/" + id + "/edit", typed).getResponse();

        assertThat(r.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(r.getContentAsString());
        assertThat(messageAt(page, "cityBudget.indicatorBalance"))
                .contains("指标结余数 5.00 应等于", "年初预算数 100.00", "财政拨款数 100.00", "0.00");
        assertThat(messageAt(page, "cityFundsUse.balance")).contains("资金结余、结转数 5.00 应等于 结转数 3.00 + 财政收回数 0.00");
        assertThat(evaluationForm(page)).isEqualTo(typed);
        assertThat(storedVersion(id)).isEqualTo(version);
        assertThat(stored(id, (SelfEvaluation e) -> e.cityBudgetExecution().isPresent())).isFalse();
        assertThat(stored(id, (SelfEvaluation e) -> e.indicators().get(14).actual().originalText())).isEmpty();
    }

    @Test
    void aSaveOfAnOlderVersionIs409WithTheTypedValuesKeptAndTheOtherSaveUntouched() throws Exception {
        long id = evaluation();
        Document edit = editPage(FILER, id);
        long seen = versionOf(edit);
        MultiValueMap<String, String> first = filledAsMet(edit);
        first.set("rows[14].actual", "11个");
        save(FILER, id, first);
        long afterFirst = storedVersion(id);
        assertThat(afterFirst).isGreaterThan(seen);

        MultiValueMap<String, String> mine = filledAsMet(edit);     // typed on the page opened before that save
        mine.set("rows[14].actual", "9个");
        mine.set("rows[14].deviationReason", "两个模块延期到明年");
        MockHttpServletResponse r = post(FILER, "/evaluations/" + id + "/edit", mine).getResponse();

        assertThat(r.getStatus()).isEqualTo(409);
        Document page = Jsoup.parse(r.getContentAsString());
        assertThat(page.select(".alert-warning").text()).contains("保存前自评表已被他人修改", "您的填写保留在下方");
        MultiValueMap<String, String> shown = evaluationForm(page);
        assertThat(shown.getFirst("version")).as("now against the stored version").isEqualTo(String.valueOf(afterFirst));
        shown.set("version", String.valueOf(seen));
        assertThat(shown).as("every value as typed").isEqualTo(mine);
        assertThat(storedVersion(id)).isEqualTo(afterFirst);
        assertThat(stored(id, (SelfEvaluation e) -> e.indicators().get(14).actual().originalText())).isEqualTo("11个");
    }

    @Test
    void anOverLongActualValueGetsAChineseMessageBesideIt() throws Exception {
        long id = evaluation();
        Document edit = editPage(FILER, id);
        long version = versionOf(edit);
        MultiValueMap<String, String> typed = filledAsMet(edit);
        typed.set("rows[15].actual", "完".repeat(501));

        MockHttpServletResponse r = post(FILER, "/evaluations/" + id + "/edit", typed).getResponse();

        assertThat(r.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(r.getContentAsString());
        assertThat(messageAt(page, "rows[15].actual")).isEqualTo("实际完成值不能超过 500 个字（现有 501 个）");
        assertThat(evaluationForm(page).getFirst("rows[15].actual")).hasSize(501);
        assertThat(storedVersion(id)).isEqualTo(version);
    }

    // ------------------------------------------------------------------ a valid save

    @Test
    void aValidSaveStoresTheValuesAndTheComputedTotalTheReadViewShows() throws Exception {
        long id = evaluation();
        Document edit = editPage(FILER, id);
        MultiValueMap<String, String> typed = filledAsMet(edit);
        typed.set("rows[14].actual", "9个");                       // 90%: 10 points short, −50 % of the weight
        typed.set("rows[14].deviationReason", "两个模块延期到明年");
        typed.set("rows[16].actual", "好");
        typed.set("rows[15].recordedScore", "4.4");
        typed.set("report.suggestions", "加强进度管理。");

        MvcResult saved = post(FILER, "/evaluations/" + id + "/edit", typed);

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/evaluations/" + id + "/edit");
        Document after = follow(FILER, saved);
        assertThat(after.select(".alert-success").text()).contains("已保存");
        MultiValueMap<String, String> shown = evaluationForm(after);
        for (String name : List.of("rows[14].actual", "rows[14].deviationReason", "rows[16].actual",
                "report.suggestions", "signature.filer")) {
            assertThat(shown.getFirst(name)).as(name).isEqualTo(typed.getFirst(name));
        }
        assertThat(new BigDecimal(shown.getFirst("rows[15].recordedScore"))).isEqualByComparingTo("4.4");
        assertThat(shown.getFirst("cityBudget.initialBudget")).isEqualTo("100.00");
        assertThat(shown.getFirst("cityFundsUse.actualPaid")).isEqualTo("95.00");

        List<EvaluationIndicator> rows = stored(id, (SelfEvaluation e) -> List.copyOf(e.indicators()));
        assertThat(rows.get(14).actual().originalText()).isEqualTo("9个");
        assertThat(rows.get(14).deviationReason()).isEqualTo("两个模块延期到明年");
        assertThat(rows.get(15).recordedScore()).isEqualByComparingTo("4.4");
        assertThat(rows.get(14).computedScore()).as("9 of ≥10: 50 % of 24 points").isEqualByComparingTo("12.00");
        BigDecimal total = stored(id, SelfEvaluation::computedTotal);
        assertThat(total).isNotNull();
        assertThat(stored(id, (SelfEvaluation e) -> e.cityFundsUse().orElseThrow().actualPaid().wan())).isEqualByComparingTo("95");
        assertThat(stored(id, (SelfEvaluation e) -> e.signOff().filer())).isEqualTo("李晓梅");

        Document detail = doc(FILER, "/evaluations/" + id);
        assertThat(new BigDecimal(text(detail, "#board-total"))).isEqualByComparingTo(total);
        assertThat(new BigDecimal(text(detail, "#row-15 .final-score"))).isEqualByComparingTo("12.00");
        assertThat(text(detail, "#row-15")).contains("9个", "两个模块延期到明年");
        Element listed = doc(FILER, "/evaluations?name=" + marker(stored(id, SelfEvaluation::projectName)))
                .selectFirst("#evaluations tr[data-id=" + id + "]");
        assertThat(listed).isNotNull();
        assertThat(new BigDecimal(listed.select("td").get(6).text())).as("计算总分 in the list")
                .isEqualByComparingTo(total);
    }

    /**
     * Both pages are rendered once per version and viewer, then kept: a change behind the application's back that
     * does not move the version is not shown (proof that the second opening was not rendered again), a save through
     * the application is shown at once, and its 已保存 goes to the one response after the redirect only.
     */
    @Test
    void theEditAndReadPagesAreKeptPerVersionAndASaveShowsAtOnce() throws Exception {
        long id = evaluation();
        String edit = "/evaluations/" + id + "/edit";
        Document first = editPage(FILER, id);
        String readFirst = page(FILER, "/evaluations/" + id);
        jdbc.update("update self_evaluation set suggestions = '改库不改版本' where id = ?", id);
        Document second = editPage(FILER, id);
        assertThat(evaluationForm(second).getFirst("report.suggestions"))
                .isEqualTo(evaluationForm(first).getFirst("report.suggestions")).isNotEqualTo("改库不改版本");
        assertThat(page(FILER, "/evaluations/" + id)).doesNotContain("改库不改版本");
        assertThat(readFirst).doesNotContain("改库不改版本");

        MultiValueMap<String, String> typed = filledAsMet(second);
        typed.set("report.suggestions", "保存后立即可见");
        Document after = follow(FILER, post(FILER, edit, typed));
        assertThat(after.select(".alert-success").text()).contains("已保存");
        assertThat(evaluationForm(after).getFirst("report.suggestions")).isEqualTo("保存后立即可见");
        assertThat(versionOf(after)).isGreaterThan(versionOf(second));
        Document again = editPage(FILER, id);
        assertThat(again.select(".alert-success").text()).doesNotContain("已保存");
        assertThat(evaluationForm(again).getFirst("report.suggestions")).isEqualTo("保存后立即可见");
        assertThat(page(FILER, "/evaluations/" + id)).contains("保存后立即可见");
    }

    @Test
    void aReviewerOpeningTheEditPageGetsTheReadView() throws Exception {
        long id = evaluation();

        MockHttpServletResponse r = get(REVIEWER, "/evaluations/" + id + "/edit");

        assertThat(r.getStatus()).isEqualTo(302);
        assertThat(r.getRedirectedUrl()).isEqualTo("/evaluations/" + id);
        assertThat(doc(REVIEWER, "/evaluations/" + id).select("#edit-button")).isEmpty();
        assertThat(doc(FILER, "/evaluations/" + id).select("#edit-button")).hasSize(1);
    }

    // ------------------------------------------------------------------ the live score

    @Test
    void theLiveScoreAnswersTheFragmentsSwappedOutOfBandAndStoresNothing() throws Exception {
        long id = evaluation();
        Document edit = editPage(FILER, id);
        MultiValueMap<String, String> stored = filledAsMet(edit);
        save(FILER, id, stored);
        Document before = editPage(FILER, id);
        long version = versionOf(before);
        MultiValueMap<String, String> typed = evaluationForm(before);
        typed.set("rows[14].actual", "8个");                       // 80%: 20 points short, nothing left
        typed.set(LiveParts.FIELD, before.select("#live-shown").val());   // what the page shows, as htmx posts it

        MockHttpServletResponse r = post(FILER, "/evaluations/" + id + "/preview", typed).getResponse();

        assertThat(r.getStatus()).isEqualTo(200);
        Document fragment = Jsoup.parseBodyFragment(r.getContentAsString());
        assertThat(fragment.select("html > body > *")).as("only out-of-band parts")
                .allSatisfy(e -> assertThat(e.attr("hx-swap-oob")).as("#%s", e.id()).isEqualTo("true"));
        assertThat(fragment.select("#score-board[hx-swap-oob=true]")).hasSize(1);
        assertThat(fragment.select("#findings-panel[hx-swap-oob=true]")).hasSize(1);
        assertThat(fragment.select("#live-total[hx-swap-oob=true]")).hasSize(1);
        assertThat(fragment.select("[id^=computed-]")).as("only the row whose score moved")
                .extracting(Element::id).containsExactly("computed-15");
        assertThat(fragment.select("#funds-check")).as("funds checks unchanged").isEmpty();
        assertThat(fragment.select("#live-shown[hx-swap-oob=true]").val())
                .isNotEqualTo(before.select("#live-shown").val());
        assertThat(text(fragment, "#computed-15 .final-score")).isEqualTo("0.00");
        assertThat(findings(fragment)).contains("DEVIATION_REASON_MISSING@15");
        assertThat(new BigDecimal(text(fragment, "#board-total")))
                .isEqualByComparingTo(new BigDecimal(text(before, "#board-total")).subtract(new BigDecimal("24")));

        assertThat(storedVersion(id)).as("nothing stored").isEqualTo(version);
        assertThat(stored(id, (SelfEvaluation e) -> e.indicators().get(14).actual().originalText())).isEqualTo("10个");
        Document after = editPage(FILER, id);
        assertThat(evaluationForm(after)).isEqualTo(evaluationForm(before));
        assertThat(text(after, "#board-total")).isEqualTo(text(before, "#board-total"));
    }

    @Test
    void theLiveScoreSendsOnlyThePartsThatChangedSinceTheLastAnswer() throws Exception {
        long id = evaluation();
        Document edit = editPage(FILER, id);
        MultiValueMap<String, String> typed = filledAsMet(edit);
        int rows = rowCount(edit);

        typed.remove(LiveParts.FIELD);               // an older page or a hand-made request: every part
        Document all = Jsoup.parseBodyFragment(post(FILER, "/evaluations/" + id + "/preview", typed)
                .getResponse().getContentAsString());
        for (int n = 1; n <= rows; n++) {
            assertThat(all.select("#computed-" + n + "[hx-swap-oob=true]")).as("#computed-%d", n).hasSize(1);
        }
        assertThat(all.select("#score-board, #findings-panel, #funds-check, #live-total")).hasSize(4);

        typed.set(LiveParts.FIELD, all.select("#live-shown").val());   // what the page shows now
        Document same = Jsoup.parseBodyFragment(post(FILER, "/evaluations/" + id + "/preview", typed)
                .getResponse().getContentAsString());
        assertThat(same.select("html > body > *")).as("nothing moved: only the fingerprints")
                .extracting(Element::id).containsExactly("live-shown");
        assertThat(same.select("#live-shown").val()).isEqualTo(all.select("#live-shown").val());

        typed.set("rows[15].actual", "95%");           // 系统可用率 ≥99%: short, no reason given
        Document one = Jsoup.parseBodyFragment(post(FILER, "/evaluations/" + id + "/preview", typed)
                .getResponse().getContentAsString());
        assertThat(one.select("[id^=computed-]")).extracting(Element::id).containsExactly("computed-16");
        assertThat(one.select("#score-board, #live-total, #findings-panel")).hasSize(3);
        assertThat(findings(one)).contains("DEVIATION_REASON_MISSING@16");

        typed.set(LiveParts.FIELD, "1:forged.t:x" + "y".repeat(9_000));  // unreadable: every part again
        Document forged = Jsoup.parseBodyFragment(post(FILER, "/evaluations/" + id + "/preview", typed)
                .getResponse().getContentAsString());
        assertThat(forged.select("[id^=computed-]")).hasSize(rows);
    }

    @Test
    void theLiveScoreShowsRefusedFundsAsInputErrorsAndStoresNothing() throws Exception {
        long id = evaluation();
        Document edit = editPage(FILER, id);
        long version = versionOf(edit);
        MultiValueMap<String, String> typed = filledAsMet(edit);
        typed.set("cityFundsUse.balance", "7");

        MockHttpServletResponse r = post(FILER, "/evaluations/" + id + "/preview", typed).getResponse();

        assertThat(r.getStatus()).isEqualTo(200);
        Document fragment = Jsoup.parseBodyFragment(r.getContentAsString());
        assertThat(text(fragment, "#funds-check")).contains("资金结余、结转数 7.00 应等于");
        assertThat(fragment.select("#funds-check").attr("hx-swap-oob")).isEqualTo("true");
        assertThat(fragment.select("#findings-panel li.finding[data-code=fundsIdentity]")).isNotEmpty();
        assertThat(storedVersion(id)).isEqualTo(version);
        assertThat(stored(id, (SelfEvaluation e) -> e.cityFundsUse().isPresent())).isFalse();
    }
}
