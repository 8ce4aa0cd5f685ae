package cn.perf.web.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.todo.Inbox;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * 待办 ({@code /todo}, {@code /todo/count}) and deadlines ({@code /admin/deadlines}) through the real pages: what
 * waits for a filer and for the reviewers, deadlines set by the finance bureau and overdue items, messages that
 * only their recipient can mark read, and who may open which page.
 */
class TodoAndDeadlinePagesTest extends DeclarationPageSupport {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    Inbox inbox;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFilersDraftWaitsOnItsTodoPageAndInTheTopBarCount() throws Exception {
        String name = unique("待办草稿");
        long id = createSuzhou(CHENGGUAN_FILER, name, 2027);
        String todo = page(CHENGGUAN_FILER, "/todo");
        assertThat(from(todo, "stage-DECLARATION_SUBMISSION")).contains(name, "data-id=\"" + id + "\"");
        assertThat(page(ZHUJIAN_FILER, "/todo")).doesNotContain(name);
        assertThat(page("finance", "/todo")).doesNotContain(name);
        String badge = page(CHENGGUAN_FILER, "/todo/count");
        assertThat(Integer.parseInt(text(badge).trim())).isPositive();
        // the top bar asks for the count after the page (a kept page never shows an old count)
        assertThat(page(CHENGGUAN_FILER, "/declarations")).contains("hx-get=\"/todo/count\"");
    }

    @Test
    void aSubmittedDeclarationWaitsForTheDepartmentThenTheBureauWithCountsPerUnit() throws Exception {
        String name = unique("待办审核");
        long id = createSuzhou(CHENGGUAN_FILER, name, 2027);
        jdbc.update("update declaration set status = 'SUBMITTED' where id = ?", id);
        assertThat(from(page("reviewer-001239", "/todo"), "stage-DEPARTMENT_REVIEW")).contains(name, CHENGGUAN);
        assertThat(page(CHENGGUAN_FILER, "/todo")).doesNotContain(name);
        jdbc.update("update declaration set status = 'DEPARTMENT_APPROVED' where id = ?", id);
        String bureau = page("finance", "/todo");
        assertThat(from(bureau, "stage-FINANCE_REVIEW")).contains(name, CHENGGUAN);
        assertThat(page("finance-jining", "/todo")).doesNotContain(name);
    }

    @Test
    void deadlinesSetByTheBureauMarkOverdueItems() throws Exception {
        String name = unique("待办逾期");
        createSuzhou(CHENGGUAN_FILER, name, 2027);
        MvcResult saved = post("finance", "/admin/deadlines", params("year", "2027",
                "dates[DECLARATION_SUBMISSION]", TODAY.minusDays(2).toString(),
                "dates[DEPARTMENT_REVIEW]", TODAY.plusDays(10).toString()));
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/deadlines?year=2027");
        assertThat(follow("finance", saved)).contains("截止日期已保存", TODAY.minusDays(2).toString());

        String todo = page(CHENGGUAN_FILER, "/todo");
        int row = todo.indexOf(name);
        String tr = todo.substring(todo.lastIndexOf("<tr", row), todo.indexOf("</tr>", row));
        assertThat(tr).contains("table-danger", "已逾期 2 天", TODAY.minusDays(2).toString());

        // 济宁 has its own deadlines: Suzhou's do not apply there
        assertThat(page("finance-jining", "/admin/deadlines?year=2027")).doesNotContain(TODAY.minusDays(2).toString());
    }

    @Test
    void aMalformedDateOrAReviewBeforeItsSubmissionComesBackNextToItsField() throws Exception {
        MvcResult bad = post("finance", "/admin/deadlines", params("year", "2028",
                "dates[DECLARATION_SUBMISSION]", "2028-02-30x", "dates[FINANCE_REVIEW]", "2027-12-01"));
        assertThat(bad.getResponse().getStatus()).isEqualTo(200);
        String html = bad.getResponse().getContentAsString();
        assertThat(html).contains("日期格式不正确", "value=\"2028-02-30x\"", "value=\"2027-12-01\"");

        MvcResult order = post("finance", "/admin/deadlines", params("year", "2028",
                "dates[DEPARTMENT_REVIEW]", "2028-03-01", "dates[FINANCE_REVIEW]", "2028-02-01"));
        assertThat(order.getResponse().getContentAsString()).contains("财政局审核截止日期不能早于主管部门审核截止日期",
                "value=\"2028-02-01\"");
        assertThat(page("finance", "/admin/deadlines?year=2028")).doesNotContain("2028-03-01");
    }

