package cn.perf.persistence.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.account.PasswordHasher;
import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.DeclarationService;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.demo.DemoOrganization;
import cn.perf.domain.demo.DemoSelfEvaluation2020;
import cn.perf.domain.evaluation.EvaluationIndicator;
import cn.perf.domain.evaluation.EvaluationOrigin;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.FundsIdentityViolation;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.domain.evaluation.ScoringRegimeCatalog;
import cn.perf.domain.evaluation.SelfEvaluationScoring;
import cn.perf.domain.evaluation.SelfEvaluations;
import cn.perf.domain.organization.BudgetUnits;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seed-002 demo self-evaluation against the seed itself: the test reads
 * {@code seeds/002_74ff42f95867ce14.txt} (a text extraction of the PDF: tab-separated cells, wrapped names) and
 * checks every printed value against what the demo loader stored in PostgreSQL.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({DemoOrganization.class, DemoSelfEvaluation2020.class, DeclarationService.class, cn.perf.persistence.declaration.RecordedEvents.class, SelfEvaluationScoring.class,
        ScoringRegimeCatalog.class, DemoSelfEvaluation2020Test.Hasher.class})
class DemoSelfEvaluation2020Test {

    @TestConfiguration
    static class Hasher {
        @Bean
        PasswordHasher passwordHasher() {
            return raw -> "{noop}" + raw;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern CATEGORY = Pattern.compile("(投入|产出|结果|影响力)目\\s*标\\s*\\((\\d+)分\\)");

    @Autowired
    DemoOrganization organization;
    @Autowired
    DemoSelfEvaluation2020 demo;
    @Autowired
    SelfEvaluations evaluations;
    @Autowired
    Declarations declarations;
    @Autowired
    BudgetUnits units;
    @Autowired
    EntityManager em;
    @Autowired
    JdbcTemplate jdbc;

    String seed;
    List<String> lines;

    @BeforeEach
    void readSeed() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/seeds/002_74ff42f95867ce14.txt")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        lines = Arrays.asList(seed.split("\n"));
    }

    private SelfEvaluation loaded() {
        organization.loadIfAbsent();
        demo.loadIfAbsent();
        em.flush();
        em.clear();
        Long unitId = units.findByName("苏州市信息中心").orElseThrow().id();
        Long id = jdbc.queryForObject("select id from self_evaluation where unit_id = ? and fiscal_year = 2020",
                Long.class, unitId);
        return evaluations.findById(id).orElseThrow();
    }

