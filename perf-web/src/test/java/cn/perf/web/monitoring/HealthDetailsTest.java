package cn.perf.web.monitoring;

import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 运行监控 in {@code /actuator/health}: the load balancer and every user get the status only; a system administrator
 * also gets the details of each part, among them the export queue shared by the nodes and this node's change feed
 * and copies.
 */
@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
class HealthDetailsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onlyTheStatusForTheLoadBalancerAndForAFiler() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(user(users.loadUserByUsername("filer-001239"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void theSystemAdministratorSeesTheExportQueueAndTheChangeFeed() throws Exception {
        // a job waiting for 90 s that no worker has taken (the test's workers poll once a day and were not woken)
        long id = jdbc.queryForObject("""
                insert into export_job (owner, kind, parameters, title, status, created_at, expires_at)
                values ('filer-001239', 'DECLARATION_SUMMARY', '{"year":2021}', '监控测试', 'QUEUED',
                        now() - interval '90 seconds', now() + interval '1 day') returning id""", Long.class);
        try {
            mvc.perform(get("/actuator/health").with(user(users.loadUserByUsername("admin"))))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.components.exports.status").value("UP"))
                    .andExpect(jsonPath("$.components.exports.details.queued").value(greaterThanOrEqualTo(1)))
                    .andExpect(jsonPath("$.components.exports.details.oldestWaitSeconds")
                            .value(greaterThanOrEqualTo(90)))
                    .andExpect(jsonPath("$.components.exports.details.workers").value(1))
                    .andExpect(jsonPath("$.components.exports.details.node").isString())
                    .andExpect(jsonPath("$.components.changeFeed.status").value("UP"))
                    .andExpect(jsonPath("$.components.changeFeed.details.live").isBoolean())
                    .andExpect(jsonPath("$.components.changeFeed.details.received").isNumber())
                    .andExpect(jsonPath("$.components.changeFeed.details.copies.sessions.hits").isNumber())
                    .andExpect(jsonPath("$.components.db.status").value("UP"));
        } finally {
            jdbc.update("delete from export_job where id = ?", id);
        }
    }
}
