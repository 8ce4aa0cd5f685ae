package cn.perf.web.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.MultiValueMap;

/**
 * A forged id gets 404 and changes nothing (DESIGN.md §8): another unit's declaration, one that does not exist,
 * row ids and 对应子项目 keys of another declaration inside a save; no login means the login page; a submitted
 * declaration is no longer editable.
 */
class DeclarationForgedIdTest extends DeclarationPageSupport {

    private static final long NO_SUCH_ID = 987_654_321L;

    @Test
    void anotherUnitsDraftIsNotFoundForReadEditSaveCopyAndSubmit() throws Exception {
        String name = unique("他人");
        long id = createSuzhou(CHENGGUAN_FILER, name, 2027);
        String ownersEdit = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        long version = versionOf(ownersEdit);
        MultiValueMap<String, String> forged = declarationForm(ownersEdit);
        forged.set("projectLeader", "冒名顶替");

        assertNotFound(get(ZHUJIAN_FILER, "/declarations/" + id));
        assertNotFound(get(ZHUJIAN_FILER, "/declarations/" + id + "/edit"));
        assertNotFound(post(ZHUJIAN_FILER, "/declarations/" + id + "/edit", forged).getResponse());
        assertNotFound(post(ZHUJIAN_FILER, "/declarations/" + id + "/copy", params()).getResponse());
        assertNotFound(post(ZHUJIAN_FILER, "/declarations/" + id + "/submit",
                params("version", String.valueOf(version))).getResponse());

        String after = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");
        assertThat(valueOf(after, "projectLeader")).isEqualTo("张建国");
        assertThat(versionOf(after)).isEqualTo(version);
        assertThat(after).contains("状态：草稿");
        assertThat(rows(page(CHENGGUAN_FILER, "/declarations?size=100&name=" + name))).hasSize(1);
        assertThat(rows(page(ZHUJIAN_FILER, "/declarations?size=100&name=" + name))).isEmpty();
    }

    @Test
    void anotherUnitsSeedDeclarationIsNotFound() throws Exception {
        long seed001 = seedId(ZHUJIAN_FILER, SEED_001, 2021);
        long seed003 = seedId(JINING_FILER, SEED_003, 2020);

        assertNotFound(get(CHENGGUAN_FILER, "/declarations/" + seed001));
        assertNotFound(get(CHENGGUAN_FILER, "/declarations/" + seed001 + "/edit"));
        assertNotFound(post(CHENGGUAN_FILER, "/declarations/" + seed001 + "/copy", params()).getResponse());
        assertNotFound(get("finance", "/declarations/" + seed003));
        assertNotFound(get("finance-jining", "/declarations/" + seed001));
        assertThat(get("admin", "/declarations/" + seed001).getStatus()).as("administrators fill no forms")
                .isEqualTo(403);
        assertThat(page(ZHUJIAN_FILER, "/declarations/" + seed001)).contains("状态：财政审核通过");
    }

    @Test
    void aDeclarationThatDoesNotExistIsNotFound() throws Exception {
        assertNotFound(get(CHENGGUAN_FILER, "/declarations/" + NO_SUCH_ID));
        assertNotFound(get(CHENGGUAN_FILER, "/declarations/" + NO_SUCH_ID + "/edit"));
        assertNotFound(post(CHENGGUAN_FILER, "/declarations/" + NO_SUCH_ID + "/edit",
                params("version", "0", "projectName", "不存在")).getResponse());
        assertNotFound(post(CHENGGUAN_FILER, "/declarations/" + NO_SUCH_ID + "/copy", params()).getResponse());
        assertNotFound(post(CHENGGUAN_FILER, "/declarations/" + NO_SUCH_ID + "/submit",
                params("version", "0")).getResponse());
    }

    @Test
    void anIndicatorRowIdOfAnotherDeclarationIsRefusedAndChangesNothing() throws Exception {
        long mine = createSuzhou(CHENGGUAN_FILER, unique("行号"), 2027);
        long theirs = createSuzhou(ZHUJIAN_FILER, unique("别人的行"), 2027);
        String theirEdit = page(ZHUJIAN_FILER, "/declarations/" + theirs + "/edit");
        String theirIndicatorId = valueOf(theirEdit, "indicators[0].id");
        assertThat(theirIndicatorId).isNotBlank();
        String myEdit = page(CHENGGUAN_FILER, "/declarations/" + mine + "/edit");
        MultiValueMap<String, String> form = declarationForm(myEdit);
        form.set("indicators[0].id", theirIndicatorId);
        form.set("indicators[0].targetText", "被篡改的目标");
        form.set("projectLeader", "不会保存");

        String html = refusedSave(mine, form);

        assertThat(DeclarationFormPageTest.messageAt(html, "indicators[0].name")).contains("这一行不属于本申报表");
        assertThat(valueOf(html, "projectLeader")).isEqualTo("不会保存");
        assertUnchanged(CHENGGUAN_FILER, mine, myEdit);
        assertUnchanged(ZHUJIAN_FILER, theirs, theirEdit);
    }