    /** Non-empty cells of a seed line. */
    private static List<String> cells(String line) {
        return Arrays.stream(line.split("\t")).map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    private String lineAfter(String header) {
        int i = lines.indexOf(lines.stream().filter(l -> l.startsWith(header)).findFirst().orElseThrow());
        return lines.stream().skip(i + 1).filter(l -> cells(l).stream().allMatch(c -> NUMBER.matcher(c).matches())
                && !cells(l).isEmpty()).findFirst().orElseThrow();
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    @Test
    void theHeaderAndBothFundsBlocksAreAsPrinted() {
        SelfEvaluation e = loaded();

        assertThat(seed).contains("项目名称\t\t" + e.projectName() + "\t\t\t项目年份\t" + e.year());
        assertThat(seed).contains("项目主管部门(单位)\t\t" + units.findById(e.unitId()).orElseThrow().name());
        List<String> budget = cells(lineAfter("市级预算执行情况"));
        var b = e.cityBudgetExecution().orElseThrow();
        assertThat(List.of(b.initialBudget().display(), b.adjustment().display(), b.appropriated().display(),
                b.indicatorBalance().display())).isEqualTo(budget);
        List<String> use = cells(lineAfter("市级财政资金使用情况"));
        var u = e.cityFundsUse().orElseThrow();
        assertThat(List.of(u.appropriated().display(), u.actualPaid().display(), u.balance().display(),
                u.carryover().display(), u.recovered().display())).isEqualTo(use);
    }

    @Test
    void theThirteenSubProjectsAndTheirTotalAreAsPrinted() {
        SelfEvaluation e = loaded();
        int from = lines.indexOf(lines.stream().filter(l -> l.contains("子项目名称")).findFirst().orElseThrow());
        List<String> printed = new ArrayList<>();
        String total = null;
        for (String line : lines.subList(from + 1, lines.size())) {
            List<String> c = cells(line);
            if (c.size() > 1 && c.get(0).equals("项目") && c.get(1).equals("类别")) {
                break;
            }
            if (c.size() == 2 && c.get(0).equals("合计")) {
                total = c.get(1);
            } else if (c.size() == 2) {
                printed.add(c.get(0) + "=" + c.get(1));
            }
        }
        assertThat(printed).hasSize(13);
        assertThat(e.subProjects()).extracting(s -> s.name() + "=" + s.actualAmount().wan().stripTrailingZeros()
                .toPlainString()).containsExactlyElementsOf(printed);
        assertThat(e.subProjectTotal().wan()).isEqualByComparingTo(total);
        assertThat(e.fundsFindings()).extracting(FundsIdentityViolation::identity)
                .as("the sub-projects add up; only the unsplit 260.00 balance is a finding")
                .containsExactly("资金结余、结转数 = 结转数 + 财政收回数");
    }

    /** The printed indicator rows, read from the tab-separated extraction (wrapped names joined). */
    private record PrintedRow(String category, String name, String target, String weight, String actual,
                              String score) {
    }

    private List<PrintedRow> printedRows(List<String[]> categories) {
        int from = lines.indexOf(lines.stream().filter(l -> l.startsWith("项目\t类别\t指标名称")).findFirst().orElseThrow());
        List<PrintedRow> rows = new ArrayList<>();
        String category = null;
        for (String line : lines.subList(from + 1, lines.size())) {
            List<String> c = cells(line);
            if (!c.isEmpty() && c.get(0).startsWith("合计")) {
                break;
            }
            if (c.isEmpty() || c.stream().allMatch(x -> x.matches("-+"))) {
                continue;
            }
            for (String cell : c) {
                Matcher m = CATEGORY.matcher(cell);
                if (m.find()) {
                    category = m.group(1);
                    categories.add(new String[] {m.group(1), m.group(2)});
                }
            }
            int n = c.size();
            if (n >= 5 && NUMBER.matcher(c.get(n - 1)).matches() && NUMBER.matcher(c.get(n - 3)).matches()) {
                rows.add(new PrintedRow(category, c.get(n - 5).replaceAll("\\s+", ""), c.get(n - 4), c.get(n - 3),
                        c.get(n - 2), c.get(n - 1)));
            } else {
                PrintedRow last = rows.remove(rows.size() - 1);
                rows.add(new PrintedRow(last.category(), last.name() + String.join("", c).replaceAll("\\s+", ""),
                        last.target(), last.weight(), last.actual(), last.score()));
            }
        }
        return rows;
    }

    @Test
    void all38IndicatorRowsCarryTheirPrintedTargetWeightActualAndScore() {
        SelfEvaluation e = loaded();
        List<String[]> categories = new ArrayList<>();
        List<PrintedRow> printed = printedRows(categories);

        assertThat(printed).hasSize(38);
        assertThat(e.indicators()).hasSize(38);
        for (int i = 0; i < printed.size(); i++) {
            PrintedRow p = printed.get(i);
            EvaluationIndicator row = e.indicators().get(i);
            String where = "第" + (i + 1) + "行 " + p.name();
            assertThat(row.position()).as(where).isEqualTo(i + 1);
            assertThat(row.category()).as(where).isEqualTo(p.category());
            assertThat(row.name()).as(where).isEqualTo(p.name());
            assertThat(row.target().originalText()).as(where).isEqualTo(p.target());
            assertThat(row.weight()).as(where).isEqualByComparingTo(p.weight());
            assertThat(row.actual().originalText()).as(where).isEqualTo(p.actual());
            assertThat(row.recordedScore()).as(where).isEqualByComparingTo(p.score());
            // scored on load: every row but 预算执行率 (=93% against =100%) computes to what was printed
            if (p.name().equals("预算执行率")) {
                assertThat(row.computedScore()).as(where).isEqualByComparingTo("3.90");
            } else {
                assertThat(row.computedScore()).as(where).isEqualByComparingTo(p.score());
            }
        }
        assertThat(e.indicators()).extracting(EvaluationIndicator::weight).filteredOn(w -> w.scale() == 2)
                .hasSize(38);
        assertThat(e.indicators().stream().map(EvaluationIndicator::weight).distinct().toList())
                .contains(dec("2.18"), dec("2.20"), dec("2.44"), dec("2.48"));
        assertThat(e.categories()).extracting(c -> c.name() + "=" + c.points().stripTrailingZeros().toPlainString())
                .containsExactlyElementsOf(categories.stream().map(c -> c[0] + "=" + c[1]).toList());
        assertThat(seed).contains("项目绩效实现情况\t投入目标(26分)").contains("(80分)");
        assertThat(e.totalPoints()).isEqualByComparingTo("80");
        String printedTotal = cells(lines.stream().filter(l -> l.startsWith("合计\t")).reduce((a, b) -> b)
                .orElseThrow()).get(1);
        assertThat(e.recordedTotal()).isEqualByComparingTo(printedTotal);
    }

    @Test
    void theNarrativesAreVerbatim() {
        SelfEvaluation e = loaded();
        assertThat(e.overview()).isEqualTo(narrative("项目概况"));
        assertThat(e.overallGoal()).isEqualTo(narrative("项目总目标"));
        assertThat(e.annualGoal()).isEqualTo(narrative("年度绩效目标"));
        assertThat(e.report().implementation()).isEqualTo(narrative("项目实施情况"));
        assertThat(e.report().managementResults()).isEqualTo(narrative("项目管理成效"))
                .startsWith("<p style=\"text-align: center;\">1.健全组织机构");
        assertThat(e.report().problems()).isEqualTo(narrative("项目管理存在的问题及原因"));
        assertThat(e.report().suggestions()).isEqualTo(narrative("进一步加强项目管理的建议"));
    }

    private String narrative(String label) {
        String line = lines.stream().filter(l -> l.startsWith(label + "\t")).findFirst().orElseThrow();
        return line.substring(label.length() + 1).strip();
    }

    @Test
    void itIsAnImportedSubmittedFormLinkedToAnApprovedReconstructedDeclaration() {
        SelfEvaluation e = loaded();
        assertThat(e.origin()).isEqualTo(EvaluationOrigin.IMPORTED);
        assertThat(e.status()).isEqualTo(EvaluationStatus.SUBMITTED);

        Declaration d = declarations.findById(e.declarationId()).orElseThrow();
        assertThat(d.status()).isEqualTo(DeclarationStatus.APPROVED);
        assertThat(d.projectName()).isEqualTo(e.projectName());
        assertThat(d.unitId()).isEqualTo(e.unitId());
        assertThat(d.year()).isEqualTo(e.year());
        assertThat(d.texts().otherIssues()).contains("反推重建");
        assertThat(d.subProjectTotal()).isEqualTo(e.subProjectTotal());
        assertThat(d.subProjects()).extracting(s -> s.name() + "=" + s.amount().display())
                .containsExactlyElementsOf(e.subProjects().stream()
                        .map(s -> s.name() + "=" + s.actualAmount().display()).toList());
        List<String> carried = e.indicators().stream().filter(i -> !i.category().equals("投入"))
                .map(i -> i.category() + "|" + i.name() + "|" + i.target().originalText() + "|" + i.weight())
                .toList();
        assertThat(carried).hasSize(24);
        assertThat(d.indicators().stream().filter(i -> !i.category().equals("投入"))
                .map(i -> i.category() + "|" + i.name() + "|" + i.target().originalText() + "|" + i.weight())
                .toList()).isEqualTo(carried);
    }

    @Test
    void loadingTwiceChangesNothing() {
        SelfEvaluation first = loaded();
        long rows = count();
        long version = first.version();

        organization.loadIfAbsent();
        demo.loadIfAbsent();
        em.flush();
        em.clear();

        assertThat(count()).isEqualTo(rows);
        assertThat(evaluations.findById(first.id()).orElseThrow().version()).isEqualTo(version);
        assertThat(jdbc.queryForObject("select count(*) from self_evaluation", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from declaration where project_name = '电子政务项目建设资金'",
                Long.class)).isEqualTo(1);
    }

    private long count() {
        return jdbc.queryForObject("select (select count(*) from self_evaluation) + (select count(*) from "
                + "self_evaluation_indicator) + (select count(*) from self_evaluation_sub_project) + (select count(*) "
                + "from self_evaluation_category) + (select count(*) from declaration) + (select count(*) from "
                + "declaration_indicator)", Long.class);
    }
}
