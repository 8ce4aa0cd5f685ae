package cn.perf.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.shared.DomainEvent;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * 用户管理 and 单位管理 through the pages, as the demo 系统管理员: list, create, edit, disable, reset the password;
 * the unit hierarchy and its rules; a disabled account or a removed role is refused on the next request.
 */
@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
@RecordApplicationEvents
class AdministrationPagesTest {

    private static final Pattern CREATED = Pattern.compile("/admin/users/(\\d+)/edit");
    private static final Pattern UNIT_CREATED = Pattern.compile("/admin/units/(\\d+)/edit");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    BudgetUnits units;
    @Autowired
    ApplicationEvents events;

    @Test
    void theAdministratorCreatesAUserWhoThenSignsInAndIsListed() throws Exception {
        String name = unique("u");
        long id = createUser(name, DemoOrganization.CHENGGUAN, "FILER");

        assertThat(events.stream(DomainEvent.class).filter(e -> e.action().equals("account.created")))
                .anySatisfy(e -> {
                    assertThat(e.actor()).isEqualTo("admin");
                    assertThat(e.subjectId()).isEqualTo(name);
                    assertThat(e.details()).containsEntry("roles", "FILER");
                    assertThat(e.details().toString()).doesNotContain("Start#2026x");
                });
        mvc.perform(formLogin().user(name).password("Start#2026x")).andExpect(authenticated().withRoles("FILER"));
        String list = page("admin", "/admin/users?username=" + name);
        assertThat(list).contains("data-id=\"" + id + "\"").contains(DemoOrganization.CHENGGUAN).contains("单位填报人")
                .contains("共 1 条");
        assertThat(page("admin", "/admin/users?role=AUDIT_ADMIN")).contains("auditor").doesNotContain(name);
        assertThat(page("admin", "/admin/users/" + id + "/edit")).contains("value=\"" + name + "\"")
                .contains("<label class=\"col-md-2 col-form-label\" for=\"displayName\">姓名</label>");
    }

    @Test
    void everyProblemOfANewUserStandsNextToItsFieldInChinese() throws Exception {
        MockHttpServletResponse r = post("admin", "/admin/users", "username", "filer-001239", "displayName", " ",
                "unitId", String.valueOf(unit(DemoOrganization.SUZHOU_FINANCE)), "roles", "SYSTEM_ADMIN",
                "roles", "FILER", "initialPassword", "");
        assertThat(r.getStatus()).isEqualTo(200);
        String html = r.getContentAsString();
        assertThat(html).contains("用户名已被使用：filer-001239").contains("姓名不能为空")
                .contains("三员分立：管理员账号不能同时担任填报、审核等业务角色").contains("初始密码不能为空")
                .contains("class=\"invalid-feedback d-block\"");
        assertThat(html).doesNotContain("Exception");
    }

    @Test
    void aDisabledAccountIsRefusedOnItsNextRequestAndCannotSignIn() throws Exception {
        String name = unique("d");
        long id = createUser(name, DemoOrganization.ZHUJIAN, "FILER");
        UserDetails signedIn = users.loadUserByUsername(name);
        assertThat(get(signedIn, "/declarations").getStatus()).isEqualTo(200);

        MockHttpServletResponse disable = post("admin", "/admin/users/" + id + "/disable");
        assertThat(disable.getRedirectedUrl()).isEqualTo("/admin/users/" + id + "/edit");

        assertThat(get(signedIn, "/declarations").getStatus()).isEqualTo(403);
        assertThat(get(signedIn, "/").getStatus()).isEqualTo(403);
        mvc.perform(formLogin().user(name).password("Start#2026x")).andExpect(unauthenticated());
        assertThat(page("admin", "/admin/users?enabled=false&username=" + name)).contains("停用");

        post("admin", "/admin/users/" + id + "/enable");
        assertThat(get(signedIn, "/declarations").getStatus()).isEqualTo(200);
    }

