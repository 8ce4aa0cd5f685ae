package cn.perf.it.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.declaration.DeclarationCommands.CreateDeclaration;
import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationContent.IndicatorRow;
import cn.perf.domain.declaration.DeclarationContent.MilestoneRow;
import cn.perf.domain.declaration.DeclarationContent.SubProjectRow;
import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.it.browser.Browser;
import cn.perf.web.PerfApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The review workflow in a real Chromium (issue 8): the filer submits a declaration, it waits in the department
 * reviewer's 待办, the department approves, it waits in the bureau's 待办, the bureau grades 良 with the agreed
 * changes in the comment, and the filer finds that comment among the messages of 待办 and in the review history.
 * The declaration's content is seed 000's under a new project name. Screenshots:
 * {@code target/screenshots/review-flow-*.png}.
 */
@SpringBootTest(classes = PerfApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "perf.demo-data=true")
class ReviewFlowInChromiumIT {

    static final String AGREED = "压减会议培训费 2 万元后通过";

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    DeclarationFiling filing;

    @Autowired
    ScopeResolver scopes;

    @BeforeAll
    static void startChromium() {
        browser = Browser.start();
    }

    @AfterAll
    static void quitChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void submittedApprovedGradedGoodAndTheFilerSeesTheComment() {
        browser.baseUrl("http://localhost:" + port).signOut();
        String name = Seeds.uniqueName("审核流程");
        long id = draftLikeSeed000(name);

        // 1. the filer submits
        browser.logIn(Seeds.FILER_000, Seeds.PASSWORD);
        browser.open("/declarations/" + id, By.id("detail-submit"));
        browser.clickAndWait(By.id("detail-submit"), By.cssSelector(".alert-success[role=status]"));
        assertThat(browser.text(By.cssSelector(".alert-success[role=status]"))).contains("已提交");
        browser.screenshot("review-flow-1-submitted");
        browser.signOut();

        // 2. it waits for the department, which approves
        browser.logIn("reviewer-001239", Seeds.PASSWORD);
        browser.open("/todo", By.id("stage-DEPARTMENT_REVIEW"));
        assertThat(browser.text(By.id("stage-DEPARTMENT_REVIEW"))).contains(name);
        browser.screenshot("review-flow-2-department-todo");
        browser.open("/declarations/" + id, By.id("review-form"));
        browser.driver().findElement(By.id("decision-APPROVE")).click();
        browser.clickAndWait(By.id("review-submit"), By.id("reviewed-message"));
        browser.signOut();

        // 3. it waits for the bureau, which grades 良 with the agreed changes
        browser.logIn("finance", Seeds.PASSWORD);
        browser.open("/todo", By.id("stage-FINANCE_REVIEW"));
        assertThat(browser.text(By.id("stage-FINANCE_REVIEW"))).contains(name);
        browser.open("/declarations/" + id, By.id("review-form"));
        browser.driver().findElement(By.id("grade-GOOD")).click();
        browser.type(By.id("review-comment"), AGREED);
        browser.screenshot("review-flow-3-bureau-grades");
        browser.clickAndWait(By.id("review-submit"), By.id("reviewed-message"));
        browser.signOut();

        // 4. the filer sees the outcome: the top bar's count, the message with the comment, the history
        browser.logIn(Seeds.FILER_000, Seeds.PASSWORD);
        browser.waitUntil("the to-do count in the top bar", d -> !d.findElements(
                By.cssSelector(".shell-todo .shell-todo-count:not(.d-none)")).isEmpty());
        browser.open("/todo", By.id("messages"));
        assertThat(browser.text(By.id("messages"))).contains(name, "良", AGREED);
        browser.screenshot("review-flow-4-filer-todo");
        browser.open("/declarations/" + id + "/history", By.id("review-history"));
        assertThat(browser.text(By.id("review-history"))).contains("良", AGREED, "城管局主管部门审核人（演示）",
                "财政局审核人（演示）");
        assertThat(browser.text(By.tagName("h1"))).contains("（2032年度）");
        browser.screenshot("review-flow-5-history");
        browser.assertNoMissingMessages();
        browser.assertNoConsoleErrors();

        Scope filer = scopes.forUser(Seeds.FILER_000);
        assertThat(filing.page(filer, id).detail().status().name()).isEqualTo("APPROVED");
    }

    /** A draft of the filer's unit with seed 000's content under {@code name}, for 2032. */
    private long draftLikeSeed000(String name) {
        Scope filer = scopes.forUser(Seeds.FILER_000);
        DeclarationDetail seed = Seeds.demo(filing, filer, Seeds.SEED_000, 2021);
        DeclarationContent c = seed.content();
        DeclarationContent renamed = new DeclarationContent(name, c.projectType(), c.projectAttribute(),
                c.governmentProcurement(), c.governmentPurchasedService(), c.projectLeader(), c.contactPerson(),
                c.contactPhone(), c.competentDepartmentName(), c.competentDepartmentCode(), c.projectUnitName(),
                c.periodStart(), c.periodEnd(), c.texts(), c.priorYearFunds(), c.fundsRequest(),
                // new rows: the keys (id-N) still link indicators to their sub-projects, the ids are dropped
                c.subProjects().stream().map(r -> new SubProjectRow(null, r.key(), r.name(), r.amount())).toList(),
                c.fundingSources(),
                c.indicators().stream().map(r -> new IndicatorRow(null, r.term(), r.category(), r.subCategory(),
                        r.subProjectKeys(), r.name(), r.targetText(), r.direction(), r.explanation(), r.targetBasis(),
                        r.basisKind(), r.measureUnit(), r.weight(), r.libraryEntryId())).toList(),
                c.milestones().stream().map(r -> new MilestoneRow(null, r.content(), r.startOn(), r.endOn()))
                        .toList(),
                c.signOff());
        return filing.create(filer, new CreateDeclaration(seed.unitId(), seed.layout(), 2032, seed.frameworkCode(),
                renamed));
    }
}
