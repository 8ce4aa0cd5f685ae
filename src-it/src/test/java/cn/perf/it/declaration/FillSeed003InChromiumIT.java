package cn.perf.it.declaration;

import static cn.perf.it.declaration.Seeds.lines;
import static cn.perf.it.declaration.Seeds.typed;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationContent.IndicatorRow;
import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.domain.template.FormLayout;
import cn.perf.it.browser.Browser;
import cn.perf.web.PerfApplication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Seed 003 (Jining 2020, national layout) typed into an empty national 申报表 in a real Chromium as filer-jining:
 * the header with the 项目属性 radio, 项目资金申请 (资金总额 350 = 财政拨款 350, watched live), the four text
 * blocks, the two 实施进度 rows (dates typed as 2019-08-01), 长期目标 / 年度目标, both indicator tables (长期 and
 * 年度, 一级/二级 chosen from the framework's selects), 其他需说明的问题 and the sign-off. Saved, reopened, and the
 * stored declaration compared field by field with the demo seed-003 declaration (indicators per table, in order).
 *
 * <p>The new page is opened for 2021 ({@code ?year=2021}): the framework follows the year the page is opened
 * for, and seed 003's 二级指标 (成本指标 under 产出指标) belong to 财预〔2020〕10号 (NATIONAL_2020, 2020–2021),
 * not to the 2022+ 101号 framework a page for next year gets. The project is uniquely named (the unit already
 * files the seed's project for 2020).
 * Screenshots: {@code target/screenshots/declaration-seed003-*.png}.
 */
@SpringBootTest(classes = PerfApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "perf.demo-data=true")
class FillSeed003InChromiumIT {

    static final int YEAR = 2021;
    static final String MILESTONES = "#section-milestones > tbody";

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

    @BeforeEach
    void freshSession() {
        browser.baseUrl("http://localhost:" + port).signOut();
        browser.consoleErrors();
    }

    static String table(IndicatorTerm term) {
        return "#section-indicators-" + term.name() + " > tbody";
    }

    @Test
    void seed003TypedThroughThePageIsStoredFieldByField() {
        Scope scope = scopes.forUser(Seeds.FILER_003);
        DeclarationContent seed = Seeds.demo(filing, scope, Seeds.SEED_003, 2020).content();
        assertThat(seed.indicators(IndicatorTerm.LONG_TERM)).as("seed 003 长期指标").hasSize(8);
        assertThat(seed.indicators(IndicatorTerm.ANNUAL)).as("seed 003 年度指标").hasSize(8);
        FormPage page = new FormPage(browser);
        Map<String, String> typedValues = new LinkedHashMap<>();

        browser.logIn(Seeds.FILER_003, Seeds.PASSWORD);
        browser.open("/declarations/new?layout=NATIONAL&year=" + YEAR, FormPage.FORM);
        page.htmxIdle();
        assertThat(page.rowIds(table(IndicatorTerm.LONG_TERM))).as("an empty national form has no indicators")
                .isEmpty();
        assertThat(page.rowIds(table(IndicatorTerm.ANNUAL))).isEmpty();
        assertThat(page.rowIds(MILESTONES)).isEmpty();
        assertThat(page.value("frameworkCode")).isEqualTo("NATIONAL_2020");

        // header
        String projectName = Seeds.uniqueName(Seeds.SEED_003);
        fill(page, typedValues, "projectName", projectName);
        fill(page, typedValues, "year", String.valueOf(YEAR));
        page.choose("projectAttribute", seed.projectAttribute());
        fill(page, typedValues, "competentDepartmentName", seed.competentDepartmentName());
        fill(page, typedValues, "competentDepartmentCode", seed.competentDepartmentCode());
        fill(page, typedValues, "projectUnitName", seed.projectUnitName());
        fill(page, typedValues, "projectLeader", seed.projectLeader());
        fill(page, typedValues, "contactPhone", seed.contactPhone());
        fill(page, typedValues, "periodStart", typed(seed.periodStart()));
        fill(page, typedValues, "periodEnd", typed(seed.periodEnd()));

        // 项目资金申请: 资金总额 = 财政拨款 + 自有资金, checked while typing
        var request = seed.fundsRequest();
        page.typeAndLeave("requestTotal", typed(request.total()));
        typedValues.put("requestTotal", typed(request.total()));
        page.waitForText(By.id("check-request"), "≠");
        fill(page, typedValues, "requestServiceRevenue", typed(request.serviceRevenue()));
        fill(page, typedValues, "requestBusinessRevenue", typed(request.businessRevenue()));
        fill(page, typedValues, "requestOtherRevenue", typed(request.otherRevenue()));
        page.typeAndLeave("requestAppropriation", typed(request.fiscalAppropriation()));
        typedValues.put("requestAppropriation", typed(request.fiscalAppropriation()));
        String check = page.waitForText(By.id("check-request"), "资金总额 = 财政拨款 + 自有资金（350.00 万元）");
        assertThat(check).startsWith("✓");
        assertThat(browser.driver().findElement(By.id("check-request")).getDomAttribute("class"))
                .contains("text-success");

        // 项目单位职能概述, 项目概况, 立项依据, 可行性
        var t = seed.texts();
        fill(page, typedValues, "unitFunctions", lines(t.unitFunctions()));
        fill(page, typedValues, "overview", lines(t.overview()));
        fill(page, typedValues, "establishmentBasis", lines(t.establishmentBasis()));
        fill(page, typedValues, "feasibility", lines(t.feasibility()));

        // 实施进度: one 添加一行 per row, dates typed as 2019-08-01
        for (DeclarationContent.MilestoneRow m : seed.milestones()) {
            int i = page.addRow(By.id("add-milestones"), MILESTONES);
            fill(page, typedValues, "milestones[" + i + "].content", m.content());
            fill(page, typedValues, "milestones[" + i + "].startOn", typed(m.startOn()));
            fill(page, typedValues, "milestones[" + i + "].endOn", typed(m.endOn()));
        }

        // 长期目标 / 年度目标
        fill(page, typedValues, "overallGoal", lines(t.overallGoal()));
        fill(page, typedValues, "annualGoal", lines(t.annualGoal()));

        // both indicator tables, 长期 first (its rows come first in the form), then 年度
        for (IndicatorTerm term : List.of(IndicatorTerm.LONG_TERM, IndicatorTerm.ANNUAL)) {
            for (IndicatorRow row : seed.indicators(term)) {
                int i = page.addRow(By.id("add-indicators-" + term.name()), table(term));
                String p = "indicators[" + i + "].";
                assertThat(page.value(p + "term")).as("the new row belongs to %s", term).isEqualTo(term.name());
                page.selectText(p + "category", row.category());
                page.selectText(p + "subCategory", row.subCategory());
                fill(page, typedValues, p + "name", row.name());
                fill(page, typedValues, p + "targetText", row.targetText());
                if (row.targetText().startsWith("≥")) {
                    // ≥90% / ≥85%: the sentence beside the field reads the operator and the number
                    String n = row.targetText().substring(1).replace("%", "");
                    page.waitForText(By.id("reading-" + i), "读作：≥ " + n + " %");
                    assertThat(browser.text(By.id("reading-" + i))).contains("越高越好");
                }
                if (row.targetText().startsWith("<")) {
                    page.waitForText(By.id("reading-" + i), "读作：<");
                }
                fill(page, typedValues, p + "measureUnit", row.measureUnit());
                fill(page, typedValues, p + "explanation", lines(row.explanation()));
                if (row.basisKind() != null) {
                    page.selectValue(p + "basisKind", row.basisKind().name());
                }
                fill(page, typedValues, p + "targetBasis", row.targetBasis());
            }
        }
        assertThat(page.rowNumbers(table(IndicatorTerm.LONG_TERM))).as("长期 rows numbered from 1")
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(page.rowNumbers(table(IndicatorTerm.ANNUAL))).as("年度 rows numbered from 1 again")
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8");

        // 其他需说明的问题, 预算部门审核意见, sign-off
        fill(page, typedValues, "otherIssues", lines(t.otherIssues()));
        fill(page, typedValues, "departmentOpinion", lines(t.departmentOpinion()));
        fill(page, typedValues, "signUnitLeader", seed.signOff().unitLeader());
        fill(page, typedValues, "signPreparer", seed.signOff().preparer());
        fill(page, typedValues, "signFiledOn", typed(seed.signOff().filedOn()));

        page.htmxIdle();
        typedValues.forEach((name, value) -> assertThat(page.value(name)).as("field %s before saving", name)
                .isEqualTo(value));
        page.fullPageScreenshot("declaration-seed003-filled");
        browser.assertNoMissingMessages();

        String saved = page.saveSuccessfully();
        assertThat(saved).contains("已保存");
        long id = page.idFromAddress();
        page.fullPageScreenshot("declaration-seed003-saved");

        browser.open("/declarations/" + id + "/edit", FormPage.FORM);
        page.htmxIdle();
        assertThat(page.value("projectName")).isEqualTo(projectName);
        assertThat(page.rowIds(MILESTONES)).hasSize(2);
        assertThat(page.rowIds(table(IndicatorTerm.LONG_TERM))).hasSize(8);
        assertThat(page.rowIds(table(IndicatorTerm.ANNUAL))).hasSize(8);
        assertThat(browser.text(By.id("check-request"))).contains("350.00");
        assertThat(page.value("milestones[0].startOn")).isEqualTo("2019-08-01");
        browser.assertNoMissingMessages();
        browser.assertNoConsoleErrors(FormPage.NO_FAVICON);

        DeclarationDetail stored = filing.page(scope, id).detail();
        assertThat(stored.layout()).isEqualTo(FormLayout.NATIONAL);
        assertThat(stored.year().value()).isEqualTo(YEAR);
        assertThat(stored.projectName()).isEqualTo(projectName);
        assertThat(stored.frameworkCode()).isEqualTo("NATIONAL_2020");
        Seeds.assertSameContent(seed, stored.content());
    }

    /**
     * The 项目年度 typed on the new page decides the indicator framework: a national form opened for next year
     * (财预〔2021〕101号, NATIONAL_2021, from 2022) and filed for 2021 is stored with the framework of 2021
     * (NATIONAL_2020, 2020–2021), whose 一级/二级 seed 003 uses. (Fails while the page keeps the framework of the
     * year it was opened for; screenshot {@code declaration-national-2021-framework.png}.)
     */
    @Test
    void theYearTypedOnTheNewPageDecidesTheFramework() {
        Scope scope = scopes.forUser(Seeds.FILER_003);
        FormPage page = new FormPage(browser);
        browser.logIn(Seeds.FILER_003, Seeds.PASSWORD);
        browser.open("/declarations/new?layout=NATIONAL", FormPage.FORM);
        page.htmxIdle();
        assertThat(page.value("year")).as("the new page defaults to next year").isNotEqualTo(String.valueOf(YEAR));
        page.type("projectName", Seeds.uniqueName("年度与指标体系"));
        page.type("year", String.valueOf(YEAR));
        page.choose("projectAttribute", "新增项目");
        assertThat(page.saveSuccessfully()).contains("已保存");
        long id = page.idFromAddress();
        browser.screenshot("declaration-national-2021-framework");

        DeclarationDetail stored = filing.page(scope, id).detail();
        assertThat(stored.year().value()).isEqualTo(YEAR);
        assertThat(stored.frameworkCode()).as("the framework of a %d declaration", YEAR).isEqualTo("NATIONAL_2020");
    }

    private static void fill(FormPage page, Map<String, String> typedValues, String name, String value) {
        String v = value == null ? "" : value;
        page.type(name, v);
        typedValues.put(name, v);
    }
}
