package cn.perf.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perf.domain.account.AccountEvent;
import cn.perf.domain.shared.DomainEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** Lockout after 5 failures (in the database), the login message, and the security administrator's unlock page. */
@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
@RecordApplicationEvents
class AccountLockoutTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SecurityTestAccounts testAccounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    private void failTimes(String username, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            mvc.perform(formLogin().user(username).password("Wrong-pass-1")).andExpect(unauthenticated());
        }
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        String username = testAccounts.create("lock", false);
        failTimes(username, 4);
        mvc.perform(formLogin().user(username).password(SecurityTestAccounts.PASSWORD))
                .andExpect(authenticated());
        failTimes(username, 4);
        assertThat(events.stream(AccountEvent.class).filter(e -> e.subjectId().equals(username))).isEmpty();
        failTimes(username, 1);

        assertThat(jdbc.queryForObject("select locked_until > now() + interval '29 minutes' from user_account "
                + "where username = ?", Boolean.class, username)).as("locked for 30 minutes, in the database")
                .isTrue();
        assertThat(events.stream(AccountEvent.class).filter(e -> e.subjectId().equals(username)))
                .singleElement().satisfies(e -> {
                    assertThat(e.action()).isEqualTo("account.locked");
                    assertThat(e.details().toString()).doesNotContain("Wrong-pass-1");
                });
        mvc.perform(formLogin().user(username).password(SecurityTestAccounts.PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void theLoginMessageIsTheSameForALockedAccountAndAnUnknownUser() throws Exception {
        String locked = testAccounts.create("same", false);
        failTimes(locked, 5);
        var lockedPage = mvc.perform(formLogin().user(locked).password(SecurityTestAccounts.PASSWORD))
                .andExpect(redirectedUrl("/login?error")).andReturn();
        var unknownPage = mvc.perform(formLogin().user("no-such-user").password("Wrong-pass-1"))
                .andExpect(redirectedUrl("/login?error")).andReturn();
        assertThat(lockedPage.getResponse().getRedirectedUrl()).isEqualTo(unknownPage.getResponse()
                .getRedirectedUrl());
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(allOf(containsString("用户名或密码不正确"),
                        containsString("连续输错 5 次密码，账号将锁定 30 分钟"), not(containsString("不存在")))));
    }

    @Test
    void theSecurityAdministratorListsAndUnlocksLockedAccounts() throws Exception {
        String username = testAccounts.create("unlock", false);
        failTimes(username, 5);

        mvc.perform(get("/admin/security/locks").with(user("security").roles("SECURITY_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(username), containsString("解锁"),
                        containsString("已锁定的账号"))));
        mvc.perform(post("/admin/security/locks/unlock").param("username", username).with(csrf())
                        .with(user("security").roles("SECURITY_ADMIN")))
                .andExpect(redirectedUrl("/admin/security/locks"));

        assertThat(events.stream(AccountEvent.class)
                .filter(e -> e.subjectId().equals(username) && e.action().equals("account.unlocked")))
                .singleElement().extracting(DomainEvent::actor).isEqualTo("security");
        mvc.perform(formLogin().user(username).password(SecurityTestAccounts.PASSWORD)).andExpect(authenticated());
    }

    @Test
    void onlyTheSecurityAdministratorMayUnlockAndARefusalIsPublished() throws Exception {
        String username = testAccounts.create("refuse", false);
        failTimes(username, 5);
        for (String role : new String[] {"SYSTEM_ADMIN", "AUDIT_ADMIN", "FILER"}) {
            mvc.perform(get("/admin/security/locks").with(user("x-" + role).roles(role)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/security/locks/unlock").param("username", username).with(csrf())
                    .with(user("x-" + role).roles(role))).andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForObject("select locked_until > now() from user_account where username = ?",
                Boolean.class, username)).isTrue();
        assertThat(events.stream(AccessRefused.class).filter(e -> e.actor().equals("x-FILER")))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("access.refused");
                    assertThat(e.details()).containsEntry("method", "POST")
                            .containsEntry("path", "/admin/security/locks/unlock");
                });
    }
}
