package cn.perf.web.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The page shell (top bar, menu by role, assets from the webjars, CSRF for htmx) and the Chinese error pages.
 * MockMvc has no servlet container, so it never forwards a failed request to {@code /error}: {@link #errorPageFor}
 * makes that second dispatch the way Tomcat does (status and failed path as request attributes). The real
 * container's dispatch is covered in src-it by the browser test.
 */
@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
class ShellAndErrorPagesTest {

    static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|js)/[^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;

    @Test
    @WithUserDetails("filer-001239")
    void theTopBarNamesTheUnitAndThePersonAndOffersLogout() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("class=\"shell-unit"), containsString(">苏州市城市管理局</span>"),
                        containsString(">城管局填报人（演示）</span>"),
                        containsString("action=\"/logout\""), containsString(">退出</button>"),
                        containsString("name=\"_csrf\" value=\""))));
    }

    @Test
    @WithUserDetails("filer-001239")
    void aFilerSeesHomeAndDeclarationsInTheMenuWithHomeActive() throws Exception {
        String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        String menu = menuOf(page);
        assertThat(menu).contains("href=\"/\"", ">首页</a>", "href=\"/declarations\"", ">绩效目标申报</a>");
        assertThat(menu).containsPattern("class=\"nav-link active\" href=\"/\" aria-current=\"page\"");
        assertThat(menu).doesNotContain("href=\"/declarations\" aria-current");
    }

    @Test
    @WithUserDetails("admin")
    void theSystemAdministratorDoesNotSeeDeclarations() throws Exception {
        String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(menuOf(page)).contains(">首页</a>").doesNotContain("/declarations");
    }

    /** Each role's menu entries and the 待办 link (ShellAccess: the rules sec:authorize expressions held before). */
    @Test
    void eachRoleSeesExactlyItsMenuEntries() throws Exception {
        List<String> all = List.of("/todo", "/declarations", "/evaluations", "/exports", "/imports", "/admin/deadlines",
                "/admin/users", "/admin/units", "/admin/security/locks", "/admin/audit");
        // demo accounts, one per role (README)
        java.util.Map<String, List<String>> byRole = java.util.Map.of(
                "filer-001239", List.of("/todo", "/declarations", "/evaluations", "/exports", "/imports"),
                "leader-001239", List.of("/todo", "/declarations", "/evaluations", "/exports", "/imports"),
                "reviewer-dsj", List.of("/todo", "/declarations", "/evaluations", "/exports"),
                "finance", List.of("/todo", "/declarations", "/evaluations", "/exports", "/admin/deadlines"),
                "admin", List.of("/admin/deadlines", "/admin/users", "/admin/units"),
                "security", List.of("/admin/security/locks"),
                "auditor", List.of("/admin/audit"));
        for (var role : byRole.entrySet()) {
            String page = mvc.perform(get("/").with(user(userDetails.loadUserByUsername(role.getKey()))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String menu = menuOf(page);
            for (String path : all) {
                if (role.getValue().contains(path)) {
                    assertThat(menu).as(role.getKey() + " sees " + path).contains("href=\"" + path + "\"");
                } else {
                    assertThat(menu).as(role.getKey() + " does not see " + path).doesNotContain("href=\"" + path + "\"");
                }
            }
            assertThat(page.contains("class=\"shell-todo\"")).as(role.getKey() + ": the 待办 link in the top bar")
                    .isEqualTo(role.getValue().contains("/todo"));
            assertThat(page).as(role.getKey() + ": the signed-in shell").contains("id=\"shell-menu\"",
                    "action=\"/logout\"");
        }
        String anonymous = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(anonymous).doesNotContain("id=\"shell-menu\"").doesNotContain("class=\"shell-user\"");
    }

    @Test
    @WithUserDetails("filer-001239")
    void everyPageCarriesTheCsrfTokenForHtmxAndNoInlineScriptOrStyle() throws Exception {
        String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).containsPattern("<meta name=\"_csrf\" content=\"[^\"]+\">")
                .contains("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">")
                .contains("<meta name=\"htmx-config\" content='{\"includeIndicatorStyles\":false}'>")
                .doesNotContain("style=\"").doesNotContain("<style").doesNotContain(" hx-on")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
    }

    @Test
    @WithUserDetails("filer-001239")
    void bootstrapHtmxAndOurOwnAssetsComeFromTheApplicationAndNeedNoLogin() throws Exception {
        String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        List<String> assets = new ArrayList<>();
        Matcher m = ASSET.matcher(page);
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).as("assets linked from the layout").hasSize(6)
                .anyMatch(a -> a.startsWith("/webjars/bootstrap/") && a.endsWith(".css"))
                .anyMatch(a -> a.startsWith("/webjars/bootstrap/") && a.contains("bootstrap.bundle.min"))
                .anyMatch(a -> a.startsWith("/webjars/htmx.org/") && a.contains("htmx.min"))
                .anyMatch(a -> a.startsWith("/js/perf"))
                .anyMatch(a -> a.startsWith("/css/perf"))
                .anyMatch(a -> a.startsWith("/css/noscript"));
        for (String asset : assets) {
            mvc.perform(get(asset)) // anonymous: the login page needs them too
                    .andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", containsString("max-age=31536000")));
        }
    }

    @Test
    void theVersionLessWebjarPathsResolve() throws Exception {
        mvc.perform(get("/webjars/bootstrap/dist/css/bootstrap.min.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/bootstrap/dist/js/bootstrap.bundle.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("htmx")));
    }

    @Test
    void aVisitorAskingForAnUnknownPageIsSentToLogin() throws Exception {
        mvc.perform(get("/no-such-page")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    @WithUserDetails("filer-001239")
    void anUnknownPageIs404InChinese() throws Exception {
        MvcResult failed = mvc.perform(get("/declarations-nowhere/42")).andExpect(status().isNotFound()).andReturn();

        errorPageFor(failed)
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(containsString("<html lang=\"zh-CN\""),
                        containsString("<title>页面不存在 · 预算绩效管理</title>"),
                        containsString("您访问的页面不存在"), containsString("错误代码：404"),
                        containsString("请求地址：/declarations-nowhere/42"),
                        containsString(">返回首页</a>"),
                        containsString(">城管局填报人（演示）</span>"), containsString(">绩效目标申报</a>"),
                        not(containsString("??")), not(containsString("Exception")),
                        not(containsString("at org.")))));
    }

    @Test
    @WithUserDetails("filer-001239")
    void aRefusedRequestIs403InChinese() throws Exception {
        MvcResult refused = mvc.perform(post("/logout")) // no CSRF token: Spring Security refuses
                .andExpect(status().isForbidden()).andReturn();

        errorPageFor(refused)
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("<title>没有权限 · 预算绩效管理</title>"),
                        containsString("您没有权限访问该页面或执行该操作"), containsString("错误代码：403"),
                        containsString(">返回首页</a>"), not(containsString("??")),
                        not(containsString("Exception")))));
    }

    @Test
    @WithUserDetails("filer-001239")
    void theOtherErrorPagesAreChineseToo() throws Exception {
        record Case(int status, String title, String text) {
        }
        for (Case c : List.of(new Case(400, "请求有误", "提交的内容无法识别"),
                new Case(409, "数据已被修改", "数据已被他人修改"),
                new Case(405, "请求无法处理", "请求无法处理，请返回上一页"),
                new Case(500, "系统错误", "系统处理请求时出错"),
                new Case(503, "系统繁忙，请稍后重试", "您的数据没有丢失"))) {
            errorPage(c.status(), "/somewhere")
                    .andExpect(status().is(c.status()))
                    .andExpect(content().string(allOf(containsString("<title>" + c.title() + " · 预算绩效管理</title>"),
                            containsString(c.text()), containsString("错误代码：" + c.status()),
                            not(containsString("??")))));
        }
    }

    @Test
    void anErrorPageRendersWithNobodySignedIn() throws Exception {
        mvc.perform(get("/error").with(r -> {
                    r.setDispatcherType(DispatcherType.ERROR);
                    r.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
                    r.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/login");
                    return r;
                }).accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("请求有误"), not(containsString("shell-menu")),
                        not(containsString("/logout")))));
    }

    /** What the servlet container does after {@code sendError}: an ERROR dispatch to /error. */
    private ResultActions errorPageFor(MvcResult failed) throws Exception {
        return errorPage(failed.getResponse().getStatus(), failed.getRequest().getRequestURI());
    }

    private ResultActions errorPage(int status, String failedPath) throws Exception {
        return mvc.perform(get("/error").with(user("filer-001239").roles("FILER")).with(r -> {
            r.setDispatcherType(DispatcherType.ERROR);
            r.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
            r.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, failedPath);
            return r;
        }).accept(MediaType.TEXT_HTML));
    }

    private static String menuOf(String page) {
        int start = page.indexOf("<nav class=\"shell-menu\"");
        assertThat(start).as("the page has the shell menu").isNotNegative();
        return page.substring(start, page.indexOf("</nav>", start));
    }
}
