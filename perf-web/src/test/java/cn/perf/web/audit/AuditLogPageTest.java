package cn.perf.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.perf.domain.audit.AuditEntry;
import cn.perf.domain.audit.AuditLog;
import cn.perf.domain.audit.AuditSearch;
import cn.perf.domain.shared.DomainEvent;
import cn.perf.domain.shared.DomainEventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log as the application writes and shows it: a domain event becomes an entry (actor, address, action,
 * subject, details) in the publishing transaction; sign-ins and failed sign-ins are recorded without the password;
 * only the audit administrator ({@code auditor}) sees the page, the export and the check.
 */
@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
class AuditLogPageTest {

    static final Pattern ROW = Pattern.compile("<tr data-seq=\"(\\d+)\">(.*?)</tr>", Pattern.DOTALL);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    DomainEventPublisher events;
    @Autowired
    AuditLog log;
    @Autowired
    PlatformTransactionManager transactions;

    record Happened(Instant occurredAt, String actor, String action, String subjectType, String subjectId,
                    Map<String, String> details) implements DomainEvent {
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    static String unique() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes {@code event} as if during a request from {@code address}. */
    void publishFrom(String address, DomainEvent event) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            events.publish(event);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    static Happened edited(String id, String actor, String action, String before, String after) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("before.projectName", before);
        details.put("after.projectName", after);
        return new Happened(Instant.now(), actor, action, "declaration", id, details);
    }

    List<AuditEntry> entries(String actor, String action, String subjectId) {
        return log.search(new AuditSearch(null, null, actor, action, null, subjectId, null, 0, 100)).rows();
    }

