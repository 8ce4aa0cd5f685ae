package cn.perf.web.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.evaluation.EvaluationOrigin;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.web.evaluation.EvaluationFixtures.Row;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * POST /declarations/{id}/evaluation (DESIGN.md §4, §7): a self-evaluation is started only from an approved
 * declaration and only by a filer of its unit; a second start opens the same one; a declaration outside the caller's
 * scope is 404; nothing is created by a refused start.
 */
class EvaluationStartTest extends EvaluationPageSupport {

    private static final Row OUTPUT = Row.suzhou("产出", "平台上线模块数", "≥8个");

    @Test
    void aFilerStartsTheSelfEvaluationOfAnApprovedDeclarationWithItsTargetsCarriedOver() throws Exception {
        String name = unique("生成");
        long declaration = fixtures().approvedSuzhou(CHENGGUAN, name, OUTPUT, Row.suzhou("结果", "系统可用率", "≥99%"));
        Document detail = doc(FILER, "/declarations/" + declaration);
        assertThat(detail.select("#start-evaluation")).as("the 生成自评表 button").hasSize(1);

        MvcResult r = post(FILER, "/declarations/" + declaration + "/evaluation", params());

        assertThat(r.getResponse().getRedirectedUrl()).matches("/evaluations/\\d+/edit");
        long id = Long.parseLong(r.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
        Document edit = follow(FILER, r);
        assertThat(edit.select(".alert-info").text()).contains("已由申报表生成自评表");
        assertThat(edit.select("#indicators").text()).contains("平台上线模块数", "≥8个", "系统可用率", "≥99%");
        assertThat(rowCount(edit)).isEqualTo(EvaluationFixtures.SUZHOU_INPUT_ROWS + 2);
        assertThat(stored(id, SelfEvaluation::status)).isEqualTo(EvaluationStatus.DRAFT);
        assertThat(stored(id, SelfEvaluation::origin)).isEqualTo(EvaluationOrigin.DECLARATION);
        assertThat(stored(id, SelfEvaluation::declarationId)).isEqualTo(declaration);
        assertThat(stored(id, SelfEvaluation::projectName)).isEqualTo(name);
    }

    @Test
    void aDraftOrSubmittedDeclarationIsRefusedWithAChineseMessageAndNothingIsCreated() throws Exception {
        long draft = fixtures().suzhouDraft(CHENGGUAN, unique("草稿申报"), OUTPUT);
        long submitted = fixtures().suzhouDraft(CHENGGUAN, unique("已提交申报"), OUTPUT);
        fixtures().submit(submitted);

        // each followed before the next post: one session per user, and a new sign-in (MockMvc's user(…) on a
        // request counts as one) ends the older session, as a second browser of the same user would
        MvcResult onDraft = post(FILER, "/declarations/" + draft + "/evaluation", params());
        assertThat(onDraft.getResponse().getRedirectedUrl()).isEqualTo("/declarations/" + draft);
        assertThat(follow(FILER, onDraft).select(".alert-danger").text())
                .contains("只有财政审核通过的申报表才能生成自评表，当前状态：草稿");
        MvcResult onSubmitted = post(FILER, "/declarations/" + submitted + "/evaluation", params());
        assertThat(follow(FILER, onSubmitted).select(".alert-danger").text())
                .contains("只有财政审核通过的申报表才能生成自评表，当前状态：已提交");
        assertThat(evaluationOf(draft)).isEmpty();
        assertThat(evaluationOf(submitted)).isEmpty();
        assertThat(doc(FILER, "/declarations/" + draft).select("#start-evaluation"))
                .as("no 生成自评表 button before approval").isEmpty();
    }

    @Test
    void aNationalDeclarationUnderThe2021FrameworkStartsWithTheTenPointsCostSharingOutputsFifty() throws Exception {
        // NATIONAL_2021 (财预〔2021〕101号) is the framework a national declaration of 2022 or later gets by default; it
        // sets no points, so the self-evaluation takes 财预〔2020〕10号's: 产出 and 成本 share 50 by their rows
        long declaration = fixtures().nationalDraft(CHENGGUAN, unique("101号申报"), "NATIONAL_2021",
                Row.national("产出指标", "数量指标", "采集案件数", "≥50000件"),
                Row.national("产出指标", "时效指标", "按时办结率", "≥95%"),
                Row.national("成本指标", "经济成本指标", "单件采集成本", "≤20元"),
                Row.national("效益指标", "社会效益指标", "城市管理水平", "显著提升"),
                Row.national("满意度指标", "服务对象满意度指标", "市民满意度", "≥90%"));
        fixtures().approve(declaration);

        long evaluation = start(FILER, declaration);

        java.util.List<String> categories = stored(evaluation, e -> e.categories().stream()
                .map(c -> c.name() + " " + c.points().setScale(2).toPlainString()).toList());
        assertThat(categories).containsExactly("产出指标 33.33", "成本指标 16.67", "效益指标 30.00", "满意度指标 10.00");
        java.math.BigDecimal weights = stored(evaluation, e -> e.indicators().stream().map(i -> i.weight())
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        assertThat(weights).isEqualByComparingTo("90");
        assertThat(doc(FILER, "/evaluations/" + evaluation + "/edit").text()).contains("单件采集成本", "成本指标");
    }

    @Test
    void aSecondStartOpensTheSameSelfEvaluation() throws Exception {
        String name = unique("再次生成");
        long declaration = fixtures().approvedSuzhou(CHENGGUAN, name, OUTPUT);

        long first = start(FILER, declaration);
        long second = start(FILER, declaration);
        long byLeader = start(LEADER, declaration);

        assertThat(second).isEqualTo(first);
        assertThat(byLeader).isEqualTo(first);
        assertThat(doc(FILER, "/evaluations?size=100&name=" + marker(name)).select("#evaluations tbody tr[data-id]"))
                .hasSize(1);
    }

    @Test
    void anotherUnitsDeclarationOrOneThatDoesNotExistIsNotFoundAndNothingIsCreated() throws Exception {
        long theirs = fixtures().approvedSuzhou(ZHUJIAN, unique("他单位申报"), OUTPUT);
        long jining = fixtures().approvedNational(JINING_UNIT, unique("济宁申报"),
                Row.national("产出指标", "数量指标", "采集案件数", "≥50000件"));

        assertNotFound(post(FILER, "/declarations/" + theirs + "/evaluation", params()).getResponse());
        assertNotFound(post(FINANCE, "/declarations/" + jining + "/evaluation", params()).getResponse());
        assertNotFound(post(FILER, "/declarations/" + NO_SUCH_ID + "/evaluation", params()).getResponse());

        assertThat(evaluationOf(theirs)).isEmpty();
        assertThat(evaluationOf(jining)).isEmpty();
    }

    @Test
    void aReviewerCannotStartASelfEvaluation() throws Exception {
        long declaration = fixtures().approvedSuzhou(CHENGGUAN, unique("审核人生成"), OUTPUT);
        assertThat(doc(REVIEWER, "/declarations/" + declaration).select("#start-evaluation"))
                .as("no 生成自评表 button for a reviewer").isEmpty();

        MvcResult byReviewer = post(REVIEWER, "/declarations/" + declaration + "/evaluation", params());
        MvcResult byFinance = post(FINANCE, "/declarations/" + declaration + "/evaluation", params());

        assertThat(byReviewer.getResponse().getStatus()).isEqualTo(403);
        assertThat(byFinance.getResponse().getStatus()).isEqualTo(403);
        assertThat(byReviewer.getResponse().getContentAsString()).contains("lang=\"zh-CN\"")
                .doesNotContain("Exception");
        assertThat(evaluationOf(declaration)).isEmpty();
    }
}