    @Test
    void onlyTheBureauAndTheSystemAdministratorSetDeadlinesAndAdministratorsHaveNoTodoPage() throws Exception {
        assertThat(get(CHENGGUAN_FILER, "/admin/deadlines").getStatus()).isEqualTo(403);
        assertThat(get("reviewer-001239", "/admin/deadlines").getStatus()).isEqualTo(403);
        assertThat(get("auditor", "/admin/deadlines").getStatus()).isEqualTo(403);
        assertThat(get("admin", "/admin/deadlines").getStatus()).isEqualTo(200);
        assertThat(post(CHENGGUAN_FILER, "/admin/deadlines", params("year", "2027",
                "dates[DECLARATION_SUBMISSION]", "2027-01-01")).getResponse().getStatus()).isEqualTo(403);
        assertThat(get("auditor", "/todo").getStatus()).isEqualTo(403);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/todo")).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/login");
    }

    @Autowired
    cn.perf.domain.shared.DomainEventPublisher events;

    @Test
    void aReturnAndAGradeBecomeMessagesToTheUnitsFilersWithTheComment() throws Exception {
        String name = unique("待办通知");
        long id = createSuzhou(CHENGGUAN_FILER, name, 2027);
        events.publish(event("declaration.returned", id, java.util.Map.of("comment", "请补充绩效指标的解释")));
        events.publish(event("declaration.graded", id, java.util.Map.of("grade", "GOOD", "comment", "压减培训费")));
        events.publish(event("declaration.revised", id, java.util.Map.of()));
        String messages = from(page(CHENGGUAN_FILER, "/todo"), "messages");
        assertThat(messages).contains("申报表《" + name + "》被主管部门退回修改。退回意见：请补充绩效指标的解释",
                "申报表《" + name + "》财政审核结果：良，按约定修改后通过。约定修改：压减培训费");
        assertThat(from(page("leader-001239", "/todo"), "messages")).contains("压减培训费");
        assertThat(page(ZHUJIAN_FILER, "/todo")).doesNotContain(name);
        // every 填报人 and 单位负责人 of the unit (other tests may have opened more) got the two outcomes, nobody else
        java.util.List<String> filers = jdbc.queryForList("select distinct a.username from user_account a"
                + " join user_account_role r on r.user_id = a.id where a.unit_id = ? and a.enabled"
                + " and r.role in ('FILER', 'UNIT_LEADER')", String.class,
                jdbc.queryForObject("select unit_id from declaration where id = ?", Long.class, id));
        assertThat(filers).contains(CHENGGUAN_FILER, "leader-001239");
        java.util.Map<String, Long> perRecipient = new java.util.HashMap<>();
        jdbc.query("select recipient, count(*) as n from notification where subject_id = ? group by recipient",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> perRecipient.put(rs.getString("recipient"),
                        rs.getLong("n")), Long.toString(id));
        assertThat(perRecipient.keySet()).containsExactlyInAnyOrderElementsOf(filers);
        assertThat(perRecipient.values()).as("two outcomes each; an edit tells nobody").containsOnly(2L);
    }

    static cn.perf.domain.shared.DomainEvent event(String action, long id, java.util.Map<String, String> details) {
        return new cn.perf.domain.shared.DomainEvent() {
            public java.time.Instant occurredAt() { return java.time.Instant.now(); }
            public String actor() { return "reviewer-001239"; }
            public String action() { return action; }
            public String subjectType() { return "declaration"; }
            public String subjectId() { return Long.toString(id); }
            public java.util.Map<String, String> details() { return details; }
        };
    }

    @Test
    void aMessageIsReadOnlyByItsRecipient() throws Exception {
        String text = unique("审核结果消息");
        long unitId = jdbc.queryForObject("select unit_id from user_account where username = ?", Long.class,
                CHENGGUAN_FILER);
        inbox.notifyUnit(unitId, "declaration", "1", text);
        Long messageId = jdbc.queryForObject(
                "select id from notification where recipient = ? and message = ?", Long.class, CHENGGUAN_FILER, text);
        assertThat(from(page(CHENGGUAN_FILER, "/todo"), "messages")).contains(text);
        assertThat(page(ZHUJIAN_FILER, "/todo")).doesNotContain(text);

        post(ZHUJIAN_FILER, "/todo/messages/" + messageId + "/read", params());
        assertThat(jdbc.queryForObject("select read_at is null from notification where id = ?", Boolean.class,
                messageId)).isTrue();
        MvcResult read = post(CHENGGUAN_FILER, "/todo/messages/" + messageId + "/read", params());
        assertThat(read.getResponse().getRedirectedUrl()).isEqualTo("/todo");
        assertThat(jdbc.queryForObject("select read_at is null from notification where id = ?", Boolean.class,
                messageId)).isFalse();
    }
}
