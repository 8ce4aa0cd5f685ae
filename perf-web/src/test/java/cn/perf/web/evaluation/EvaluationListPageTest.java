package cn.perf.web.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.web.evaluation.EvaluationFixtures.Row;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * GET /evaluations (DESIGN.md §4, §7, the declaration list's pattern): what each user sees is their scope — a unit's
 * filer its unit, a 主管部门审核人 the units of the department, the 苏州市财政局 Suzhou and never 济宁 — with the columns
 * 自评总分, 计算总分, 等级, 问题数; the search narrows it, and the pager's and the sortable headers' links keep the search.
 * Self-evaluations made here carry an ASCII marker in their names, so filters are checked on a known set.
 */
class EvaluationListPageTest extends EvaluationPageSupport {

    private static final Set<String> SUZHOU_UNITS = Set.of(CHENGGUAN, ZHUJIAN, XINXI, "苏州市大数据管理局",
            "苏州市电子政务服务中心");
    private static final Row OUTPUT = Row.suzhou("产出", "平台上线模块数", "≥8个");
    private static final Row NATIONAL_OUTPUT = Row.national("产出指标", "数量指标", "采集案件数", "≥50000件");

    /** A row of the list: id, and the cells as text. */
    record ListRow(long id, List<String> cells) {
        String name() {
            return cells.get(1);
        }

        String unit() {
            return cells.get(2);
        }

        String status() {
            return cells.get(9);
        }
    }

    static List<ListRow> rows(Document list) {
        return list.select("#evaluations tbody tr[data-id]").stream()
                .map(tr -> new ListRow(Long.parseLong(tr.attr("data-id")),
                        tr.select("> td").stream().map(Element::text).toList())).toList();
    }

    private List<ListRow> rows(String username, String url) throws Exception {
        return rows(doc(username, url));
    }

    // ------------------------------------------------------------------ scope

    @Test
    void aFilerSeesOnlyHisUnitsSelfEvaluations() throws Exception {
        String mine = unique("本单位自评");
        String theirs = unique("他单位自评");
        suzhouEvaluation(mine, OUTPUT);
        start(OTHER_FILER, fixtures().approvedSuzhou(ZHUJIAN, theirs, OUTPUT));

        List<ListRow> all = rows(FILER, "/evaluations?size=100");
        assertThat(all).isNotEmpty().allSatisfy(r -> assertThat(r.unit()).isEqualTo(CHENGGUAN));
        assertThat(all).extracting(ListRow::name).contains(mine).doesNotContain(theirs, SEED_002);
        assertThat(rows(FILER, "/evaluations?size=100&name=" + marker(theirs))).isEmpty();
        assertThat(rows(OTHER_FILER, "/evaluations?size=100")).extracting(ListRow::name).contains(theirs)
                .doesNotContain(mine);
        assertThat(doc(FILER, "/evaluations").select("select#unitId")).as("one unit: no 单位 filter").isEmpty();
    }

    @Test
    void aDepartmentReviewerSeesTheSelfEvaluationsOfItsUnits() throws Exception {
        String chengguan = unique("城管自评");
        suzhouEvaluation(chengguan, OUTPUT);
        String xinxi = unique("信息中心自评");
        start(XXZX_FILER, fixtures().approvedSuzhou(XINXI, xinxi, OUTPUT));

        List<ListRow> dsj = rows(DSJ_REVIEWER, "/evaluations?size=100");
        assertThat(dsj).extracting(ListRow::name).contains(xinxi, SEED_002).doesNotContain(chengguan);
        assertThat(dsj).allSatisfy(r -> assertThat(r.unit()).isIn(XINXI, "苏州市电子政务服务中心", "苏州市大数据管理局"));
        List<ListRow> cg = rows(REVIEWER, "/evaluations?size=100");
        assertThat(cg).extracting(ListRow::name).contains(chengguan).doesNotContain(xinxi, SEED_002);
        assertThat(cg).allSatisfy(r -> assertThat(r.unit()).isEqualTo(CHENGGUAN));
    }

    @Test
    void theSuzhouFinanceBureauSeesSuzhouAndNeverJining() throws Exception {
        String jining = unique("济宁自评");
        start(JINING_FILER, fixtures().approvedNational(JINING_UNIT, jining, NATIONAL_OUTPUT));
        String suzhou = unique("苏州自评");
        suzhouEvaluation(suzhou, OUTPUT);

        Document list = doc(FINANCE, "/evaluations?size=100");
        assertThat(rows(list)).isNotEmpty().allSatisfy(r -> assertThat(r.unit()).isIn(SUZHOU_UNITS));
        assertThat(rows(list)).extracting(ListRow::name).contains(SEED_002).doesNotContain(jining);
        assertThat(rows(FINANCE, "/evaluations?size=100&name=" + marker(suzhou))).hasSize(1);
        assertThat(rows(FINANCE, "/evaluations?size=100&name=" + marker(jining))).as("not even by its name").isEmpty();
        assertThat(list.html()).doesNotContain(JINING_UNIT);
        assertThat(list.select("select#unitId option").eachText()).doesNotContain(JINING_UNIT);

        assertThat(rows(FINANCE_JINING, "/evaluations?size=100")).extracting(ListRow::name).contains(jining)
                .doesNotContain(suzhou, SEED_002);
    }

    @Test
    void administratorsAreRefusedTheList() throws Exception {
        for (String admin : List.of("admin", "security", AUDITOR)) {
            assertThat(get(admin, "/evaluations").getStatus()).as(admin).isEqualTo(403);
        }
    }

    // ------------------------------------------------------------------ columns

    @Test
    void theTableHasTheScoreColumnsAndSeed002ShowsItsFiledAndComputedTotalsGradeAndFindings() throws Exception {
        Document list = doc(DSJ_REVIEWER, "/evaluations?size=100&year=2020");
        List<String> head = list.select("#evaluations thead th").stream()
                .map(th -> th.text().replaceAll("[▲▼]", "").strip()).toList();
        assertThat(head).containsSubsequence("项目名称", "单位", "年度", "样式", "自评总分", "计算总分", "等级", "问题数", "状态");

        ListRow seed = rows(list).stream().filter(r -> r.name().equals(SEED_002)).findFirst().orElseThrow();
        Document detail = doc(DSJ_REVIEWER, "/evaluations/" + seed.id());
        assertThat(seed.unit()).isEqualTo(XINXI);
        assertThat(seed.cells().get(3)).isEqualTo("2020");
        assertThat(seed.cells().get(4)).isEqualTo("苏州自评表");
        assertThat(new BigDecimal(seed.cells().get(5))).as("自评总分").isEqualByComparingTo("80");
        assertThat(new BigDecimal(seed.cells().get(6))).as("计算总分").isEqualByComparingTo("77.90");
        assertThat(seed.cells().get(7)).as("等级").isNotBlank().isEqualTo(text(detail, "#board-grade"));
        assertThat(Integer.parseInt(seed.cells().get(8))).as("问题数 = the findings on its page")
                .isPositive().isEqualTo(detail.select("#findings-panel li.finding").size());
        assertThat(seed.status()).isEqualTo("已提交");
    }

    @Test
    void aNewSelfEvaluationIsListedAsADraftWithItsComputedTotalAndLinksToItsPages() throws Exception {
        String name = unique("新自评");
        long id = suzhouEvaluation(name, OUTPUT);

        ListRow row = rows(FILER, "/evaluations?name=" + marker(name)).get(0);
        Document list = doc(FILER, "/evaluations?name=" + marker(name));

        assertThat(row.id()).isEqualTo(id);
        assertThat(row.status()).isEqualTo("草稿");
        assertThat(row.cells().get(5)).as("自评总分: none before submission").isEmpty();
        assertThat(list.select("a[href=/evaluations/" + id + "]")).isNotEmpty();
        assertThat(list.select("a[href=/evaluations/" + id + "/edit]")).hasSize(1);
        assertThat(doc(REVIEWER, "/evaluations?name=" + marker(name)).select("a[href=/evaluations/" + id + "/edit]"))
                .as("no 修改 link for a reviewer").isEmpty();
    }

    // ------------------------------------------------------------------ search, sort, pages

    @Test
    void yearStatusAndNameNarrowTheTable() throws Exception {
        String marker = marker(unique("x"));
        long a = suzhouEvaluation("筛选甲-" + marker, OUTPUT);
        long b = suzhouEvaluation("筛选乙-" + marker, OUTPUT);
        submitAsMet(b);
        String base = "/evaluations?size=100&name=" + marker;

        assertThat(rows(FILER, base)).extracting(ListRow::id).containsExactlyInAnyOrder(a, b);
        assertThat(rows(FILER, base + "&status=DRAFT")).extracting(ListRow::id).containsExactly(a);
        assertThat(rows(FILER, base + "&status=SUBMITTED")).extracting(ListRow::id).containsExactly(b);
        assertThat(rows(FILER, base + "&status=CONFIRMED")).isEmpty();
        assertThat(rows(FILER, base + "&year=" + EvaluationFixtures.YEAR)).hasSize(2);
        assertThat(rows(FILER, base + "&year=2020")).isEmpty();
        assertThat(rows(FILER, base + "&layout=NATIONAL_2020")).isEmpty();
        assertThat(rows(FILER, "/evaluations?size=100&name=筛选甲-" + marker)).extracting(ListRow::id)
                .containsExactly(a);
        assertThat(rows(DSJ_REVIEWER, "/evaluations?size=100&year=2020&status=SUBMITTED&name=电子政务"))
                .extracting(ListRow::name).contains(SEED_002);

        Document form = doc(FILER, base + "&status=SUBMITTED&year=" + EvaluationFixtures.YEAR);
        assertThat(form.select("select#status option[selected]").attr("value")).isEqualTo("SUBMITTED");
        assertThat(form.select("select#year option[selected]").attr("value"))
                .isEqualTo(String.valueOf(EvaluationFixtures.YEAR));
        assertThat(form.select("input#name").attr("value")).isEqualTo(marker);
    }

    @Test
    void thePagerAndTheSortLinksKeepTheSearch() throws Exception {
        String marker = marker(unique("x"));
        for (String n : List.of("B", "A", "C")) {
            suzhouEvaluation("分页" + n + "-" + marker, OUTPUT);
        }
        String base = "/evaluations?size=2&status=DRAFT&year=" + EvaluationFixtures.YEAR + "&name=" + marker
                + "&sort=PROJECT_NAME&dir=asc";

        Document first = doc(FILER, base);
        assertThat(rows(first)).extracting(ListRow::name).containsExactly("分页A-" + marker, "分页B-" + marker);
        assertThat(first.text()).contains("共 3 条，第 1–2 条", "第 1 / 2 页");

        Element next = first.select(".pagination a.page-link").stream().filter(a -> a.text().equals("下一页"))
                .findFirst().orElseThrow();
        assertKeepsTheSearch(next.attr("href"), marker);
        assertThat(query(next.attr("href")).getQueryParams().getFirst("page")).isEqualTo("1");
        assertThat(query(next.attr("href")).getQueryParams().getFirst("sort")).isEqualTo("PROJECT_NAME");
        Document second = Jsoup.parse(getLink(FILER, next.attr("href")).getContentAsString());
        assertThat(rows(second)).extracting(ListRow::name).containsExactly("分页C-" + marker);
        assertThat(second.text()).contains("共 3 条，第 3–3 条");

        for (Element sort : first.select("#evaluations thead a.sort-link")) {
            assertKeepsTheSearch(sort.attr("href"), marker);
            assertThat(query(sort.attr("href")).getQueryParams()).doesNotContainKey("page");
        }
        Element byName = first.select("#evaluations thead th[aria-sort=ascending] a.sort-link").first();
        assertThat(byName).as("the active column is marked").isNotNull();
        assertThat(query(byName.attr("href")).getQueryParams().getFirst("dir")).isEqualTo("desc");
        Document descending = Jsoup.parse(getLink(FILER, byName.attr("href")).getContentAsString());
        assertThat(rows(descending)).extracting(ListRow::name).containsExactly("分页C-" + marker, "分页B-" + marker);
    }

    private static UriComponents query(String href) {
        return UriComponentsBuilder.fromUriString(href).build();
    }

    private static void assertKeepsTheSearch(String href, String marker) {
        var q = query(href).getQueryParams();
        assertThat(q.getFirst("name")).as(href).isEqualTo(marker);
        assertThat(q.getFirst("status")).as(href).isEqualTo("DRAFT");
        assertThat(q.getFirst("year")).as(href).isEqualTo(String.valueOf(EvaluationFixtures.YEAR));
        assertThat(q.getFirst("size")).as(href).isEqualTo("2");
    }

    /** Fills every row as met, saves and submits through the page. */
    private void submitAsMet(long id) throws Exception {
        Document edit = editPage(FILER, id);
        var form = filledAsMet(edit);
        form.set("_op", "submit");
        var r = post(FILER, "/evaluations/" + id + "/edit", form);
        assertThat(r.getResponse().getRedirectedUrl()).as("submitted: %s", r.getFlashMap())
                .isEqualTo("/evaluations/" + id);
    }
}