    @Test
    void aChangeOfRolesAppliesFromTheNextRequestOn() throws Exception {
        String name = unique("r");
        long id = createUser(name, DemoOrganization.CHENGGUAN, "FILER");
        UserDetails signedIn = users.loadUserByUsername(name);
        String edit = page("admin", "/admin/users/" + id + "/edit");
        String version = value(edit, "version");

        MockHttpServletResponse save = post("admin", "/admin/users/" + id + "/edit", "version", version,
                "displayName", "改为审计", "unitId", String.valueOf(unit(DemoOrganization.SUZHOU_FINANCE)),
                "roles", "AUDIT_ADMIN");
        assertThat(save.getStatus()).as(save.getContentAsString()).isEqualTo(302);
        assertThat(get(signedIn, "/declarations").getStatus()).isEqualTo(403);
        assertThat(events.stream(DomainEvent.class).filter(e -> e.action().equals("account.rolesChanged")
                && e.subjectId().equals(name))).singleElement().satisfies(e -> assertThat(e.details())
                .containsEntry("before.roles", "FILER").containsEntry("after.roles", "AUDIT_ADMIN"));

        MockHttpServletResponse stale = post("admin", "/admin/users/" + id + "/edit", "version", version,
                "displayName", "过期", "unitId", String.valueOf(unit(DemoOrganization.SUZHOU_FINANCE)),
                "roles", "AUDIT_ADMIN");
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString()).contains("已被他人修改");
    }

    @Test
    void aPasswordResetShowsTheTemporaryPasswordOnceAndItSignsIn() throws Exception {
        String name = unique("p");
        long id = createUser(name, DemoOrganization.XINXI, "FILER");
        MockHttpServletResponse r = post("admin", "/admin/users/" + id + "/password");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getHeader("Cache-Control")).contains("no-store");
        Matcher m = Pattern.compile("id=\"temporary-password\">([^<]+)<").matcher(r.getContentAsString());
        assertThat(m.find()).isTrue();
        String temporary = org.unbescape.html.HtmlEscape.unescapeHtml(m.group(1));
        mvc.perform(formLogin().user(name).password(temporary)).andExpect(authenticated());
        mvc.perform(formLogin().user(name).password("Start#2026x")).andExpect(unauthenticated());
        assertThat(events.stream(DomainEvent.class).filter(e -> e.action().equals("account.passwordReset")))
                .anySatisfy(e -> assertThat(e.details().toString()).doesNotContain(temporary));
    }

    @Test
    void theUnitListShowsTheHierarchyWithDepartmentsAboveTheirUnits() throws Exception {
        String html = page("admin", "/admin/units?region=" + DemoOrganization.SUZHOU);
        int bureau = html.indexOf(DemoOrganization.SUZHOU_FINANCE);
        int department = html.indexOf(">" + DemoOrganization.DASHUJU + "<");
        int unit = html.indexOf(">" + DemoOrganization.XINXI + "<");
        assertThat(bureau).isPositive();
        assertThat(department).isGreaterThan(bureau);
        assertThat(unit).isGreaterThan(department);
        assertThat(html).contains("unit-name depth-2\">" + DemoOrganization.XINXI)
                .contains("unit-name depth-1\">" + DemoOrganization.DASHUJU).doesNotContain(DemoOrganization.JINING_ZHIFA);
        assertThat(page("admin", "/admin/units?name=001239")).contains(DemoOrganization.CHENGGUAN).contains("共 1 条");
    }

    @Test
    void aUnitCodeMayRepeatInAnotherRegionButNotInTheSameOne() throws Exception {
        String code = "9" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 5);
        long jiningFinance = unit(DemoOrganization.JINING_FINANCE);
        long suzhouFinance = unit(DemoOrganization.SUZHOU_FINANCE);
        MockHttpServletResponse first = post("admin", "/admin/units", "name", unique("济宁部门"), "code", code,
                "kind", "DEPARTMENT", "parentId", String.valueOf(jiningFinance), "region", DemoOrganization.JINING);
        assertThat(first.getStatus()).isEqualTo(302);
        assertThat(UNIT_CREATED.matcher(first.getRedirectedUrl()).matches()).isTrue();
        MockHttpServletResponse other = post("admin", "/admin/units", "name", unique("苏州部门"), "code", code,
                "kind", "DEPARTMENT", "parentId", String.valueOf(suzhouFinance), "region", DemoOrganization.SUZHOU);
        assertThat(other.getStatus()).isEqualTo(302);

        MockHttpServletResponse twice = post("admin", "/admin/units", "name", unique("又一个"), "code", code,
                "kind", "DEPARTMENT", "parentId", String.valueOf(suzhouFinance), "region", DemoOrganization.SUZHOU);
        assertThat(twice.getStatus()).isEqualTo(200);
        assertThat(twice.getContentAsString()).contains("单位编码在苏州市已被使用：" + code);

        MockHttpServletResponse crossRegion = post("admin", "/admin/units", "name", unique("跨地区"),
                "kind", "BUDGET_UNIT", "parentId", String.valueOf(unit(DemoOrganization.JINING_GAOXIN)),
                "region", DemoOrganization.SUZHOU);
        assertThat(crossRegion.getStatus()).isEqualTo(200);
        assertThat(crossRegion.getContentAsString()).contains("上级单位必须在同一地区（苏州市），所选上级单位属于济宁市");
        assertThat(events.stream(DomainEvent.class).filter(e -> e.action().equals("unit.created"))).hasSize(2);
    }

    @Test
    void theDemoDepartmentReviewerSeesTheFormsOfTheUnitsUnderTheDepartmentOnly() throws Exception {
        String list = page("reviewer-dsj", "/declarations?size=100");
        assertThat(list).contains("电子政务项目建设资金").contains(DemoOrganization.XINXI)
                .doesNotContain("苏州市城管执法考核系统").doesNotContain("济宁高新区数字化城市管理");
        assertThat(list).contains("<option value=\"" + unit(DemoOrganization.DIANZI_ZHENGWU) + "\"");
        assertThat(page("filer-xxzx", "/")).contains("预算单位").doesNotContain(">主管部门<");
    }

    @Test
    void onlyTheSystemAdministratorSeesTheAdministrationMenu() throws Exception {
        assertThat(page("admin", "/")).contains("href=\"/admin/users\"").contains("href=\"/admin/units\"")
                .doesNotContain("href=\"/declarations\"");
        assertThat(page("filer-001239", "/")).doesNotContain("/admin/users").contains("href=\"/declarations\"");
        assertThat(page("auditor", "/")).doesNotContain("/admin/users").doesNotContain("href=\"/declarations\"");
    }

    // ------------------------------------------------------------------ helpers

    private long createUser(String username, String unitName, String role) throws Exception {
        MockHttpServletResponse r = post("admin", "/admin/users", "username", username, "displayName", "测试" + username,
                "unitId", String.valueOf(unit(unitName)), "roles", role, "initialPassword", "Start#2026x");
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(302);
        Matcher m = CREATED.matcher(r.getRedirectedUrl());
        assertThat(m.matches()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private String page(String username, String url) throws Exception {
        MockHttpServletResponse r = get(users.loadUserByUsername(username), url);
        assertThat(r.getStatus()).as("GET %s as %s", url, username).isEqualTo(200);
        return r.getContentAsString();
    }

    private MockHttpServletResponse get(UserDetails who, String url) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url).with(user(who))).andReturn().getResponse();
    }

    private MockHttpServletResponse post(String username, String url, String... params) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(url).with(csrf())
                .with(user(users.loadUserByUsername(username)));
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String value(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("input %s", name).isTrue();
        return m.group(1);
    }

    private long unit(String name) {
        return units.findByName(name).orElseThrow().id();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