    String page(String url) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).with(as("auditor"))).andReturn().getResponse();
        assertThat(r.getStatus()).as("GET %s as auditor", url).isEqualTo(200);
        return r.getContentAsString();
    }

    static List<String> rowSeqs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void aDomainEventBecomesAnEntryWithActorAddressActionSubjectAndDetails() {
        String id = unique();
        publishFrom("10.20.30.40", edited(id, "filer-001239", "declaration.edited", "旧项目名", "新项目名"));

        List<AuditEntry> found = entries(null, null, id);
        assertThat(found).hasSize(1);
        AuditEntry e = found.get(0);
        assertThat(e.record().actor()).isEqualTo("filer-001239");
        assertThat(e.record().address()).isEqualTo("10.20.30.40");
        assertThat(e.record().action()).isEqualTo("declaration.edited");
        assertThat(e.record().subjectType()).isEqualTo("declaration");
        assertThat(e.record().subjectId()).isEqualTo(id);
        assertThat(e.record().details()).containsExactly(Map.entry("before.projectName", "旧项目名"),
                Map.entry("after.projectName", "新项目名"));
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void anEntryRollsBackWithTheChangeThatPublishedIt() {
        String id = unique();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publish(edited(id, "filer-001239", "declaration.edited", "a", "b"));
            // appended at the end of the publishing transaction (issue 12: the chain head is locked only that long)
            assertThat(entries(null, null, id)).isEmpty();
            status.setRollbackOnly();
        });
        assertThat(entries(null, null, id)).isEmpty();

        // written in the publishing transaction: a failure at commit, after the append, takes the entry with it
        String failing = unique();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    events.publish(edited(failing, "filer-001239", "declaration.edited", "a", "b"));
                    org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                            new org.springframework.transaction.support.TransactionSynchronization() {
                                @Override
                                public void beforeCommit(boolean readOnly) {
                                    assertThat(entries(null, null, failing)).hasSize(1);
                                    throw new IllegalStateException("the change fails at commit");
                                }
                            });
                })).hasMessageContaining("fails at commit");
        assertThat(entries(null, null, failing)).isEmpty();

        String committed = unique();
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                events.publish(edited(committed, "filer-001239", "declaration.edited", "a", "b")));
        assertThat(entries(null, null, committed)).hasSize(1);
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aSignInAndAFailedSignInAreRecordedWithoutThePassword() throws Exception {
        int before = entries("filer-001276", "login.succeeded", "filer-001276").size();
        mvc.perform(formLogin().user("filer-001276").password("Demo@2026"));
        List<AuditEntry> succeeded = entries("filer-001276", "login.succeeded", "filer-001276");
        assertThat(succeeded).hasSize(before + 1);
        assertThat(succeeded.get(0).record().address()).isEqualTo("127.0.0.1");
        assertThat(succeeded.get(0).record().subjectType()).isEqualTo("account");

        String wrong = "Wrong#" + UUID.randomUUID();
        mvc.perform(formLogin().user("filer-001276").password(wrong));
        List<AuditEntry> failed = entries("filer-001276", "login.failed", "filer-001276");
        assertThat(failed).isNotEmpty();
        assertThat(failed.get(0).record().address()).isEqualTo("127.0.0.1");
        assertThat(failed.get(0).record().details()).containsEntry("reason", "BadCredentialsException");
        assertThat(log.search(new AuditSearch(null, null, null, null, null, null, wrong, 0, 10)).total()).isZero();
        assertThat(failed.get(0).record().toString()).doesNotContain(wrong);
    }

    @Test
    void theAuditorSeesEntriesNewestFirstWithTheirValues() throws Exception {
        String id = unique();
        publishFrom("10.1.1.1", edited(id, "filer-001239", "declaration.edited", "<b>旧</b>", "新"));
        publishFrom("10.1.1.2", edited(id, "finance", "declaration.approved", "新", "新"));

        String html = page("/admin/audit?subjectId=" + id);
        List<String> seqs = rowSeqs(html);
        assertThat(seqs).hasSize(2);
        assertThat(Long.parseLong(seqs.get(0))).isGreaterThan(Long.parseLong(seqs.get(1)));
        assertThat(html).contains("审计日志", "filer-001239", "10.1.1.1", "declaration.approved",
                "before.projectName", "&lt;b&gt;旧&lt;/b&gt;", "共 2 条").doesNotContain("<b>旧</b>", "??");
        assertThat(html).contains("href=\"/admin/audit\""); // the menu entry
    }

    @Test
    void searchFiltersNarrowTheList() throws Exception {
        String id = unique();
        publishFrom("10.1.1.1", edited(id, "filer-001239", "declaration.edited", "甲", "乙"));
        publishFrom("10.1.1.1", edited(id, "dept-001", "declaration.returned", "乙", "请补充佐证材料"));

        assertThat(rowSeqs(page("/admin/audit?subjectId=" + id + "&actor=dept-001"))).hasSize(1);
        assertThat(rowSeqs(page("/admin/audit?subjectId=" + id + "&action=declaration.edited"))).hasSize(1);
        assertThat(rowSeqs(page("/admin/audit?subjectId=" + id + "&action=declaration."))).hasSize(2);
        assertThat(rowSeqs(page("/admin/audit?subjectId=" + id + "&subjectType=declaration"))).hasSize(2);
        assertThat(rowSeqs(page("/admin/audit?subjectId=" + id + "&subjectType=evaluation"))).isEmpty();
        assertThat(rowSeqs(page("/admin/audit?subjectId=" + id + "&q=佐证"))).hasSize(1);
        String today = java.time.LocalDate.now(AuditController.BEIJING).toString();
        assertThat(rowSeqs(page("/admin/audit?subjectId=" + id + "&from=" + today + "&to=" + today))).hasSize(2);
        assertThat(rowSeqs(page("/admin/audit?subjectId=" + id + "&to=2020-01-01"))).isEmpty();
        assertThat(rowSeqs(page("/admin/audit?subjectId=" + id + "&size=1&page=1"))).hasSize(1);
    }

    @Test
    void theExportIsCsvWithAByteOrderMarkAndIsItselfRecorded() throws Exception {
        String id = unique();
        publishFrom("10.1.1.1", edited(id, "filer-001239", "declaration.edited", "=HYPERLINK(\"x\")", "新名称"));

        MockHttpServletResponse r = mvc.perform(get("/admin/audit/export.csv?subjectId=" + id).with(as("auditor")))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("text/csv");
        assertThat(r.getHeader("Content-Disposition")).startsWith("attachment; filename=\"audit-log-");
        byte[] body = r.getContentAsByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(body, StandardCharsets.UTF_8).substring(1);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("\"序号\",\"时间\",\"操作人\",\"地址\",\"操作\",\"对象类型\",\"对象编号\","
                + "\"详情（修改前后的值）\",\"哈希\"");
        assertThat(csv).contains("\"filer-001239\"", "\"10.1.1.1\"", "after.projectName: 新名称",
                "before.projectName: =HYPERLINK(\"\"x\"\")");
        assertThat(entries("auditor", "audit.exported", null)).isNotEmpty();
    }

    @Test
    void theCheckButtonSaysTheChainIsIntact() throws Exception {
        publishFrom("10.1.1.1", edited(unique(), "filer-001239", "declaration.edited", "a", "b"));
        MockHttpServletResponse r = mvc.perform(post("/admin/audit/verify").with(as("auditor")).with(csrf()))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentAsString()).contains("id=\"verification\"", "alert-success", "校验通过");
        assertThat(entries("auditor", "audit.verified", null)).isNotEmpty();
    }

    @Test
    void theCheckButtonNamesAnAlteredAndADeletedEntry() throws Exception {
        String id = unique();
        publishFrom("10.1.1.1", edited(id, "filer-001239", "declaration.edited", "a", "ALTER-ME"));
        publishFrom("10.1.1.1", edited(id, "filer-001239", "declaration.edited", "b", "c"));
        publishFrom("10.1.1.1", edited(id, "filer-001239", "declaration.edited", "c", "d"));
        List<AuditEntry> three = entries(null, null, id); // newest first
        AuditEntry altered = three.get(2);
        AuditEntry deleted = three.get(1);
        try {
            AuditVerifyCommandTest.superuser("update audit_entry set details = replace(details, 'ALTER-ME', 'X')"
                    + " where seq = " + altered.seq());
            AuditVerifyCommandTest.superuser("delete from audit_entry where seq = " + deleted.seq());

            String html = mvc.perform(post("/admin/audit/verify").with(as("auditor")).with(csrf())).andReturn()
                    .getResponse().getContentAsString();
            assertThat(html).contains("alert-danger", "校验失败", "第 " + altered.seq() + " 条被篡改",
                    "第 " + deleted.seq() + " 条缺失").doesNotContain("??");
        } finally {
            AuditVerifyCommandTest.superuser("update audit_entry set details = replace(details, '\"X\"', "
                    + "'\"ALTER-ME\"') where seq = " + altered.seq());
            AuditVerifyCommandTest.superuser("insert into audit_entry values (" + deleted.seq() + ", '"
                    + deleted.record().occurredAt() + "', '" + deleted.record().actor() + "', '"
                    + deleted.record().address() + "', '" + deleted.record().action() + "', '"
                    + deleted.record().subjectType() + "', '" + deleted.record().subjectId() + "', '"
                    + cn.perf.domain.audit.DetailsJson.write(deleted.record().details()) + "', '"
                    + deleted.prevHash() + "', '" + deleted.hash() + "')");
        }
        assertThat(log.verify().intact()).as(log.verify().describe()).isTrue();
    }

    @Test
    void onlyTheAuditAdministratorGetsThePageTheExportAndTheCheck() throws Exception {
        for (String who : List.of("admin", "filer-001239")) {
            assertThat(mvc.perform(get("/admin/audit").with(as(who))).andReturn().getResponse().getStatus())
                    .as("page as %s", who).isEqualTo(403);
            assertThat(mvc.perform(get("/admin/audit/export.csv").with(as(who))).andReturn().getResponse()
                    .getStatus()).as("export as %s", who).isEqualTo(403);
            assertThat(mvc.perform(post("/admin/audit/verify").with(as(who)).with(csrf())).andReturn().getResponse()
                    .getStatus()).as("check as %s", who).isEqualTo(403);
        }
        assertThat(mvc.perform(get("/admin/audit")).andReturn().getResponse().getStatus()).isEqualTo(302);
        String home = mvc.perform(get("/").with(as("filer-001239"))).andReturn().getResponse().getContentAsString();
        assertThat(home).doesNotContain("href=\"/admin/audit\"");
    }
}
