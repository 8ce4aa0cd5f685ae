package cn.perf.web.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import cn.perf.web.session.TestSessions;
import cn.perf.web.shell.RenderedPages;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.MultiValueMap;

/**
 * The read and edit pages are rendered once per declaration version and viewer and then served from
 * {@code RenderedPages}: a later save (which bumps the version) is never answered with the older rendering, each
 * response carries its own session's CSRF token, and one user's rendering never reaches another user.
 */
class RenderedPagesTest extends DeclarationPageSupport {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RenderedPages pages;
    @Autowired
    cn.perf.web.shell.KeptFragments fragments;
    @Autowired
    KeptDeclarationPages kept;

    @Test
    void aSecondOpeningIsServedFromTheRenderingOfTheSameVersionAndASaveRendersAgain() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("缓存"), 2027);
        String first = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        assertThat(valueOf(first, "projectLeader")).isNotEqualTo("改库不改版本");

        // A change behind the application's back that does not move the version: the page of this version is
        // served as it was rendered (proof that the second opening was not rendered again) ...
        jdbc.update("update declaration set project_leader = '改库不改版本' where id = ?", id);
        String second = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        assertThat(valueOf(second, "projectLeader")).isEqualTo(valueOf(first, "projectLeader"));
        assertThat(withoutTokens(second)).isEqualTo(withoutTokens(first));

        // ... while any change through the application moves the version and is shown at once.
        MultiValueMap<String, String> form = declarationForm(second);
        form.set("necessity", "缓存之后的修改");
        MvcResult saved = post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", form);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/declarations/" + id + "/edit");
        String afterSave = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        assertThat(valueOf(afterSave, "necessity")).isEqualTo("缓存之后的修改");
        assertThat(versionOf(afterSave)).isGreaterThan(versionOf(second));
        assertThat(page(CHENGGUAN_FILER, "/declarations/" + id)).contains("缓存之后的修改");
    }

    @Test
    void aServedPageCarriesTheTokenOfItsOwnSessionAndThatTokenSaves() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("令牌"), 2027);
        Cookie one = TestSessions.fresh(sessionStore);
        Cookie two = TestSessions.fresh(sessionStore);
        MvcResult pageOne = mvc.perform(MockMvcRequestBuilders.get("/declarations/" + id + "/edit").cookie(one)
                .with(as(CHENGGUAN_FILER))).andReturn();
        String inOne = pageOne.getResponse().getContentAsString();
        MvcResult pageTwo = mvc.perform(MockMvcRequestBuilders.get("/declarations/" + id + "/edit").cookie(two)
                .with(as(CHENGGUAN_FILER))).andReturn();
        two = TestSessions.next(two, pageTwo);
        MockHttpServletResponse r = pageTwo.getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        String inTwo = r.getContentAsString();
        assertThat(withoutTokens(inTwo)).isEqualTo(withoutTokens(inOne));
        String token = tokenOf(inTwo, CSRF_INPUT);
        assertThat(tokenOf(inTwo, CSRF_META)).isEqualTo(token);
        assertThat(token).isNotEqualTo(tokenOf(inOne, CSRF_INPUT));

        // The second session's page posts with the token it was served: accepted (a wrong token would be 403).
        var save = MockMvcRequestBuilders.post("/declarations/" + id + "/edit").cookie(two).with(as(CHENGGUAN_FILER)).param("_csrf", token);
        declarationForm(inTwo).forEach((name, values) -> save.param(name, values.toArray(String[]::new)));
        MvcResult saved = mvc.perform(save).andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        two = TestSessions.next(two, saved);
        // The first session's token is not valid in the second one: the check above could fail.
        var forged = MockMvcRequestBuilders.post("/declarations/" + id + "/edit").cookie(two).with(as(CHENGGUAN_FILER))
                .param("_csrf", "not-" + token);
        assertThat(mvc.perform(forged).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void anotherUserNeverGetsTheFirstUsersRendering() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("他人"), 2027);
        String filers = page(CHENGGUAN_FILER, "/declarations/" + id);
        assertThat(filers).contains("城管局填报人（演示）");
        String leaders = page("leader-001239", "/declarations/" + id);
        assertThat(leaders).contains("城管局单位负责人（演示）").doesNotContain("城管局填报人（演示）");
        String bureau = page("finance", "/declarations/" + id);
        assertThat(bureau).contains("财政局审核人（演示）").doesNotContain("城管局填报人（演示）");
        // and scope still holds for a page that is in the cache
        assertThat(get(JINING_FILER, "/declarations/" + id).getStatus()).isEqualTo(404);
        assertThat(get(ZHUJIAN_FILER, "/declarations/" + id + "/edit").getStatus()).isEqualTo(404);
    }

    /**
     * The edit page and the read page of one version read the form once ({@code KeptDeclarationPages}): the read page
     * opened after the edit page, though rendered for the first time, shows what the edit page read (a change behind
     * the application's back that does not move the version is not read); another viewer gets that version with what
     * they may do, a viewer outside the scope still a 404. A save (a new version) is not read back either: its pages
     * show the form as the save wrote it ({@code DeclarationFiling.reviseAndRead}), the same change behind the back
     * not shown (another node's save bumps the version, and that version is read).
     */
    @Test
    void theEditAndReadPagesOfOneVersionReadTheFormOnce() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("同版本"), 2027);
        String edit = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        String leader = valueOf(edit, "projectLeader");
        jdbc.update("update declaration set project_leader = '改库不改版本' where id = ?", id);

        String read = page(CHENGGUAN_FILER, "/declarations/" + id);
        assertThat(read).contains(leader).doesNotContain("改库不改版本").contains("id=\"edit-button\"");
        String bureau = page("finance", "/declarations/" + id);
        assertThat(bureau).contains(leader).doesNotContain("改库不改版本").doesNotContain("id=\"edit-button\"");
        assertThat(get(JINING_FILER, "/declarations/" + id).getStatus()).isEqualTo(404);

        MultiValueMap<String, String> form = declarationForm(edit);
        form.set("necessity", "新版本重新读取");
        post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", form);
        jdbc.update("update declaration set contact_person = '新版本之后改库' where id = ?", id);
        String saved = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        assertThat(valueOf(saved, "necessity")).isEqualTo("新版本重新读取");
        assertThat(saved).doesNotContain("新版本之后改库");
        assertThat(page(CHENGGUAN_FILER, "/declarations/" + id)).contains("新版本重新读取").doesNotContain("新版本之后改库");
    }

    /**
     * A form's page is one entry of each cache however many versions it had: the page of a new version replaces the
     * older one. Keyed by version, every save left an entry nobody would read again, and once the caches were full
     * Caffeine's admission policy turned the new pages away in favour of those.
     */
    @Test
    void aFormsPagesAreOneEntryEachWhateverItsNumberOfVersions() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("一页一条"), 2027);
        String edit = "/declarations/" + id + "/edit";
        long pagesBefore = pages.size();
        long formsBefore = kept.size();
        String page = page(CHENGGUAN_FILER, edit);
        page(CHENGGUAN_FILER, "/declarations/" + id);
        long version = versionOf(page);
        for (int save = 1; save <= 3; save++) {
            MultiValueMap<String, String> form = declarationForm(page);
            form.set("projectLeader", "第" + save + "次保存");
            post(CHENGGUAN_FILER, edit, form);
            page = page(CHENGGUAN_FILER, edit);
            assertThat(valueOf(page, "projectLeader")).isEqualTo("第" + save + "次保存");
            assertThat(page(CHENGGUAN_FILER, "/declarations/" + id)).contains("第" + save + "次保存");
        }
        assertThat(versionOf(page)).isEqualTo(version + 3);
        assertThat(pages.size() - pagesBefore).as("the edit page and the read page").isEqualTo(2);
        assertThat(kept.size() - formsBefore).as("the form read once per version, kept once").isEqualTo(1);
    }

    /**
     * The page after a save shows 已保存 and is the rendering kept for the saved version: the next opening is served
     * from it (a change behind the application's back is not shown), without the notice, which belongs to the one
     * response after the redirect; a browser gets the notice inside the compressed page.
     */
    @Test
    void thePageAfterASaveIsKeptAndItsNoticeGoesOnlyToThatResponse() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("提示"), 2027);
        String edit = "/declarations/" + id + "/edit";
        String plain = page(CHENGGUAN_FILER, edit);
        assertThat(plain).doesNotContain("已保存").doesNotContain(RenderedPages.NOTICES);
        MultiValueMap<String, String> form = declarationForm(plain);
        form.set("projectLeader", "保存后提示");
        MvcResult saved = post(CHENGGUAN_FILER, edit, form);
        MvcResult shown = mvc.perform(TestSessions.carrying(MockMvcRequestBuilders.get(edit)
                .header("Accept-Encoding", "gzip").with(as(CHENGGUAN_FILER)), saved)).andReturn();
        assertThat(shown.getResponse().getHeader("Content-Encoding")).isEqualTo("gzip");
        String afterSave = gunzip(shown.getResponse().getContentAsByteArray());
        assertThat(afterSave).contains("已保存").contains("role=\"status\"").doesNotContain(RenderedPages.NOTICES);
        assertThat(valueOf(afterSave, "projectLeader")).isEqualTo("保存后提示");

        jdbc.update("update declaration set project_leader = '改库不改版本' where id = ?", id);
        String again = page(CHENGGUAN_FILER, edit);
        assertThat(again).doesNotContain("已保存").doesNotContain(RenderedPages.NOTICES);
        assertThat(valueOf(again, "projectLeader")).isEqualTo("保存后提示");
        assertThat(withoutTokens(afterSave).replaceAll("<div class=\"alert alert-success\"[^>]*>已保存[^<]*</div>", "")
                .replaceAll("\\s+", "")).isEqualTo(withoutTokens(again).replaceAll("\\s+", ""));
    }

    /**
     * After a save that changed the header and one indicator, the page of the new version prints the other rows from
     * {@code KeptFragments}; it is byte for byte (tokens aside) the page rendered from scratch. Both layouts: the
     * national one numbers its rows per table.
     */
    @Test
    void rowsKeptFromTheLastVersionMakeThePageARenderFromScratchWouldMake() throws Exception {
        for (boolean national : new boolean[] {false, true}) {
            MultiValueMap<String, String> filled = national
                    ? filledNationalForm(CHENGGUAN_FILER, unique("行缓存"), 2027)
                    : filledSuzhouForm(CHENGGUAN_FILER, unique("行缓存"), 2027);
            if (national) {
                String[][] rows = {{"LONG_TERM", "产出指标", "数量指标", "采集点位数", "≥500", "个"},
                        {"LONG_TERM", "效益指标", "社会效益指标", "问题处置率", "≥95", "%"},
                        {"ANNUAL", "产出指标", "数量指标", "年度采集点位数", "≥200", "个"},
                        {"ANNUAL", "满意度指标", "服务对象满意度指标", "市民满意度", "≥90", "%"}};
                for (int i = 0; i < rows.length; i++) {
                    filled.set("indicators[" + i + "].term", rows[i][0]);
                    filled.set("indicators[" + i + "].category", rows[i][1]);
                    filled.set("indicators[" + i + "].subCategory", rows[i][2]);
                    filled.set("indicators[" + i + "].name", rows[i][3]);
                    filled.set("indicators[" + i + "].targetText", rows[i][4]);
                    filled.set("indicators[" + i + "].measureUnit", rows[i][5]);
                }
            }
            long id = create(CHENGGUAN_FILER, filled);
            String edit = "/declarations/" + id + "/edit";
            String first = page(CHENGGUAN_FILER, edit);
            assertThat(first).doesNotContain("perf:keep");
            MultiValueMap<String, String> form = declarationForm(first);
            form.set("projectLeader", "只改表头和一行");
            form.set("indicators[1].name", form.getFirst("indicators[1].name") + "（改）");
            assertThat(post(CHENGGUAN_FILER, edit, form).getResponse().getStatus()).isEqualTo(302);

            long hits = fragments.hits();
            String kept = page(CHENGGUAN_FILER, edit);
            int indicatorRows = (int) Pattern.compile("id=\"row-indicators-").matcher(kept).results().count();
            int rows = indicatorRows + (int) Pattern.compile("id=\"row-subProjects-").matcher(kept).results().count();
            assertThat(indicatorRows).isGreaterThanOrEqualTo(national ? 4 : 3);
            assertThat(fragments.hits() - hits).as("rows printed from the kept ones").isEqualTo(rows - 1);
            assertThat(kept).contains("只改表头和一行", "（改）").doesNotContain("perf:keep");

            // rendered from scratch from the form read back: the page made from the form as the save wrote it is
            // byte for byte the same (the save keeps its form in KeptDeclarationPages, nothing is read back)
            pages.clear();
            fragments.clear();
            this.kept.clear();
            String fresh = page(CHENGGUAN_FILER, edit);
            assertThat(fragments.hits()).isEqualTo(hits + rows - 1);
            assertThat(withoutTokens(kept)).isEqualTo(withoutTokens(fresh));
        }
    }

    private static String gunzip(byte[] body) throws java.io.IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * A browser (Accept-Encoding: gzip) gets the kept page compressed, its token spliced in: it decompresses to the
     * page a client without gzip gets in the same session, at a fraction of the bytes; the first response, rendered
     * now, is sent the same way.
     */
    @Test
    void aBrowserGetsTheKeptPageCompressedWithItsOwnToken() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("压缩"), 2027);
        Cookie session = TestSessions.fresh(sessionStore);
        for (int i = 0; i < 2; i++) { // rendered now, then kept
            MvcResult zipped = mvc.perform(MockMvcRequestBuilders.get("/declarations/" + id + "/edit").cookie(session)
                    .header("Accept-Encoding", "gzip, deflate, br").with(as(CHENGGUAN_FILER))).andReturn();
            session = TestSessions.next(session, zipped);
            MockHttpServletResponse z = zipped.getResponse();
            assertThat(z.getStatus()).isEqualTo(200);
            assertThat(z.getHeader("Content-Encoding")).isEqualTo("gzip");
            assertThat(z.getHeaders("Vary")).contains("Accept-Encoding");
            byte[] body = z.getContentAsByteArray();
            assertThat((long) body.length).isEqualTo(z.getContentLengthLong());
            String unzipped;
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                unzipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            MvcResult plain = mvc.perform(MockMvcRequestBuilders.get("/declarations/" + id + "/edit").cookie(session)
                    .with(as(CHENGGUAN_FILER))).andReturn();
            session = TestSessions.next(session, plain);
            assertThat(plain.getResponse().getHeader("Content-Encoding")).isNull();
            String expected = plain.getResponse().getContentAsString();
            // the same page; the tokens differ per response (masked anew each time) but are in the same places
            assertThat(withoutTokens(unzipped)).isEqualTo(withoutTokens(expected)).contains("projectLeader");
            assertThat(tokenOf(unzipped, CSRF_META)).isEqualTo(tokenOf(unzipped, CSRF_INPUT)).isNotBlank();
            assertThat(body.length).isLessThan(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 4);
        }
    }

    private static String tokenOf(String html, Pattern p) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    private static String withoutTokens(String html) {
        return CSRF_META.matcher(CSRF_INPUT.matcher(html).replaceAll("name=\"_csrf\" value=\"T\""))
                .replaceAll("<meta name=\"_csrf\" content=\"T\"");
    }
}
