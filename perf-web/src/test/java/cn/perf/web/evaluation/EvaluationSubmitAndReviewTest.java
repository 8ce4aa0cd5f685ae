package cn.perf.web.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.audit.AuditEntry;
import cn.perf.domain.audit.AuditLog;
import cn.perf.domain.audit.AuditSearch;
import cn.perf.domain.evaluation.EvaluationIndicator;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.ScoreAdjustment;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.web.evaluation.EvaluationFixtures.Row;
import java.math.BigDecimal;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.MultiValueMap;

/**
 * 提交 and 审核 through the pages (DESIGN.md §3.2, §4): submission is refused, naming the row, while a row short of
 * target has no 偏差原因分析; blank 自评分 take the computed scores; the unit's reviewer starts the review, adjusts a
 * score only with a reason and within the weight, confirms, or returns with a comment; a filer cannot review; every
 * adjustment is on the page and in the audit log.
 */
class EvaluationSubmitAndReviewTest extends EvaluationPageSupport {

    private static final Row MODULES = Row.suzhou("产出", "平台上线模块数", "≥10个");
    private static final Row UPTIME = Row.suzhou("结果", "系统可用率", "≥99%");
    private static final int MODULES_ROW = EvaluationFixtures.SUZHOU_INPUT_ROWS + 1;   // row 15, index 14

    @Autowired
    AuditLog audit;

    // ------------------------------------------------------------------ submit

    @Test
    void submissionIsRefusedNamingTheRowWhileARowShortOfTargetHasNoDeviationReason() throws Exception {
        long id = suzhouEvaluation(unique("提交拦截"), MODULES, UPTIME);
        MultiValueMap<String, String> form = filledAsMet(editPage(FILER, id));
        form.set("rows[14].actual", "8个");
        form.set("_op", "submit");

        MvcResult refused = post(FILER, "/evaluations/" + id + "/edit", form);

        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/evaluations/" + id + "/edit");
        Document page = follow(FILER, refused);
        assertThat(text(page, "#submit-problems")).contains("自评表还不能提交",
                "第" + MODULES_ROW + "行“平台上线模块数”未达目标，提交前须填写偏差原因分析及改进措施");
        assertThat(evaluationForm(page).getFirst("rows[14].actual")).as("the save before it was kept").isEqualTo("8个");
        assertThat(text(page, "#computed-" + MODULES_ROW)).contains("未达目标或超额完成：提交前须填写偏差原因分析及改进措施");
        assertThat(stored(id, SelfEvaluation::status)).isEqualTo(EvaluationStatus.DRAFT);

        long version = storedVersion(id);
        MvcResult direct = post(FILER, "/evaluations/" + id + "/submit", params("version", String.valueOf(version)));
        assertThat(follow(FILER, direct).select("#submit-problems").text()).contains("第" + MODULES_ROW + "行");
        assertThat(stored(id, SelfEvaluation::status)).isEqualTo(EvaluationStatus.DRAFT);
    }

    @Test
    void withTheReasonTheFormIsSubmittedAndBlankSelfScoresTakeTheComputedScores() throws Exception {
        long id = suzhouEvaluation(unique("提交"), MODULES, UPTIME);
        MultiValueMap<String, String> form = filledAsMet(editPage(FILER, id));
        form.set("rows[14].actual", "8个");
        form.set("rows[14].deviationReason", "两个模块因需求变更延期");
        form.set("rows[15].recordedScore", "20");                // typed: kept as typed
        save(FILER, id, form);

        MvcResult submitted = post(FILER, "/evaluations/" + id + "/submit",
                params("version", String.valueOf(storedVersion(id))));

        assertThat(submitted.getResponse().getRedirectedUrl()).isEqualTo("/evaluations/" + id);
        Document detail = follow(FILER, submitted);
        assertThat(detail.select(".alert-success").text()).contains("自评表已提交，等待审核");
        assertThat(detail.select(".status-badge").text()).isEqualTo("已提交");
        assertThat(detail.select("#edit-button")).isEmpty();
        assertThat(stored(id, SelfEvaluation::status)).isEqualTo(EvaluationStatus.SUBMITTED);
        List<EvaluationIndicator> rows = stored(id, (SelfEvaluation e) -> List.copyOf(e.indicators()));
        for (EvaluationIndicator row : rows) {
            if (row.position() == MODULES_ROW + 1) {
                assertThat(row.recordedScore()).as("typed 自评分").isEqualByComparingTo("20");
            } else {
                assertThat(row.recordedScore()).as("row %d: blank 自评分 takes the computed score", row.position())
                        .isNotNull().isEqualByComparingTo(row.computedScore());
            }
        }
        assertThat(rows.get(MODULES_ROW - 1).recordedScore()).isEqualByComparingTo("0");
        BigDecimal sum = rows.stream().map(EvaluationIndicator::recordedScore).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(stored(id, SelfEvaluation::recordedTotal)).isEqualByComparingTo(sum);
        assertThat(numbers(text(detail, "#board-recorded")).get(0)).isEqualByComparingTo(sum);
        assertThat(findings(detail)).contains("RECORDED_SCORE_MISMATCH@" + (MODULES_ROW + 1), "RECORDED_TOTAL_MISMATCH");
        assertThat(get(FILER, "/evaluations/" + id + "/edit").getRedirectedUrl()).isEqualTo("/evaluations/" + id);
    }

