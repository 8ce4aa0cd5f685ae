package cn.perf.web.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
class LoginAndHomePageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theLoginPageIsInChinese() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html lang=\"zh-CN\""), containsString("用户登录"),
                        containsString("用户名"), containsString("密码"), containsString("Demo@2026"))));
    }

    @Test
    void pagesNeedALogin() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aDemoFilerLogsInWithTheDemoPassword() throws Exception {
        mvc.perform(formLogin().user("filer-001239").password("Demo@2026"))
                .andExpect(authenticated().withUsername("filer-001239").withRoles("FILER"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        mvc.perform(formLogin().user("filer-001239").password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    @WithUserDetails("filer-001239")
    void theHomePageNamesTheRoleAndTheUnit() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("单位填报人"), containsString("苏州市城市管理局"),
                        containsString("001239"), not(containsString("??")))));
    }

    @Test
    @WithUserDetails("finance")
    void theFinanceReviewerSeesTheFinanceBureau() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("财政局审核人"), containsString("苏州市财政局"))));
    }

    @Test
    void healthIsPublicAndUp() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }
}
