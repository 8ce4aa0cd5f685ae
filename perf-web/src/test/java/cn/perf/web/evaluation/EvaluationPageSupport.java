package cn.perf.web.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.perf.domain.declaration.DeclarationService;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.domain.evaluation.SelfEvaluations;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.shared.IndicatorValue;
import cn.perf.web.evaluation.EvaluationFixtures.Row;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What the 绩效自评表 page tests share: requests as a demo user (the application's own {@code UserDetails}, so roles
 * and scope are real), pages read with Jsoup, a page's form read back as the parameters a browser posts, approved
 * declarations made through the domain ({@link EvaluationFixtures}) and self-evaluations started from them through
 * the page, and the stored aggregate read back ({@link #stored}). Every test makes what it needs with a unique project
 * name (an ASCII marker, so the name search can find it), so tests do not depend on each other or on row counts.
 */
@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
abstract class EvaluationPageSupport {

    static final String FILER = "filer-001239";            // 苏州市城市管理局 (a 主管部门 itself)
    static final String LEADER = "leader-001239";
    static final String REVIEWER = "reviewer-001239";      // 主管部门审核人 of 苏州市城市管理局
    static final String OTHER_FILER = "filer-001276";      // 苏州市住房和城乡建设局
    static final String XXZX_FILER = "filer-xxzx";         // 苏州市信息中心 (under 苏州市大数据管理局)
    static final String DSJ_REVIEWER = "reviewer-dsj";     // 主管部门审核人 of 苏州市大数据管理局 and its units
    static final String FINANCE = "finance";               // 苏州市财政局
    static final String JINING_FILER = "filer-jining";
    static final String FINANCE_JINING = "finance-jining";
    static final String AUDITOR = "auditor";

    static final String CHENGGUAN = "苏州市城市管理局";
    static final String ZHUJIAN = "苏州市住房和城乡建设局";
    static final String XINXI = "苏州市信息中心";
    static final String JINING_UNIT = "济宁市高新区综合行政执法局";
    /** Seed 002, loaded by the demo data as an imported 已提交 self-evaluation of 苏州市信息中心. */
    static final String SEED_002 = "电子政务项目建设资金";

    static final long NO_SUCH_ID = 987_654_321L;

    private static final Pattern EDIT_REDIRECT = Pattern.compile("/evaluations/(\\d+)/edit");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    DeclarationService declarationService;
    @Autowired
    Declarations declarations;
    @Autowired
    BudgetUnits units;
    @Autowired
    SelfEvaluations evaluations;
    @Autowired
    PlatformTransactionManager transactions;

    private EvaluationFixtures fixtures;

    EvaluationFixtures fixtures() {
        if (fixtures == null) {
            fixtures = new EvaluationFixtures(declarationService, declarations, units, transactions);
        }
        return fixtures;
    }

    // ------------------------------------------------------------------ requests

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** GET {@code url} (written unencoded: MockMvc encodes it) as {@code username}. */
    MockHttpServletResponse get(String username, String url) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url).with(as(username))).andReturn().getResponse();
    }

    /** GET a link as the page carries it (already encoded). */
    MockHttpServletResponse getLink(String username, String href) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(URI.create(href)).with(as(username))).andReturn()
                .getResponse();
    }

    /** The page at {@code url}, which must answer 200. */
    String page(String username, String url) throws Exception {
        MockHttpServletResponse r = get(username, url);
        assertThat(r.getStatus()).as("GET %s as %s", url, username).isEqualTo(200);
        return r.getContentAsString();
    }

    Document doc(String username, String url) throws Exception {
        return Jsoup.parse(page(username, url));
    }

    MvcResult post(String username, String url, MultiValueMap<String, String> params) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(url).with(as(username)).with(csrf());
        params.forEach((name, values) -> {
            if (!"_csrf".equals(name)) {
                request.param(name, values.toArray(String[]::new));
            }
        });
        return mvc.perform(request).andReturn();
    }

    /** Follows a redirect the way a browser does, carrying the flash attributes (已保存 …). */
    Document follow(String username, MvcResult redirect) throws Exception {
        String target = redirect.getResponse().getRedirectedUrl();
        assertThat(target).as("redirect of %s (status %s)", redirect.getRequest().getRequestURI(),
                redirect.getResponse().getStatus()).isNotNull();
        MockHttpServletResponse r = mvc.perform(cn.perf.web.session.TestSessions.carrying(
                MockMvcRequestBuilders.get(target).with(as(username)), redirect)).andReturn().getResponse();
        assertThat(r.getStatus()).as("GET %s", target).isEqualTo(200);
        return Jsoup.parse(r.getContentAsString());
    }

    static MultiValueMap<String, String> params(String... nameValue) {
        MultiValueMap<String, String> out = new LinkedMultiValueMap<>();
        for (int i = 0; i + 1 < nameValue.length; i += 2) {
            out.add(nameValue[i], nameValue[i + 1]);
        }
        return out;
    }

    static String unique(String prefix) {
        return prefix + "-ZP" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The ASCII marker of a {@link #unique} name (what a name search finds it by). */
    static String marker(String uniqueName) {
        return uniqueName.substring(uniqueName.indexOf("ZP"));
    }

    // ------------------------------------------------------------------ self-evaluations through the pages

    /** POST /declarations/{id}/evaluation as {@code username}; must redirect to the edit page. Returns its id. */
    long start(String username, long declarationId) throws Exception {
        MvcResult r = post(username, "/declarations/" + declarationId + "/evaluation", params());
        String to = r.getResponse().getRedirectedUrl();
        assertThat(to).as("start from declaration %d as %s (status %d)", declarationId, username,
                r.getResponse().getStatus()).isNotNull();
        Matcher m = EDIT_REDIRECT.matcher(to);
        assertThat(m.matches()).as("start redirects to the edit page, not %s", to).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** An approved Suzhou declaration of 苏州市城市管理局 and its self-evaluation started by {@link #FILER}. */
    long suzhouEvaluation(String projectName, Row... rows) throws Exception {
        return start(FILER, fixtures().approvedSuzhou(CHENGGUAN, projectName, rows));
    }

    long nationalEvaluation(String projectName, Row... rows) throws Exception {
        return start(FILER, fixtures().approvedNational(CHENGGUAN, projectName, rows));
    }

    /** The stored self-evaluation, read in a transaction. */
    <T> T stored(long id, Function<SelfEvaluation, T> read) {
        return new TransactionTemplate(transactions).execute(s ->
                read.apply(evaluations.findById(id).orElseThrow(() -> new AssertionError("no evaluation " + id))));
    }

    Optional<Long> evaluationOf(long declarationId) {
        return new TransactionTemplate(transactions).execute(s ->
                evaluations.findByDeclarationId(declarationId).map(SelfEvaluation::id));
    }

    long storedVersion(long id) {
        return stored(id, SelfEvaluation::version);
    }

    // ------------------------------------------------------------------ the edit page's form

    Document editPage(String username, long id) throws Exception {
        return doc(username, "/evaluations/" + id + "/edit");
    }

    /** The typed values of the edit page's form (without {@link LiveParts#FIELD}, which is the page's, not typed). */
    static MultiValueMap<String, String> evaluationForm(Document page) {
        MultiValueMap<String, String> form = formOf(page, "#evaluation-form");
        form.remove(LiveParts.FIELD);
        return form;
    }

    /** The parameters the form {@code selector} of {@code page} posts, as a browser sends them. */
    static MultiValueMap<String, String> formOf(Document page, String selector) {
        Element form = page.selectFirst(selector);
        assertThat(form).as("form %s in the page", selector).isNotNull();
        assertThat(form.tagName()).isEqualTo("form");
        MultiValueMap<String, String> out = new LinkedMultiValueMap<>();
        for (Element e : form.select("input[name], textarea[name], select[name]")) {
            String name = e.attr("name");
            if (name.equals("_csrf") || e.hasAttr("disabled")) {
                continue;
            }
            switch (e.tagName()) {
                case "input" -> {
                    String type = e.attr("type").isEmpty() ? "text" : e.attr("type").toLowerCase();
                    if (type.equals("submit") || type.equals("button")) {
                        continue;
                    }
                    if ((type.equals("radio") || type.equals("checkbox")) && !e.hasAttr("checked")) {
                        continue;
                    }
                    out.add(name, e.hasAttr("value") ? e.attr("value") : type.equals("checkbox") ? "on" : "");
                }
                case "textarea" -> out.add(name, e.wholeText().startsWith("\n") ? e.wholeText().substring(1)
                        : e.wholeText());
                default -> {
                    Elements selected = e.select("option[selected]");
                    Element chosen = selected.isEmpty() ? e.selectFirst("option") : selected.first();
                    if (chosen != null) {
                        out.add(name, chosen.attr("value"));
                    }
                }
            }
        }
        return out;
    }

    /** The messages the page shows beside the field {@code name} (its invalid-feedback). */
    static String messageAt(Document page, String name) {
        Element field = page.selectFirst("[name=\"" + name + "\"]");
        assertThat(field).as("field %s in the page", name).isNotNull();
        Element cell = field.parent();
        assertThat(cell).isNotNull();
        return cell.select(".invalid-feedback").text();
    }

    static List<String> allMessages(Document page) {
        return page.select(".invalid-feedback").eachText();
    }

    /** The version the edit page's form carries. */
    static long versionOf(Document editPage) {
        return Long.parseLong(evaluationForm(editPage).getFirst("version"));
    }

    /** How many indicator rows the edit or read view has. */
    static int rowCount(Document page) {
        return page.select("#indicators tbody tr[id^=row-]").size();
    }

    /** The position (row-N) of the indicator named {@code name}. */
    static int positionOf(Document page, String name) {
        for (Element tr : page.select("#indicators tbody tr[id^=row-]")) {
            if (tr.select("td").eachText().contains(name)) {
                return Integer.parseInt(tr.id().substring("row-".length()));
            }
        }
        throw new AssertionError("no indicator row named " + name);
    }

    /** The 目标值 of row {@code position} (1-based) as the page shows it. */
    static String targetOf(Document page, int position, boolean suzhou) {
        return page.selectFirst("#row-" + position).select("> td").get(suzhou ? 3 : 4).text();
    }

    /** The 权重 / 分值 of row {@code position}. */
    static BigDecimal weightOf(Document page, int position, boolean suzhou) {
        return new BigDecimal(page.selectFirst("#row-" + position).select("> td").get(suzhou ? 4 : 5).text());
    }

    /** An 实际完成值 that fully meets {@code target}: the number and unit of a 定量 target, the word of a 定性 one. */
    static String meeting(String target) {
        IndicatorValue v = IndicatorValue.of(target);
        if (v.isQuantitative()) {
            return v.number().stripTrailingZeros().toPlainString() + v.unitText();
        }
        return target;
    }

    /**
     * Fills {@code form} as a filer who met every target: every row's 实际完成值 (自评分 left blank), and on the Suzhou
     * form the two funds blocks (100 budgeted, 100 appropriated, 95 paid, 5 carried over) and the sub-projects'
     * actual amounts.
     */
    static MultiValueMap<String, String> filledAsMet(Document editPage) {
        MultiValueMap<String, String> form = evaluationForm(editPage);
        boolean suzhou = "SUZHOU_2017".equals(form.getFirst("layout"));
        int rows = rowCount(editPage);
        for (int k = 0; k < rows; k++) {
            form.set("rows[" + k + "].actual", meeting(targetOf(editPage, k + 1, suzhou)));
        }
        if (suzhou) {
            form.set("cityBudget.initialBudget", "100");
            form.set("cityBudget.adjustment", "0");
            form.set("cityBudget.appropriated", "100");
            form.set("cityBudget.indicatorBalance", "0");
            form.set("cityFundsUse.appropriated", "100");
            form.set("cityFundsUse.actualPaid", "95");
            form.set("cityFundsUse.balance", "5");
            form.set("cityFundsUse.carryover", "5");
            form.set("cityFundsUse.recovered", "0");
            for (int k = 0; form.containsKey("subProjects[" + k + "]"); k++) {
                form.set("subProjects[" + k + "]", k == 0 ? "30" : "11.86");
            }
            form.set("report.implementation", "项目按计划实施。");
        } else {
            form.set("nationalFunds[0].initialBudget", "100");
            form.set("nationalFunds[0].annualBudget", "100");
            form.set("nationalFunds[0].executed", "95");
            form.set("nationalFunds[1].initialBudget", "100");
            form.set("nationalFunds[1].annualBudget", "100");
            form.set("nationalFunds[1].executed", "95");
            form.set("report.goalAchievement", "年度目标基本完成。");
        }
        form.set("signature.filer", "李晓梅");
        form.set("signature.unitLeader", "张建国");
        form.set("signature.filingDate", "2026-01-15");
        return form;
    }

    /** Saves {@code form}; the save must be accepted (302 back to the edit page). */
    void save(String username, long id, MultiValueMap<String, String> form) throws Exception {
        MvcResult r = post(username, "/evaluations/" + id + "/edit", form);
        assertThat(r.getResponse().getStatus()).as("save of %d: %s", id, r.getResponse().getStatus() == 302 ? ""
                : allMessages(Jsoup.parse(r.getResponse().getContentAsString()))).isEqualTo(302);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/evaluations/" + id + "/edit");
    }

    // ------------------------------------------------------------------ the read view

    /** The text of the element {@code selector}, which must be on the page. */
    static String text(Document page, String selector) {
        Element e = page.selectFirst(selector);
        assertThat(e).as("%s on the page", selector).isNotNull();
        return e.text();
    }

    /** The findings panel's entries as {@code CODE@row} ({@code CODE} for one about no row). */
    static List<String> findings(Document page) {
        List<String> out = new ArrayList<>();
        for (Element li : page.select("#findings-panel li.finding")) {
            String row = li.attr("data-row");
            out.add(li.attr("data-code") + (row.isEmpty() ? "" : "@" + row));
        }
        return out;
    }

    /** The numbers in {@code s} ("填报总分 80.00，计算总分 77.90" → [80.00, 77.90]). */
    static List<BigDecimal> numbers(String s) {
        List<BigDecimal> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\d+(?:\\.\\d+)?").matcher(s);
        while (m.find()) {
            out.add(new BigDecimal(m.group()));
        }
        return out;
    }

    /** The 404 page in Chinese, without a stack trace. */
    static void assertNotFound(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(r.getContentAsString()).contains("页面不存在").contains("lang=\"zh-CN\"")
                .doesNotContain("Exception").doesNotContain("at cn.perf");
    }
}