    // ------------------------------------------------------------------ review

    @Test
    void theDepartmentReviewerStartsAdjustsWithAReasonAndConfirms() throws Exception {
        long id = submitted(unique("审核确认"));
        assertThat(doc(FILER, "/evaluations/" + id).select("#review-panel")).as("no panel for the filer").isEmpty();
        assertThat(doc(REVIEWER, "/evaluations/" + id).select("#review-start")).hasSize(1);

        Document started = review(REVIEWER, id, "START");
        assertThat(started.select(".alert-success").text()).contains("已开始审核");
        assertThat(stored(id, SelfEvaluation::status)).isEqualTo(EvaluationStatus.UNDER_REVIEW);
        assertThat(started.select("#adjust-form")).hasSize(1);

        Document noReason = review(REVIEWER, id, "ADJUST", "position", String.valueOf(MODULES_ROW), "score", "20",
                "reason", " ");
        assertThat(noReason.select(".alert-danger").text()).contains("调整评分须填写理由");
        Document tooHigh = review(REVIEWER, id, "ADJUST", "position", String.valueOf(MODULES_ROW), "score", "25",
                "reason", "超出权重");
        assertThat(tooHigh.select(".alert-danger").text()).contains("调整后的得分 25", "不能超过权重 24");
        Document notANumber = review(REVIEWER, id, "ADJUST", "position", String.valueOf(MODULES_ROW), "score", "二十",
                "reason", "不是数字");
        assertThat(notANumber.select(".alert-danger").text()).contains("调整后的得分“二十”不是数字");
        assertThat(stored(id, (SelfEvaluation e) -> List.copyOf(e.adjustments()))).isEmpty();

        Document adjusted = review(REVIEWER, id, "ADJUST", "position", String.valueOf(MODULES_ROW), "score", "20",
                "reason", "延期模块已于次年一月上线");
        assertThat(adjusted.select(".alert-success").text()).contains("已调整评分");
        assertThat(text(adjusted, "#adjustments")).contains("第" + MODULES_ROW + "行“平台上线模块数”", "→ 20",
                "城管局主管部门审核人（演示）", "延期模块已于次年一月上线");
        assertThat(text(adjusted, "#row-" + MODULES_ROW + " .final-score")).isEqualTo("20.00");
        assertThat(text(adjusted, "#row-" + MODULES_ROW)).contains("延期模块已于次年一月上线");
        assertThat(findings(adjusted)).contains("REVIEWER_ADJUSTMENT@" + MODULES_ROW);
        assertThat(adjusted.select("#evaluation-history li").eachAttr("data-action"))
                .as("the page's 审核记录, oldest first").containsSubsequence("evaluation.submitted",
                        "evaluation.review-started", "evaluation.score-adjusted");
        assertThat(text(adjusted, "#evaluation-history li[data-action=evaluation.score-adjusted]"))
                .contains("调整评分", "平台上线模块数", "20.00", "延期模块已于次年一月上线");
        List<ScoreAdjustment> kept = stored(id, (SelfEvaluation e) -> List.copyOf(e.adjustments()));
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).adjustedScore()).isEqualByComparingTo("20");
        assertThat(kept.get(0).reason()).isEqualTo("延期模块已于次年一月上线");
        assertThat(stored(id, (SelfEvaluation e) -> e.indicators().get(MODULES_ROW - 1).adjustedScore())).isEqualByComparingTo("20");

        List<AuditEntry> entries = audit.search(new AuditSearch(null, null, REVIEWER, "evaluation.score-adjusted",
                "evaluation", String.valueOf(id), null, 0, 20)).rows();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).record().details()).containsEntry("reason", "延期模块已于次年一月上线")
                .containsEntry("after", "20.00").containsEntry("position", String.valueOf(MODULES_ROW));
        Document auditPage = doc(AUDITOR, "/admin/audit?subjectType=evaluation&subjectId=" + id);
        assertThat(auditPage.text()).contains("evaluation.score-adjusted", "延期模块已于次年一月上线",
                "evaluation.review-started", "evaluation.submitted");

        Document confirmed = review(REVIEWER, id, "CONFIRM");
        assertThat(confirmed.select(".alert-success").text()).contains("自评结果已确认");
        assertThat(stored(id, SelfEvaluation::status)).isEqualTo(EvaluationStatus.CONFIRMED);
        assertThat(confirmed.select("#review-panel")).as("nothing left to do").isEmpty();
        assertThat(doc(FILER, "/evaluations/" + id).select(".status-badge").text()).isEqualTo("已确认");
        assertThat(audit.search(new AuditSearch(null, null, null, "evaluation.", "evaluation", String.valueOf(id),
                null, 0, 20)).rows()).extracting(e -> e.record().action()).contains("evaluation.confirmed");
    }

    @Test
    void aReturnNeedsACommentAndTakesTheFormBackToTheFiler() throws Exception {
        long id = submitted(unique("审核退回"));

        Document noComment = review(FINANCE, id, "RETURN", "comment", "");
        assertThat(noComment.select(".alert-danger").text()).contains("退回时须填写退回意见");
        assertThat(stored(id, SelfEvaluation::status)).isEqualTo(EvaluationStatus.SUBMITTED);

        Document returned = review(FINANCE, id, "RETURN", "comment", "请补充项目管理成效");
        assertThat(returned.select(".alert-success").text()).contains("已退回修改");
        assertThat(stored(id, SelfEvaluation::status)).isEqualTo(EvaluationStatus.DRAFT);
        assertThat(stored(id, SelfEvaluation::returnComment)).isEqualTo("请补充项目管理成效");
        Document edit = editPage(FILER, id);
        assertThat(edit.select(".alert-secondary").text()).contains("退回意见", "请补充项目管理成效");
        assertThat(audit.search(new AuditSearch(null, null, FINANCE, "evaluation.returned", "evaluation",
                String.valueOf(id), null, 0, 20)).rows()).hasSize(1);
    }

    @Test
    void aFilerCannotReviewAndAnotherDepartmentsReviewerDoesNotSeeTheForm() throws Exception {
        long id = submitted(unique("越权审核"));
        String version = String.valueOf(storedVersion(id));

        for (String action : List.of("START", "CONFIRM", "RETURN", "ADJUST")) {
            MvcResult byFiler = post(FILER, "/evaluations/" + id + "/review", params("version", version, "action",
                    action, "position", String.valueOf(MODULES_ROW), "score", "1", "reason", "填报人自评",
                    "comment", "填报人退回"));
            assertThat(byFiler.getResponse().getStatus()).as(action).isEqualTo(403);
            assertNotFound(post(DSJ_REVIEWER, "/evaluations/" + id + "/review", params("version", version, "action",
                    action, "position", "1", "score", "1", "reason", "他部门", "comment", "他部门")).getResponse());
            assertNotFound(post(FINANCE_JINING, "/evaluations/" + id + "/review", params("version", version,
                    "action", action, "comment", "他地区")).getResponse());
        }

        assertThat(storedVersion(id)).isEqualTo(Long.parseLong(version));
        assertThat(stored(id, SelfEvaluation::status)).isEqualTo(EvaluationStatus.SUBMITTED);
        assertThat(stored(id, (SelfEvaluation e) -> List.copyOf(e.adjustments()))).isEmpty();
    }

    @Test
    void aStepTheStatusDoesNotAllowOrAStaleVersionIsRefusedWithAMessage() throws Exception {
        long id = submitted(unique("审核顺序"));

        Document early = review(REVIEWER, id, "CONFIRM");
        assertThat(early.select(".alert-danger").text()).contains("自评表当前状态为“已提交”，不能确认");
        MvcResult stale = post(REVIEWER, "/evaluations/" + id + "/review",
                params("version", String.valueOf(storedVersion(id) - 1), "action", "START"));
        assertThat(follow(REVIEWER, stale).select(".alert-warning").text()).contains("自评表已被他人修改");
        assertThat(stored(id, SelfEvaluation::status)).isEqualTo(EvaluationStatus.SUBMITTED);
    }

    // ------------------------------------------------------------------ helpers

    /** A self-evaluation of 苏州市城市管理局, every target met, saved and submitted through the pages. */
    private long submitted(String name) throws Exception {
        long id = suzhouEvaluation(name, MODULES, UPTIME);
        save(FILER, id, filledAsMet(editPage(FILER, id)));
        MvcResult r = post(FILER, "/evaluations/" + id + "/submit", params("version", String.valueOf(storedVersion(id))));
        assertThat(r.getResponse().getRedirectedUrl()).as("submitted").isEqualTo("/evaluations/" + id);
        assertThat(stored(id, SelfEvaluation::status)).isEqualTo(EvaluationStatus.SUBMITTED);
        return id;
    }

    /** Posts a review step as {@code username} with the version the read view carries; follows the redirect. */
    private Document review(String username, long id, String action, String... fields) throws Exception {
        Document before = doc(username, "/evaluations/" + id);
        String version = before.select("#review-panel input[name=version]").attr("value");
        assertThat(version).as("the review panel for %s", username).isNotEmpty();
        MultiValueMap<String, String> form = params("version", version, "action", action);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.set(fields[i], fields[i + 1]);
        }
        MvcResult r = post(username, "/evaluations/" + id + "/review", form);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/evaluations/" + id);
        return follow(username, r);
    }
}
