package cn.perf.web.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * GET /declarations (DESIGN.md §7): what each user sees is their scope, and the search form, sort and pagination
 * narrow and order it. Drafts made here carry a unique marker in their names, so the filters can be checked on a
 * known set whatever else the database holds.
 */
class DeclarationListPageTest extends DeclarationPageSupport {

    private static final Set<String> SUZHOU_UNITS = Set.of(CHENGGUAN, ZHUJIAN, XINXI);

    @Test
    void aFilerSeesOnlyTheDeclarationsOfHisOwnUnit() throws Exception {
        String list = page(CHENGGUAN_FILER, "/declarations?size=100");
        String seeds = page(CHENGGUAN_FILER, "/declarations?size=100&year=2021");

        List<ListRow> rows = rows(list);
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.unit()).isEqualTo(CHENGGUAN));
        assertThat(total(list)).isGreaterThanOrEqualTo(rows.size());
        assertThat(rows(seeds)).extracting(ListRow::projectName).contains(SEED_000).doesNotContain(SEED_001, SEED_003);
        assertThat(list + seeds).doesNotContain(SEED_001).doesNotContain("济宁高新区数字化城市管理")
                .doesNotContain(ZHUJIAN).doesNotContain(JINING_UNIT);
    }

    @Test
    void theSuzhouFinanceBureauSeesSuzhouDeclarationsAndNeverJinings() throws Exception {
        String list = page("finance", "/declarations?size=100");
        String seeds = page("finance", "/declarations?size=100&year=2021");
        String jiningYear = page("finance", "/declarations?size=100&year=2020");

        assertThat(rows(seeds)).extracting(ListRow::projectName).contains(SEED_000, SEED_001);
        assertThat(rows(list)).isNotEmpty().allSatisfy(r -> assertThat(r.unit()).isIn(SUZHOU_UNITS));
        assertThat(rows(jiningYear)).allSatisfy(r -> assertThat(r.unit()).isIn(SUZHOU_UNITS));
        assertThat(list + seeds + jiningYear).doesNotContain("济宁高新区数字化城市管理").doesNotContain(JINING_UNIT);
    }

    @Test
    void theSuzhouFinanceBureauCannotSearchItsWayIntoJining() throws Exception {
        String list = page("finance", "/declarations?size=100&name="
                + "济宁高新区");

        assertThat(rows(list)).isEmpty();
        assertThat(total(list)).isZero();
    }

    @Test
    void theJiningFinanceBureauSeesOnlyJinings() throws Exception {
        String list = page("finance-jining", "/declarations?size=100");
        String seeds = page("finance-jining", "/declarations?size=100&year=2020");

        assertThat(rows(seeds)).extracting(ListRow::projectName).contains(SEED_003);
        assertThat(rows(list)).isNotEmpty().allSatisfy(r -> assertThat(r.unit()).isEqualTo(JINING_UNIT));
        assertThat(rows(page("finance-jining", "/declarations?size=100&year=2021")))
                .allSatisfy(r -> assertThat(r.unit()).isEqualTo(JINING_UNIT));
        assertThat(list + seeds).doesNotContain(SEED_000).doesNotContain(SEED_001).doesNotContain(CHENGGUAN);
    }

    @Test
    void anAdministratorIsRefusedTheListAndSeesNoDeclarations() throws Exception {
        // 三员分立: administrators fill and review no forms (URL rules, AuthorizationMatrixTest)
        org.springframework.mock.web.MockHttpServletResponse r = get("admin", "/declarations?size=100");

        assertThat(r.getStatus()).isEqualTo(403);
        String list = r.getContentAsString();
        assertThat(rows(list)).isEmpty();
        assertThat(list).doesNotContain("id=\"new-suzhou\"").doesNotContain("id=\"new-national\"")
                .doesNotContain("新增（").doesNotContain(SEED_000).doesNotContain(SEED_003);
    }

    @Test
    void aFilerHasTheNewButtonsForBothLayouts() throws Exception {
        String list = page(CHENGGUAN_FILER, "/declarations");

        assertThat(list).contains("href=\"/declarations/new?layout=SUZHOU\"", "新增（苏州模板）",
                "href=\"/declarations/new?layout=NATIONAL\"", "新增（全国模板）");
    }

    @Test
    void theTableHasTheColumnsOfTheListInOrder() throws Exception {
        String list = page(CHENGGUAN_FILER, "/declarations");
        String head = list.substring(list.indexOf("<thead"), list.indexOf("</thead>"));

        List<String> labels = List.of("项目名称", "单位", "年度", "模板", "资金合计（万元）", "指标数", "状态", "更新时间");
        int at = -1;
        for (String label : labels) {
            int next = head.indexOf(">" + label + "<", at + 1);
            assertThat(next).as("column %s after the previous one", label).isGreaterThan(at);
            at = next;
        }
    }

    @Test
    void aSeedRowShowsItsUnitYearLayoutIndicatorCountAndStatus() throws Exception {
        String list = page(ZHUJIAN_FILER, "/declarations?size=100&year=2021");

        ListRow seed = rows(list).stream().filter(r -> r.projectName().equals(SEED_001)).findFirst().orElseThrow();
        assertThat(seed.unit()).isEqualTo(ZHUJIAN);
        assertThat(seed.year()).isEqualTo("2021");
        assertThat(seed.cells().get(4)).isEqualTo("苏州模板");
        assertThat(seed.cells().get(5)).isEqualTo("41.86");
        assertThat(Integer.parseInt(seed.cells().get(6))).isGreaterThanOrEqualTo(10);
        assertThat(seed.cells().get(7)).isEqualTo("财政审核通过");
        assertThat(seed.cells().get(8)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    }

    @Test
    void theFiltersForYearLayoutStatusAndNameNarrowTheTable() throws Exception {
        String marker = unique("筛选");
        createSuzhou(CHENGGUAN_FILER, marker + "甲", 2027);
        createSuzhou(CHENGGUAN_FILER, marker + "乙", 2028);
        createNational(CHENGGUAN_FILER, marker + "丙", 2027);
        String byName = "/declarations?size=100&name=" + marker;

        assertThat(names(byName)).containsExactlyInAnyOrder(marker + "甲", marker + "乙", marker + "丙");
        assertThat(names(byName + "&year=2028")).containsExactly(marker + "乙");
        assertThat(names(byName + "&layout=NATIONAL")).containsExactly(marker + "丙");
        assertThat(names(byName + "&layout=SUZHOU&year=2027")).containsExactly(marker + "甲");
        assertThat(names(byName + "&status=DRAFT")).hasSize(3);
        assertThat(names(byName + "&status=SUBMITTED")).isEmpty();
        assertThat(total(page(CHENGGUAN_FILER, byName + "&status=SUBMITTED"))).isZero();

        assertThat(names("/declarations?size=100&status=SUBMITTED&year=2021")).containsExactly(SEED_000);
    }

    @Test
    void theSearchFormKeepsWhatWasAskedFor() throws Exception {
        String list = page(CHENGGUAN_FILER, "/declarations?year=2021&layout=SUZHOU&status=SUBMITTED&name="
                + "城管");

        assertThat(list).containsPattern("<option value=\"2021\" selected=\"selected\">2021</option>")
                .containsPattern("<option value=\"SUZHOU\" selected=\"selected\">")
                .containsPattern("<option value=\"SUBMITTED\" selected=\"selected\">")
                .contains("value=\"城管\"");
    }

    @Test
    void theSortParameterReordersTheRows() throws Exception {
        String marker = unique("排序");
        createSuzhou(CHENGGUAN_FILER, marker + "-B", 2029);
        createSuzhou(CHENGGUAN_FILER, marker + "-A", 2030);
        createSuzhou(CHENGGUAN_FILER, marker + "-C", 2028);
        String base = "/declarations?size=100&name=" + marker;

        assertThat(names(base + "&sort=PROJECT_NAME&dir=asc"))
                .containsExactly(marker + "-A", marker + "-B", marker + "-C");
        assertThat(names(base + "&sort=PROJECT_NAME&dir=desc"))
                .containsExactly(marker + "-C", marker + "-B", marker + "-A");
        assertThat(names(base + "&sort=YEAR&dir=asc"))
                .containsExactly(marker + "-C", marker + "-B", marker + "-A");
        assertThat(names(base + "&sort=YEAR&dir=desc"))
                .containsExactly(marker + "-A", marker + "-B", marker + "-C");
    }

    @Test
    void theActiveSortColumnIsMarkedAndItsLinkReversesTheDirection() throws Exception {
        String list = page(CHENGGUAN_FILER, "/declarations?sort=YEAR&dir=asc");

        assertThat(list).contains("aria-sort=\"ascending\"")
                .containsPattern("sort=YEAR&amp;dir=desc");
    }

    @Test
    void pageAndSizePaginateTheTable() throws Exception {
        String marker = unique("分页");
        for (int i = 1; i <= 5; i++) {
            createSuzhou(CHENGGUAN_FILER, marker + "-" + i, 2027);
        }
        String base = "/declarations?size=2&sort=PROJECT_NAME&dir=asc&name="
                + marker;

        String first = page(CHENGGUAN_FILER, base + "&page=0");
        String second = page(CHENGGUAN_FILER, base + "&page=1");
        String third = page(CHENGGUAN_FILER, base + "&page=2");

        assertThat(total(first)).isEqualTo(5);
        assertThat(first).contains("共 5 条，第 1–2 条").contains("第 1 / 3 页");
        assertThat(second).contains("共 5 条，第 3–4 条").contains("第 2 / 3 页");
        assertThat(third).contains("共 5 条，第 5–5 条").contains("第 3 / 3 页");
        assertThat(rows(first)).extracting(ListRow::projectName).containsExactly(marker + "-1", marker + "-2");
        assertThat(rows(second)).extracting(ListRow::projectName).containsExactly(marker + "-3", marker + "-4");
        assertThat(rows(third)).extracting(ListRow::projectName).containsExactly(marker + "-5");
        assertThat(second).containsPattern("href=\"[^\"]*page=0\">上一页</a>")
                .containsPattern("href=\"[^\"]*page=2\">下一页</a>");
    }

    @Test
    void aListRowLinksToItsReadViewAndADraftAlsoToItsEditPage() throws Exception {
        String name = unique("链接");
        long id = createSuzhou(CHENGGUAN_FILER, name, 2027);

        String list = page(CHENGGUAN_FILER, "/declarations?name=" + name);

        assertThat(list).contains("href=\"/declarations/" + id + "\"").contains("href=\"/declarations/" + id + "/edit\"");
        ListRow row = rows(list).get(0);
        assertThat(row.cells().get(7)).isEqualTo("草稿");
        assertThat(row.cells().get(5)).isEqualTo("41.86");
    }

    private List<String> names(String url) throws Exception {
        return rows(page(CHENGGUAN_FILER, url)).stream().map(ListRow::projectName).toList();
    }
}
