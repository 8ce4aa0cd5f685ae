package cn.perf.it.declaration;

import static cn.perf.it.declaration.Seeds.lines;
import static cn.perf.it.declaration.Seeds.typed;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationContent.IndicatorRow;
import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.ScopeResolver;
import cn.perf.domain.shared.Paragraphs;
import cn.perf.domain.template.FormLayout;
import cn.perf.it.browser.Browser;
import cn.perf.web.PerfApplication;
import java.util.ArrayList;
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
 * Seed 000 (Suzhou 2021, 苏州市城管执法考核系统) typed into an empty Suzhou 申报表 in a real Chromium, field by
 * field, as filer-001239 would: the ten 投入 rows come pre-filled from the common-indicator library (and equal the
 * seed's), the header, the eight text blocks (one paragraph per line), three 子项目 rows added with 添加一行, the
 * 资金来源 matrix, the eight further 分解目标 rows with 类别, 对应子项目 (chosen by the names just typed, before
 * anything is saved), 指标名称, 目标值, 指标解释, 目标值来源. The live checks are watched while typing (子项目 合计
 * 52.00, 本年度计划数 = 项目资金构成, how a 目标值 reads), the form is saved, the edit page reopened, and the stored
 * declaration compared with the demo seed-000 declaration field by field (all but 项目名称 and 项目年度: the unit
 * already files that project for 2021, so this one is a uniquely named project of 2030).
 * Screenshots: {@code target/screenshots/declaration-seed000-*.png}.
 */
@SpringBootTest(classes = PerfApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "perf.demo-data=true")
class FillSeed000InChromiumIT {

    static final int YEAR = 2030;
    static final String INDICATORS = "#section-indicators > tbody";
    static final String SUB_PROJECTS = "#section-subProjects > tbody";

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

    @Test
    void seed000TypedThroughThePageIsStoredFieldByField() {
        Scope scope = scopes.forUser(Seeds.FILER_000);
        DeclarationContent seed = Seeds.demo(filing, scope, Seeds.SEED_000, 2021).content();
        assertThat(seed.indicators()).as("seed 000 has 18 分解目标 rows").hasSize(18);
        FormPage page = new FormPage(browser);
        Map<String, String> typedValues = new LinkedHashMap<>();

        browser.logIn(Seeds.FILER_000, Seeds.PASSWORD);
        browser.open("/declarations/new?layout=SUZHOU", FormPage.FORM);
        page.htmxIdle();

        // the ten 投入 rows come from the library, not from typing: they equal seed 000's first ten rows
        assertThat(page.rowIds(INDICATORS)).as("an empty Suzhou form starts with the ten 投入 共性指标").hasSize(10);
        for (int i = 0; i < 10; i++) {
            IndicatorRow expected = seed.indicators().get(i);
            String p = "indicators[" + i + "].";
            assertThat(page.selectedTexts(p + "category")).as("row %d 类别", i + 1).containsExactly("投入");
            assertThat(page.value(p + "name")).as("row %d 指标名称", i + 1).isEqualTo(expected.name());
            assertThat(page.value(p + "targetText")).as("row %d 目标值", i + 1).isEqualTo(expected.targetText());
            assertThat(Paragraphs.of(page.value(p + "explanation"))).as("row %d 指标解释", i + 1)
                    .isEqualTo(Paragraphs.of(expected.explanation()));
            assertThat(page.value(p + "targetBasis")).as("row %d 目标值来源", i + 1).isEqualTo(expected.targetBasis());
        }
        // a pre-filled 目标值 is read beside its field: 15%及其以下 is "at most 15 %"
        assertThat(browser.text(By.id("reading-9"))).as("how 资金节约率 15%及其以下 reads").contains("读作：≤ 15");

        // header
        String projectName = Seeds.uniqueName(Seeds.SEED_000);
        fill(page, typedValues, "projectName", projectName);
        fill(page, typedValues, "year", String.valueOf(YEAR));
        fill(page, typedValues, "projectType", seed.projectType());
        fill(page, typedValues, "projectAttribute", seed.projectAttribute());
        page.selectValue("governmentProcurement", String.valueOf(seed.governmentProcurement()));
        page.selectValue("governmentPurchasedService", String.valueOf(seed.governmentPurchasedService()));
        fill(page, typedValues, "projectLeader", seed.projectLeader());
        fill(page, typedValues, "contactPerson", seed.contactPerson());
        fill(page, typedValues, "contactPhone", seed.contactPhone());

        // the eight text blocks, one paragraph per line
        var t = seed.texts();
        fill(page, typedValues, "overview", lines(t.overview()));
        fill(page, typedValues, "establishmentBasis", lines(t.establishmentBasis()));
        fill(page, typedValues, "necessity", lines(t.necessity()));
        fill(page, typedValues, "safeguards", lines(t.safeguards()));
        fill(page, typedValues, "implementationPlan", lines(t.implementationPlan()));
        fill(page, typedValues, "overallGoal", lines(t.overallGoal()));
        fill(page, typedValues, "annualGoal", lines(t.annualGoal()));
        fill(page, typedValues, "otherIssues", lines(t.otherIssues()));

        // 上年度市级财政资金使用情况 (empty in seed 000: a new project)
        fill(page, typedValues, "priorBudgeted", typed(seed.priorYearFunds().budgeted()));
        fill(page, typedValues, "priorAllocated", typed(seed.priorYearFunds().allocated()));
        fill(page, typedValues, "priorSpent", typed(seed.priorYearFunds().spent()));

        // 项目资金构成: one 添加一行 per 子项目; the 对应子项目 choices follow the names as they are typed
        for (DeclarationContent.SubProjectRow s : seed.subProjects()) {
            int i = page.addRow(By.id("add-subProjects"), SUB_PROJECTS);
            assertThat(browser.driver().findElements(By.id("row-subProjects-" + i))).as("new row %d", i).hasSize(1);
            fill(page, typedValues, "subProjects[" + i + "].name", s.name());
            String key = page.value("subProjects[" + i + "].key");
            browser.waitUntil("the 对应子项目 choice of row 1 to read '" + s.name() + "' before any save", d -> s.name()
                    .equals(d.findElement(By.cssSelector("select[name='indicators[0].subProjectKeys'] option[value='"
                            + key + "']")).getText().strip()) ? Boolean.TRUE : null);
            fill(page, typedValues, "subProjects[" + i + "].amount", typed(s.amount()));
        }
        page.typeAndLeave("subProjects[" + (seed.subProjects().size() - 1) + "].amount",
                typed(seed.subProjects().get(seed.subProjects().size() - 1).amount()));
        page.waitForText(By.id("check-subTotal"), "52.00");
        assertThat(browser.text(By.id("check-subTotal"))).isEqualTo("52.00");

        // 项目资金来源: the four rows in printed order, by their kind
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            kinds.add(page.value("fundingSources[" + i + "].kind"));
        }
        for (DeclarationContent.FundingRow f : seed.fundingSources()) {
            int i = kinds.indexOf(f.kind().name());
            assertThat(i).as("a 资金来源 row for %s", f.kind()).isNotNegative();
            fill(page, typedValues, "fundingSources[" + i + "].totalInvestment", typed(f.totalInvestment()));
            fill(page, typedValues, "fundingSources[" + i + "].priorYear", typed(f.priorYear()));
            if (f.currentYear() != null) {
                page.typeAndLeave("fundingSources[" + i + "].currentYear", typed(f.currentYear()));
                typedValues.put("fundingSources[" + i + "].currentYear", typed(f.currentYear()));
            }
        }
        String plan = page.waitForText(By.id("check-plan"), "本年度计划数合计 = 项目资金构成合计（52.00 万元）");
        assertThat(browser.driver().findElement(By.id("check-plan")).getDomAttribute("class")).contains("text-success");
        assertThat(browser.text(By.id("check-funding-currentYear"))).isEqualTo("52.00");
        assertThat(plan).startsWith("✓");

        // the remaining 分解目标 rows
        Map<Integer, List<String>> chosenSubProjects = new LinkedHashMap<>();
        for (int r = 10; r < seed.indicators().size(); r++) {
            IndicatorRow row = seed.indicators().get(r);
            int i = page.addRow(By.id("add-indicators-ANNUAL"), INDICATORS);
            assertThat(i).as("the new 分解目标 row's index").isEqualTo(r);
            String p = "indicators[" + i + "].";
            page.selectText(p + "category", row.category());
            List<String> names = Seeds.subProjectNames(seed, row);
            page.multiSelect(p + "subProjectKeys", names);
            chosenSubProjects.put(i, names);
            fill(page, typedValues, p + "name", row.name());
            if ("电子化考核率".equals(row.name())) {
                // the sentence beside 目标值 follows the typing: ≥ first, then the seed's =
                fill(page, typedValues, p + "targetText", "≥70%");
                page.waitForText(By.id("reading-" + i), "读作：≥ 70");
            }
            fill(page, typedValues, p + "targetText", row.targetText());
            if ("建设模块数".equals(row.name())) {
                page.waitForText(By.id("reading-" + i), "读作：= 6 个");
            }
            if ("电子化考核率".equals(row.name())) {
                page.waitForText(By.id("reading-" + i), "读作：= 70");
            }
            fill(page, typedValues, p + "explanation", lines(row.explanation()));
            fill(page, typedValues, p + "targetBasis", row.targetBasis());
        }

        // sign-off (empty in seed 000)
        fill(page, typedValues, "signUnitLeader", seed.signOff().unitLeader());
        fill(page, typedValues, "signPreparer", seed.signOff().preparer());
        fill(page, typedValues, "signFiledOn", typed(seed.signOff().filedOn()));

        // everything typed is still there (no htmx response replaced a typed value), then save
        page.htmxIdle();
        typedValues.forEach((name, value) -> assertThat(page.value(name)).as("field %s before saving", name)
                .isEqualTo(value));
        chosenSubProjects.forEach((i, names) -> assertThat(page.selectedTexts("indicators[" + i + "].subProjectKeys"))
                .as("row %d 对应子项目 before saving", i + 1).containsExactlyInAnyOrderElementsOf(names));
        assertThat(page.rowNumbers(INDICATORS)).as("分解目标 rows numbered 1…18")
                .containsExactlyElementsOf(numbers(seed.indicators().size()));
        page.fullPageScreenshot("declaration-seed000-filled");
        browser.assertNoMissingMessages();

        String saved = page.saveSuccessfully();
        assertThat(saved).contains("已保存");
        long id = page.idFromAddress();
        page.fullPageScreenshot("declaration-seed000-saved");

        // reopened, the edit page shows what was saved
        browser.open("/declarations/" + id + "/edit", FormPage.FORM);
        page.htmxIdle();
        assertThat(browser.driver().findElements(FormPage.SAVED)).as("no 已保存 on a plain reopen").isEmpty();
        assertThat(page.value("projectName")).isEqualTo(projectName);
        assertThat(page.rowIds(SUB_PROJECTS)).hasSize(3);
        assertThat(page.rowIds(INDICATORS)).hasSize(seed.indicators().size());
        assertThat(browser.text(By.id("check-subTotal"))).isEqualTo("52.00");
        chosenSubProjects.forEach((i, names) -> assertThat(page.selectedTexts("indicators[" + i + "].subProjectKeys"))
                .as("row %d 对应子项目 after reopening", i + 1).containsExactlyInAnyOrderElementsOf(names));
        browser.assertNoMissingMessages();
        browser.assertNoConsoleErrors(FormPage.NO_FAVICON);

        // the stored declaration equals seed 000, field by field
        DeclarationDetail stored = filing.page(scope, id).detail();
        assertThat(stored.layout()).isEqualTo(FormLayout.SUZHOU);
        assertThat(stored.year().value()).isEqualTo(YEAR);
        assertThat(stored.projectName()).isEqualTo(projectName);
        assertThat(stored.unitCode()).isEqualTo("001239");
        Seeds.assertSameContent(seed, stored.content());
    }

    /** Types {@code value} into {@code name} (a no-op for an empty value into an empty field) and remembers it. */
    private static void fill(FormPage page, Map<String, String> typedValues, String name, String value) {
        String v = value == null ? "" : value;
        page.type(name, v);
        typedValues.put(name, v);
    }

    private static List<String> numbers(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(String.valueOf(i));
        }
        return out;
    }
}
