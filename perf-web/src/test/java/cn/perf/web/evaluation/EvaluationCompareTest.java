package cn.perf.web.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.web.evaluation.EvaluationFixtures.Row;
import java.math.BigDecimal;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * GET /evaluations/{id}/compare (DESIGN.md §3, what-if): the form scored under its own regime and another side by side,
 * both totals, and the regimes' differences named in sentences; an unknown regime is 404; nothing is stored.
 */
class EvaluationCompareTest extends EvaluationPageSupport {

    private static final Row MODULES = Row.suzhou("产出", "平台上线模块数", "≥10个");
    private static final Row UPTIME = Row.suzhou("结果", "系统可用率", "≥99%");

    @Test
    void aSuzhouFormUnderNational2020ShowsBothTotalsAndTheNamedDifferences() throws Exception {
        long id = suzhouEvaluation(unique("比较"), MODULES, UPTIME);
        var form = filledAsMet(editPage(FILER, id));
        form.set("rows[14].actual", "9个");
        form.set("rows[14].deviationReason", "延期");
        save(FILER, id, form);
        long version = storedVersion(id);
        Document detail = doc(FILER, "/evaluations/" + id);
        assertThat(detail.select("#compare-button").attr("href")).isEqualTo("/evaluations/" + id + "/compare");

        Document byDefault = doc(FILER, "/evaluations/" + id + "/compare");
        Document national = doc(FILER, "/evaluations/" + id + "/compare?regime=NATIONAL_2020");

        for (Document c : List.of(byDefault, national)) {
            List<BigDecimal> own = numbers(text(c, "#own-total"));
            List<BigDecimal> other = numbers(text(c, "#other-total"));
            assertThat(own.get(0)).as("own total = the read view's").isEqualByComparingTo(text(detail, "#board-total"));
            assertThat(own.get(1)).as("Suzhou: out of 80").isEqualByComparingTo("80");
            // the form's own categories (80) plus the national 预算执行率 (10); the regime's 100 is a finding
            assertThat(other.get(1)).as("under national: 80 + 预算执行率 10").isEqualByComparingTo("90");
            assertThat(c.select("#findings-other li.finding").eachAttr("data-code"))
                    .contains("TOTAL_POINTS_MISMATCH", "CATEGORY_POINTS_DIFFER");
            List<String> differences = c.select("#regime-differences li").eachText();
            assertThat(differences).isNotEmpty().doesNotContain("两种规则的参数相同");
            assertThat(String.join("\n", differences)).contains("指标类别及分值", "总分", "预算执行率");
            assertThat(c.select("#regime option[selected]").attr("value")).isEqualTo("NATIONAL_2020");
            assertThat(c.select("#comparison tbody tr")).hasSizeGreaterThanOrEqualTo(EvaluationFixtures.SUZHOU_INPUT_ROWS + 2);
            assertThat(c.select(".alert-warning").text()).contains("仅供比较，不保存");
        }
        assertThat(text(national, "#comparison thead")).contains("本表规则", "假设规则");
        assertThat(storedVersion(id)).as("a what-if stores nothing").isEqualTo(version);
    }

    @Test
    void aNationalFormUnderSuzhou2017NamesTheDifferencesToo() throws Exception {
        long id = nationalEvaluation(unique("全国比较"), Row.national("产出指标", "数量指标", "采集案件数", "≥50000件"),
                Row.national("效益指标", "社会效益指标", "城市管理水平", "显著提升"),
                Row.national("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"));

        Document c = doc(FILER, "/evaluations/" + id + "/compare?regime=SUZHOU_2017");

        assertThat(numbers(text(c, "#own-total")).get(1)).isEqualByComparingTo("100");
        assertThat(numbers(text(c, "#other-total"))).hasSize(2);
        assertThat(c.select("#regime-differences li").eachText()).isNotEmpty().doesNotContain("两种规则的参数相同");
    }

    @Test
    void anUnknownRegimeIsNotFound() throws Exception {
        long id = suzhouEvaluation(unique("未知规则"), MODULES);

        assertNotFound(get(FILER, "/evaluations/" + id + "/compare?regime=NO_SUCH_REGIME"));
        assertNotFound(get(FILER, "/evaluations/" + id + "/compare?regime=<script>"));
    }
}
