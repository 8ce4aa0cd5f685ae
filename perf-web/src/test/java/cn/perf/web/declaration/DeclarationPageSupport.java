package cn.perf.web.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What the 申报表 page tests share: requests as a demo user (the real {@code UserDetails}, so roles and scope are
 * the application's own), the list page read back as rows, a page's form read back as the parameters a browser
 * would post (inputs, checked radios, selected options, textareas), and drafts made through the real pages.
 * Every test makes what it needs with a unique project name, so tests do not depend on each other.
 */
@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
abstract class DeclarationPageSupport {

    static final String CHENGGUAN_FILER = "filer-001239";
    static final String ZHUJIAN_FILER = "filer-001276";
    static final String JINING_FILER = "filer-jining";
    static final String CHENGGUAN = "苏州市城市管理局";
    static final String ZHUJIAN = "苏州市住房和城乡建设局";
    static final String XINXI = "苏州市信息中心";
    static final String JINING_UNIT = "济宁市高新区综合行政执法局";
    static final String SEED_000 = "苏州市城管执法考核系统";
    static final String SEED_001 = "苏州市住建局“互联网+监管”";
    static final String SEED_003 = "济宁高新区数字化城市管理数据采集及坐席队伍市场化运作项目";
    static final String IT_TYPE = "信息化工程及维护类";

    private static final Pattern ROW = Pattern.compile("<tr data-id=\"(\\d+)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern TOTAL = Pattern.compile("共 (\\d+) 条");
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL);
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.\\[\\]-]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'))?");
    private static final Pattern EDIT_REDIRECT = Pattern.compile("/declarations/(\\d+)/edit");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;
    /** Where the session filter keeps sessions: an anonymous session is made there (TestSessions.fresh). */
    @Autowired
    SessionRepository<?> sessionStore;

    // ------------------------------------------------------------------ requests

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** GET {@code url} (written unencoded: MockMvc encodes it) as {@code username}. */
    MockHttpServletResponse get(String username, String url) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                .with(as(username))).andReturn().getResponse();
    }

    /** The page at {@code url}, which must answer 200. */
    String page(String username, String url) throws Exception {
        MockHttpServletResponse r = get(username, url);
        assertThat(r.getStatus()).as("GET %s as %s", url, username).isEqualTo(200);
        return r.getContentAsString();
    }

    MvcResult post(String username, String url, MultiValueMap<String, String> params) throws Exception {
        MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post(url).with(as(username)).with(csrf());
        params.forEach((name, values) -> {
            if (!"_csrf".equals(name)) {
                request.param(name, values.toArray(String[]::new));
            }
        });
        return mvc.perform(request).andReturn();
    }

    /** Follows a redirect the way a browser does, carrying the flash attributes (已保存 …). */
    String follow(String username, MvcResult redirect) throws Exception {
        String target = redirect.getResponse().getRedirectedUrl();
        assertThat(target).as("redirect of %s", redirect.getRequest().getRequestURI()).isNotNull();
        MockHttpServletResponse r = mvc.perform(cn.perf.web.session.TestSessions.carrying(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(target).with(as(username)),
                redirect)).andReturn().getResponse();
        assertThat(r.getStatus()).as("GET %s", target).isEqualTo(200);
        return r.getContentAsString();
    }

    static MultiValueMap<String, String> params(String... nameValue) {
        MultiValueMap<String, String> out = new LinkedMultiValueMap<>();
        for (int i = 0; i + 1 < nameValue.length; i += 2) {
            out.add(nameValue[i], nameValue[i + 1]);
        }
        return out;
    }

    // ------------------------------------------------------------------ the list page

    /** A row of the list table: its id and its cells as text. */
    record ListRow(long id, List<String> cells) {
        String projectName() {
            return cells.get(1);
        }

        String unit() {
            return cells.get(2);
        }

        String year() {
            return cells.get(3);
        }
    }

    static List<ListRow> rows(String listPage) {
        List<ListRow> out = new ArrayList<>();
        Matcher m = ROW.matcher(listPage);
        while (m.find()) {
            List<String> cells = new ArrayList<>();
            Matcher c = CELL.matcher(m.group(2));
            while (c.find()) {
                cells.add(text(c.group(1)));
            }
            out.add(new ListRow(Long.parseLong(m.group(1)), cells));
        }
        return out;
    }

    static long total(String listPage) {
        Matcher m = TOTAL.matcher(listPage);
        assertThat(m.find()).as("the list names its total (共 N 条)").isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The id of a seed declaration (its project may have copies in later years). */
    long seedId(String username, String projectName, int year) throws Exception {
        return rows(page(username, "/declarations?size=100&year=" + year + "&name=" + projectName)).stream()
                .filter(r -> r.projectName().equals(projectName)).findFirst()
                .orElseThrow(() -> new AssertionError(projectName + " " + year + " is not in the list of " + username))
                .id();
    }

    long listTotal(String username) throws Exception {
        return total(page(username, "/declarations"));
    }

    // ------------------------------------------------------------------ forms

    /** The parameters the form {@code <form id="formId">} of {@code html} posts, as a browser would send them. */
    static MultiValueMap<String, String> formOf(String html, String formId) {
        int at = html.indexOf("id=\"" + formId + "\"");
        assertThat(at).as("form #%s in the page", formId).isNotNegative();
        int start = html.lastIndexOf("<form", at);
        assertThat(html.indexOf('>', start)).as("#%s is a form", formId).isGreaterThan(at);
        int end = html.indexOf("</form>", start);
        String form = html.substring(start, end);
        MultiValueMap<String, String> out = new LinkedMultiValueMap<>();
        Matcher i = INPUT.matcher(form);
        while (i.find()) {
            Map<String, String> a = attributes(i.group(1));
            String type = a.getOrDefault("type", "text");
            String name = a.get("name");
            if (name == null || type.equals("submit") || type.equals("button") || name.equals("_csrf")) {
                continue;
            }
            if ((type.equals("radio") || type.equals("checkbox")) && !a.containsKey("checked")) {
                continue;
            }
            if (a.containsKey("disabled")) {
                continue;
            }
            out.add(name, unescape(a.getOrDefault("value", type.equals("checkbox") ? "on" : "")));
        }
        Matcher t = TEXTAREA.matcher(form);
        while (t.find()) {
            String name = attributes(t.group(1)).get("name");
            if (name != null) {
                out.add(name, unescape(t.group(2)));
            }
        }
        Matcher s = SELECT.matcher(form);
        while (s.find()) {
            Map<String, String> a = attributes(s.group(1));
            String name = a.get("name");
            if (name == null) {
                continue;
            }
            List<String> all = new ArrayList<>();
            List<String> selected = new ArrayList<>();
            Matcher o = OPTION.matcher(s.group(2));
            while (o.find()) {
                Map<String, String> oa = attributes(o.group(1));
                String value = unescape(oa.getOrDefault("value", ""));
                all.add(value);
                if (oa.containsKey("selected")) {
                    selected.add(value);
                }
            }
            if (!selected.isEmpty()) {
                selected.forEach(v -> out.add(name, v));
            } else if (!a.containsKey("multiple") && !all.isEmpty()) {
                out.add(name, all.get(0));
            }
        }
        return out;
    }

    static MultiValueMap<String, String> declarationForm(String html) {
        return formOf(html, "declaration-form");
    }

    static Map<String, String> attributes(String tagBody) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tagBody);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : "";
            out.putIfAbsent(m.group(1), value);
        }
        return out;
    }

    static String unescape(String s) {
        return org.unbescape.html.HtmlEscape.unescapeHtml(s);
    }

    static String text(String html) {
        return unescape(TAG.matcher(html).replaceAll("")).strip().replaceAll("\\s+", " ");
    }

    /** The value the page's form carries for {@code name} (first value), or null. */
    static String valueOf(String html, String name) {
        return declarationForm(html).getFirst(name);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ------------------------------------------------------------------ drafts through the pages

    /**
     * The 新增（苏州模板） page's form as {@code username} gets it, filled in as a filer would: header, one text
     * block, two 子项目 (平台建设 30、运维 11.86) linked from two new 产出 rows, 市级财政资金 本年度计划数 41.86.
     */
    MultiValueMap<String, String> filledSuzhouForm(String username, String projectName, int year) throws Exception {
        MultiValueMap<String, String> f = declarationForm(page(username, "/declarations/new?layout=SUZHOU"));
        f.set("projectName", projectName);
        f.set("year", String.valueOf(year));
        f.set("projectAttribute", "市立项目");
        f.set("projectLeader", "张建国");
        f.set("contactPerson", "李晓梅");
        f.set("contactPhone", "0512-65109046");
        f.set("overview", "项目建设城市管理综合平台。\n第二期接入执法终端。");
        f.set("subProjects[0].key", "k-platform");
        f.set("subProjects[0].name", "平台建设");
        f.set("subProjects[0].amount", "30");
        f.set("subProjects[1].key", "k-ops");
        f.set("subProjects[1].name", "系统运维");
        f.set("subProjects[1].amount", "11.86");
        int kinds = 0;
        while (f.containsKey("fundingSources[" + kinds + "].kind")) {
            if ("CITY".equals(f.getFirst("fundingSources[" + kinds + "].kind"))) {
                f.set("fundingSources[" + kinds + "].totalInvestment", "100");
                f.set("fundingSources[" + kinds + "].currentYear", "41.86");
            }
            kinds++;
        }
        int n = 0;
        while (f.containsKey("indicators[" + n + "].term")) {
            n++;
        }
        f.set("indicators[" + n + "].term", "ANNUAL");
        f.set("indicators[" + n + "].category", "产出");
        f.set("indicators[" + n + "].name", "平台上线模块数");
        f.set("indicators[" + n + "].targetText", "≥8个");
        f.set("indicators[" + n + "].explanation", "年内上线的业务模块个数。");
        f.set("indicators[" + n + "].targetBasis", "建设方案");
        f.set("indicators[" + n + "].subProjectKeys", "k-platform");
        f.set("indicators[" + (n + 1) + "].term", "ANNUAL");
        f.set("indicators[" + (n + 1) + "].category", "产出");
        f.set("indicators[" + (n + 1) + "].name", "系统可用率");
        f.set("indicators[" + (n + 1) + "].targetText", "≥99%");
        f.set("indicators[" + (n + 1) + "].explanation", "全年系统正常运行时间占比。");
        f.set("indicators[" + (n + 1) + "].targetBasis", "运维合同");
        f.set("indicators[" + (n + 1) + "].subProjectKeys", "k-ops");
        return f;
    }

    /** The 新增（全国模板） page's form as {@code username} gets it, with a name, 新增项目, a period and funds. */
    MultiValueMap<String, String> filledNationalForm(String username, String projectName, int year) throws Exception {
        MultiValueMap<String, String> f = declarationForm(page(username, "/declarations/new?layout=NATIONAL"));
        f.set("projectName", projectName);
        f.set("year", String.valueOf(year));
        f.set("projectAttribute", "新增项目");
        f.set("projectLeader", "王志强");
        f.set("contactPhone", "0537-2345678");
        f.set("periodStart", "2027-01-01");
        f.set("periodEnd", "2027-12-31");
        f.set("requestTotal", "120");
        f.set("requestAppropriation", "100");
        f.set("requestServiceRevenue", "20");
        f.set("overview", "数字化城市管理数据采集。");
        return f;
    }

    /** Posts a 新增 form; it must redirect to the new draft's edit page. Returns the new id. */
    long create(String username, MultiValueMap<String, String> form) throws Exception {
        MvcResult r = post(username, "/declarations", form);
        assertThat(r.getResponse().getStatus()).as("create %s: %s", form.getFirst("projectName"),
                r.getResponse().getStatus() == 200 ? errorsOf(r.getResponse().getContentAsString()) : "")
                .isEqualTo(302);
        Matcher m = EDIT_REDIRECT.matcher(r.getResponse().getRedirectedUrl());
        assertThat(m.matches()).as("redirect %s", r.getResponse().getRedirectedUrl()).isTrue();
        return Long.parseLong(m.group(1));
    }

    long createSuzhou(String username, String projectName, int year) throws Exception {
        return create(username, filledSuzhouForm(username, projectName, year));
    }

    long createNational(String username, String projectName, int year) throws Exception {
        return create(username, filledNationalForm(username, projectName, year));
    }

    /** The messages a form page shows next to its fields (invalid-feedback) and on top. */
    static List<String> errorsOf(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<div class=\"invalid-feedback[^\"]*\"[^>]*>(.*?)</div>", Pattern.DOTALL)
                .matcher(html);
        while (m.find()) {
            out.add(text(m.group(1)));
        }
        Matcher top = Pattern.compile("<div class=\"alert alert-danger form-errors\"[^>]*>(.*?)</div>",
                Pattern.DOTALL).matcher(html);
        if (top.find()) {
            out.add(text(top.group(1)));
        }
        return out;
    }

    /** The version the edit page's form carries. */
    static long versionOf(String editPage) {
        return Long.parseLong(valueOf(editPage, "version"));
    }

    /** The HTML of the element whose id is {@code id}, up to the end of the page: enough to assert within. */
    static String from(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("element #%s", id).isNotNegative();
        return html.substring(at);
    }
}