    @Test
    void aMadeUpRowIdIsRefusedAndChangesNothing() throws Exception {
        long mine = createSuzhou(CHENGGUAN_FILER, unique("虚构行"), 2027);
        String myEdit = page(CHENGGUAN_FILER, "/declarations/" + mine + "/edit");
        MultiValueMap<String, String> form = declarationForm(myEdit);
        form.set("indicators[0].id", String.valueOf(NO_SUCH_ID));

        String html = refusedSave(mine, form);

        assertThat(DeclarationFormPageTest.messageAt(html, "indicators[0].name")).contains("这一行不属于本申报表");
        assertUnchanged(CHENGGUAN_FILER, mine, myEdit);
    }

    @Test
    void aRowIdThatIsNotANumberIsRefusedAndChangesNothing() throws Exception {
        long mine = createSuzhou(CHENGGUAN_FILER, unique("非数字行"), 2027);
        String myEdit = page(CHENGGUAN_FILER, "/declarations/" + mine + "/edit");
        MultiValueMap<String, String> form = declarationForm(myEdit);
        form.set("indicators[1].id", "1 or 1=1");

        MockHttpServletResponse r = post(CHENGGUAN_FILER, "/declarations/" + mine + "/edit", form).getResponse();

        assertThat(r.getStatus()).isIn(200, 400);
        if (r.getStatus() == 200) {
            assertThat(r.getContentAsString()).contains("处需要修改");
            assertThat(errorsOf(r.getContentAsString())).as("the messages shown on the page")
                    .anySatisfy(m -> assertThat(m).contains("这一行不属于本申报表"));
        }
        assertUnchanged(CHENGGUAN_FILER, mine, myEdit);
    }

    @Test
    void aForgedFundingSourceRowIsRefusedWithAMessageTheFilerCanSee() throws Exception {
        long mine = createSuzhou(CHENGGUAN_FILER, unique("资金来源行"), 2027);
        String myEdit = page(CHENGGUAN_FILER, "/declarations/" + mine + "/edit");
        MultiValueMap<String, String> form = declarationForm(myEdit);
        String duplicate = form.getFirst("fundingSources[1].kind");
        form.set("fundingSources[0].kind", duplicate);

        String html = refusedSave(mine, form);

        assertThat(html).contains("处需要修改");
        assertThat(errorsOf(html)).as("the messages shown on the page")
                .anySatisfy(m -> assertThat(m).containsAnyOf("这一行不属于本申报表", "项目资金来源应恰好包含"));
        assertUnchanged(CHENGGUAN_FILER, mine, myEdit);
    }

    @Test
    void aSubProjectOfAnotherDeclarationAsTheIndicatorsSubProjectIsRefused() throws Exception {
        long mine = createSuzhou(CHENGGUAN_FILER, unique("子项目"), 2027);
        long theirs = createSuzhou(ZHUJIAN_FILER, unique("别人的子项目"), 2027);
        String theirEdit = page(ZHUJIAN_FILER, "/declarations/" + theirs + "/edit");
        String theirSubProjectId = valueOf(theirEdit, "subProjects[0].id");
        assertThat(theirSubProjectId).isNotBlank();
        String myEdit = page(CHENGGUAN_FILER, "/declarations/" + mine + "/edit");
        MultiValueMap<String, String> form = declarationForm(myEdit);
        form.set("indicators[10].subProjectKeys", "id-" + theirSubProjectId);

        String html = refusedSave(mine, form);

        assertThat(DeclarationFormPageTest.messageAt(html, "indicators[10].subProjectKeys"))
                .contains("对应子项目不是本申报表的子项目");
        assertUnchanged(CHENGGUAN_FILER, mine, myEdit);
        assertUnchanged(ZHUJIAN_FILER, theirs, theirEdit);
    }

    @Test
    void aSubProjectRowIdOfAnotherDeclarationIsRefused() throws Exception {
        long mine = createSuzhou(CHENGGUAN_FILER, unique("子项目行"), 2027);
        long theirs = createSuzhou(ZHUJIAN_FILER, unique("别人的子项目行"), 2027);
        String theirEdit = page(ZHUJIAN_FILER, "/declarations/" + theirs + "/edit");
        String myEdit = page(CHENGGUAN_FILER, "/declarations/" + mine + "/edit");
        MultiValueMap<String, String> form = declarationForm(myEdit);
        form.set("subProjects[0].id", valueOf(theirEdit, "subProjects[0].id"));
        form.set("subProjects[0].name", "抢来的子项目");

        String html = refusedSave(mine, form);

        assertThat(DeclarationFormPageTest.messageAt(html, "subProjects[0].name")).contains("这一行不属于本申报表");
        assertUnchanged(CHENGGUAN_FILER, mine, myEdit);
        assertUnchanged(ZHUJIAN_FILER, theirs, theirEdit);
    }

    @Test
    void withoutALoginEveryDeclarationPageRedirectsToTheLoginPage() throws Exception {
        long seed000 = seedId(CHENGGUAN_FILER, SEED_000, 2021);
        long before = listTotal(CHENGGUAN_FILER);

        for (String url : new String[] {"/declarations", "/declarations/new?layout=SUZHOU", "/declarations/" + seed000,
                "/declarations/" + seed000 + "/edit"}) {
            MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get(url)).andReturn().getResponse();
            assertThat(r.getStatus()).as("GET %s", url).isEqualTo(302);
            assertThat(r.getRedirectedUrl()).as("GET %s", url).endsWith("/login");
        }
        MockHttpServletResponse created = mvc.perform(MockMvcRequestBuilders.post("/declarations").with(csrf())
                .param("projectName", unique("匿名")).param("layout", "SUZHOU").param("year", "2027"))
                .andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        assertThat(created.getRedirectedUrl()).endsWith("/login");
        MockHttpServletResponse copied = mvc.perform(MockMvcRequestBuilders.post("/declarations/" + seed000 + "/copy")
                .with(csrf())).andReturn().getResponse();
        assertThat(copied.getRedirectedUrl()).endsWith("/login");
        assertThat(listTotal(CHENGGUAN_FILER)).isEqualTo(before);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        long id = createSuzhou(CHENGGUAN_FILER, unique("跨站"), 2027);
        String edit = page(CHENGGUAN_FILER, "/declarations/" + id + "/edit");

        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.post("/declarations/" + id + "/edit")
                .with(as(CHENGGUAN_FILER)).param("version", String.valueOf(versionOf(edit)))
                .param("projectName", "跨站篡改")).andReturn().getResponse();

        assertThat(r.getStatus()).isEqualTo(403);
        assertUnchanged(CHENGGUAN_FILER, id, edit);
    }

    @Test
    void aSubmittedDeclarationOpensReadOnlyAndASaveChangesNothing() throws Exception {
        long seed000 = seedId(CHENGGUAN_FILER, SEED_000, 2021);
        String before = page(CHENGGUAN_FILER, "/declarations/" + seed000);
        assertThat(before).contains("状态：已提交").doesNotContain("id=\"edit-button\"");
        String version = versionText(before);

        MockHttpServletResponse edit = get(CHENGGUAN_FILER, "/declarations/" + seed000 + "/edit");
        assertThat(edit.getStatus()).isEqualTo(302);
        assertThat(edit.getRedirectedUrl()).isEqualTo("/declarations/" + seed000);

        MockHttpServletResponse save = post(CHENGGUAN_FILER, "/declarations/" + seed000 + "/edit",
                params("version", version, "projectName", "篡改已提交的申报表", "projectType", IT_TYPE,
                        "fundingSources[0].kind", "SUPERIOR", "fundingSources[1].kind", "CITY",
                        "fundingSources[2].kind", "SUBORDINATE", "fundingSources[3].kind", "OTHER"))
                .getResponse();
        assertThat(save.getStatus()).isEqualTo(200);
        assertThat(errorsOf(save.getContentAsString())).anySatisfy(m -> assertThat(m).contains("申报表当前状态不能修改"));

        String after = page(CHENGGUAN_FILER, "/declarations/" + seed000);
        assertThat(after).contains(SEED_000).doesNotContain("篡改已提交的申报表").contains("状态：已提交");
        assertThat(versionText(after)).isEqualTo(version);
    }

    @Test
    void aReviewerReadsButCannotEditOrCopyTheDeclarationsHeReviews() throws Exception {
        long seed000 = seedId(CHENGGUAN_FILER, SEED_000, 2021);

        assertThat(page("reviewer-001239", "/declarations/" + seed000)).contains(SEED_000)
                .doesNotContain("id=\"edit-button\"").doesNotContain("id=\"copy-button\"");
        MockHttpServletResponse edit = get("reviewer-001239", "/declarations/" + seed000 + "/edit");
        assertThat(edit.getStatus()).isEqualTo(302);
        assertThat(edit.getRedirectedUrl()).isEqualTo("/declarations/" + seed000);
        assertNotFound(post("reviewer-001239", "/declarations/" + seed000 + "/copy", params()).getResponse());
    }

    // ------------------------------------------------------------------ helpers

    private static void assertNotFound(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(r.getContentAsString()).contains("页面不存在").contains("lang=\"zh-CN\"")
                .doesNotContain("Exception").doesNotContain("at cn.perf");
    }

    private String refusedSave(long id, MultiValueMap<String, String> form) throws Exception {
        MockHttpServletResponse r = post(CHENGGUAN_FILER, "/declarations/" + id + "/edit", form).getResponse();
        assertThat(r.getStatus()).as("a save with a forged row comes back as the page").isEqualTo(200);
        return r.getContentAsString();
    }

    /** The declaration's edit page carries the same values and version as {@code before}. */
    private void assertUnchanged(String owner, long id, String before) throws Exception {
        String now = page(owner, "/declarations/" + id + "/edit");
        assertThat(versionOf(now)).as("version of %d", id).isEqualTo(versionOf(before));
        MultiValueMap<String, String> a = declarationForm(before);
        MultiValueMap<String, String> b = declarationForm(now);
        assertThat(b).as("the stored form of %d", id).isEqualTo(a);
    }

    /** "3" from the read view's "状态：… · 版本 3". */
    private static String versionText(String detail) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("版本 (\\d+)").matcher(detail);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
