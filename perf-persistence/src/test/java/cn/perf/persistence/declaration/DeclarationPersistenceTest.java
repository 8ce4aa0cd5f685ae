package cn.perf.persistence.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.declaration.BasisKind;
import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.DeclarationDetail;
import cn.perf.domain.declaration.DeclarationListRow;
import cn.perf.domain.declaration.DeclarationQueries;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.DeclarationTexts;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.FundingSourceKind;
import cn.perf.domain.declaration.FundsRequest;
import cn.perf.domain.declaration.Indicator;
import cn.perf.domain.declaration.IndicatorDraft;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.declaration.NationalHeader;
import cn.perf.domain.declaration.PriorYearFunds;
import cn.perf.domain.declaration.SignOff;
import cn.perf.domain.declaration.SubProject;
import cn.perf.domain.declaration.SuzhouHeader;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.project.Project;
import cn.perf.domain.project.Projects;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.IndicatorValue;
import cn.perf.domain.shared.Money;
import cn.perf.domain.template.FormLayout;
import cn.perf.domain.template.IndicatorFramework;
import cn.perf.domain.template.IndicatorFrameworks;
import cn.perf.domain.template.IndicatorLibrary;
import cn.perf.scoring.target.Direction;
import cn.perf.scoring.target.Operator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

@DataJpaTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class DeclarationPersistenceTest {

    static final String IT = "信息化工程及维护类";

    @Autowired
    BudgetUnits units;
    @Autowired
    Projects projects;
    @Autowired
    Declarations declarations;
    @Autowired
    DeclarationQueries queries;
    @Autowired
    IndicatorLibrary library;
    @Autowired
    IndicatorFrameworks frameworks;
    @Autowired
    EntityManager em;
    @Autowired
    JdbcTemplate jdbc;

    BudgetUnit unit;

    @BeforeEach
    void unit() {
        BudgetUnit bureau = units.save(BudgetUnit.financeBureau("测试财政局", "测试市"));
        unit = units.save(BudgetUnit.department("990239", "测试城管局", bureau.id(), "测试市"));
    }

    Project project(String name) {
        return projects.save(Project.open(unit.id(), name, IT, "市立项目", FiscalYear.of(2021)));
    }

    Declaration suzhou(String name, int subProjects, int extraIndicators) {
        Project p = project(name);
        Declaration d = Declaration.newSuzhou(unit.id(), p.id(), FiscalYear.of(2021),
                new SuzhouHeader(name, IT, "市立项目", true, false, "魏延豪", "魏延豪", "13732637755"),
                library.declarationRows(IndicatorFramework.SUZHOU_2017, IT));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < subProjects; i++) {
            names.add("子项目" + (i + 1));
            d.addSubProject("子项目" + (i + 1), Money.ofWan(new BigDecimal(i + 1).add(new BigDecimal("0.123456"))));
        }
        for (int i = 0; i < extraIndicators; i++) {
            d.addIndicator(IndicatorDraft.suzhou(i % 2 == 0 ? "产出" : "结果",
                    names.subList(i % Math.max(1, subProjects), Math.min(subProjects, i % Math.max(1, subProjects) + 3)),
                    "指标" + i, "≥" + (i + 1) + "个", "解释" + i, "来源" + i));
        }
        return d;
    }

    @Test
    void aSuzhouDeclarationRoundTripsWithEveryField() {
        Declaration d = suzhou("苏州市城管执法考核系统", 3, 0);
        d.reviseTexts(DeclarationTexts.builder().overview("<p>随着政府行政体制改革的深入</p> <p>第二段</p>")
                .establishmentBasis("2020年9月已申报").necessity("必要性").safeguards("制度").implementationPlan("计划")
                .overallGoal("总目标").annualGoal("年度目标").otherIssues("其它问题").build());
        d.recordPriorYearFunds(new PriorYearFunds(Money.ofWan("300.00"), Money.ofWan("300.00"), Money.ofWan("299.5")));
        d.reviseFundingSource(FundingSourceKind.CITY, Money.ofWan("433.60"), Money.ofWan("300"), Money.ofWan("6.370368"));
        d.orderFundingSources(List.of(FundingSourceKind.CITY, FundingSourceKind.SUBORDINATE, FundingSourceKind.OTHER,
                FundingSourceKind.SUPERIOR));
        d.addIndicator(IndicatorDraft.suzhou("产出", List.of("子项目3", "子项目1"), "建设模块数", "=6个", "建设6个功能模块",
                "项目验收报告, 项目监理报告"));
        d.addIndicator(IndicatorDraft.suzhou("结果", List.of(), "业务系统投诉率", "=5%", "投诉率", "统计"));
        d.confirmTargetDirection(11, Direction.LOWER_IS_BETTER);
        d.signOff(new SignOff("负责人甲", "填报人乙", LocalDate.of(2020, 10, 9)));
        Long id = declarations.save(d).id();
        em.flush();
        em.clear();

        Declaration loaded = declarations.findById(id).orElseThrow();
        assertThat(loaded.layout()).isEqualTo(FormLayout.SUZHOU);
        assertThat(loaded.status()).isEqualTo(DeclarationStatus.DRAFT);
        assertThat(loaded.suzhouHeader()).isEqualTo(new SuzhouHeader("苏州市城管执法考核系统", IT, "市立项目", true, false,
                "魏延豪", "魏延豪", "13732637755"));
        assertThat(loaded.texts().overview()).isEqualTo("<p>随着政府行政体制改革的深入</p> <p>第二段</p>");
        assertThat(loaded.texts().otherIssues()).isEqualTo("其它问题");
        assertThat(loaded.texts().feasibility()).isNull();
        assertThat(loaded.priorYearFunds().spent()).isEqualTo(Money.ofWan("299.50"));
        assertThat(loaded.priorYearFunds().executionRate()).isEqualByComparingTo("99.83");
        assertThat(loaded.subProjects()).extracting(SubProject::name).containsExactly("子项目1", "子项目2", "子项目3");
        assertThat(loaded.subProjects().get(2).amount().wan()).isEqualByComparingTo("3.123456");
        assertThat(loaded.subProjectTotal()).isEqualTo(Money.ofWan("6.370368"));
        assertThat(loaded.totalAmount()).isEqualTo(Money.ofWan("6.370368"));
        assertThat(loaded.fundingSources()).extracting(f -> f.kind()).containsExactly(FundingSourceKind.CITY,
                FundingSourceKind.SUBORDINATE, FundingSourceKind.OTHER, FundingSourceKind.SUPERIOR);
        assertThat(loaded.fundingTotals().totalInvestment()).isEqualTo(Money.ofWan("433.60"));
        assertThat(loaded.findings()).noneMatch(f -> f.blocking());

        List<Indicator> rows = loaded.indicators();
        assertThat(rows).hasSize(12);
        assertThat(rows.get(0).name()).isEqualTo("预算执行率");
        assertThat(rows.get(0).weight()).isEqualByComparingTo("6");
        assertThat(rows.get(0).libraryEntryId()).isNotNull();
        Indicator modules = rows.get(10);
        assertThat(modules.subProjectNames()).containsExactly("子项目3", "子项目1");
        assertThat(modules.target().originalText()).isEqualTo("=6个");
        assertThat(modules.target().operator()).isEqualTo(Operator.EQ);
        assertThat(modules.target().number()).isEqualByComparingTo("6");
        assertThat(modules.target().unit()).isEqualTo("个");
        assertThat(modules.targetBasis()).isEqualTo("项目验收报告, 项目监理报告");
        assertThat(rows.get(11).target().direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(rows.get(11).target().directionConfirmed()).isTrue();
        assertThat(rows.get(9).target().kind()).isEqualTo(IndicatorValue.Kind.QUANTITATIVE);
        assertThat(rows.get(9).target().operator()).isEqualTo(Operator.LE);
        assertThat(loaded.signOff()).isEqualTo(new SignOff("负责人甲", "填报人乙", LocalDate.of(2020, 10, 9)));
    }

    @Test
    void aNationalDeclarationRoundTripsWithBothIndicatorTablesAndMilestones() {
        Project p = projects.save(Project.open(unit.id(), "数字城管", null, "新增项目", FiscalYear.of(2020)));
        Declaration d = Declaration.newNational(unit.id(), p.id(), FiscalYear.of(2020),
                new NationalHeader("数字城管", "新增项目", "主管局", "100200", "测试城管局", "孟凡华", "0537-1234567",
                        LocalDate.of(2019, 8, 1), LocalDate.of(2021, 7, 31)), IndicatorFramework.NATIONAL_2020);
        d.requestFunds(new FundsRequest(Money.ofWan("350"), Money.ofWan("300"), Money.ofWan("20"), Money.ofWan("10"),
                Money.ofWan("20")));
        d.addMilestone("1、城市管理问题采集上报、派遣、核查、结案。", LocalDate.of(2019, 8, 1), LocalDate.of(2020, 7, 31));
        d.addIndicator(IndicatorDraft.national(IndicatorTerm.LONG_TERM, "产出指标", "成本指标", "未来2年财政支出成本", "<700万"));
        d.addIndicator(IndicatorDraft.national(IndicatorTerm.ANNUAL, "产出指标", "时效指标", "案件上报处置率", "≥85%")
                .with101Fields("%", "处置数/上报数", BasisKind.HISTORY, "2019年处置率"));
        d.reviseTexts(DeclarationTexts.builder().unitFunctions("职能").feasibility("可行").departmentOpinion("同意").build());
        d.signOff(new SignOff("王常磊", "李长洋", LocalDate.of(2019, 12, 2)));
        Long id = declarations.save(d).id();
        em.flush();
        em.clear();

        Declaration loaded = declarations.findById(id).orElseThrow();
        assertThat(loaded.nationalHeader()).isEqualTo(new NationalHeader("数字城管", "新增项目", "主管局", "100200", "测试城管局",
                "孟凡华", "0537-1234567", LocalDate.of(2019, 8, 1), LocalDate.of(2021, 7, 31)));
        assertThat(loaded.fundsRequest().ownFunds()).isEqualTo(Money.ofWan("50"));
        assertThat(loaded.totalAmount()).isEqualTo(Money.ofWan("350"));
        assertThat(loaded.milestones()).singleElement().satisfies(m -> {
            assertThat(m.content()).isEqualTo("1、城市管理问题采集上报、派遣、核查、结案。");
            assertThat(m.endOn()).isEqualTo(LocalDate.of(2020, 7, 31));
        });
        assertThat(loaded.indicators(IndicatorTerm.LONG_TERM)).singleElement().satisfies(i -> {
            assertThat(i.target().scaledNumber()).isEqualByComparingTo("7000000");
            assertThat(i.target().direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        });
        assertThat(loaded.indicators(IndicatorTerm.ANNUAL)).singleElement().satisfies(i -> {
            assertThat(i.subCategory()).isEqualTo("时效指标");
            assertThat(i.measureUnit()).isEqualTo("%");
            assertThat(i.explanation()).isEqualTo("处置数/上报数");
            assertThat(i.basisKind()).isEqualTo(BasisKind.HISTORY);
            assertThat(i.targetBasis()).isEqualTo("2019年处置率");
        });
        assertThat(loaded.texts().departmentOpinion()).isEqualTo("同意");
        assertThat(loaded.findings(frameworks.findByCode(IndicatorFramework.NATIONAL_2020).orElseThrow()))
                .noneMatch(f -> f.blocking());
    }

    @Test
    void aStaleCopyCannotOverwriteANewerOne() {
        Long id = declarations.save(suzhou("乐观锁项目", 1, 0)).id();
        em.flush();
        em.clear();

        Declaration first = declarations.findById(id).orElseThrow();
        em.detach(first);
        Declaration second = declarations.findById(id).orElseThrow();
        second.reviseTexts(DeclarationTexts.builder().overview("新的概况").build());
        em.flush();
        em.clear();

        first.reviseTexts(DeclarationTexts.builder().overview("旧的概况").build());
        assertThatThrownBy(() -> {
            em.merge(first);
            em.flush();
        }).isInstanceOf(OptimisticLockException.class);
        em.clear();
        assertThat(declarations.findById(id).orElseThrow().texts().overview()).isEqualTo("新的概况");
    }

    @Test
    void oneDeclarationPerProjectAndYear() {
        Declaration a = suzhou("唯一项目", 1, 0);
        declarations.save(a);
        em.flush();
        Declaration b = Declaration.newSuzhou(unit.id(), a.projectId(), FiscalYear.of(2021),
                new SuzhouHeader("唯一项目", IT, null, null, null, null, null, null), List.of());
        assertThatThrownBy(() -> {
            declarations.save(b);
            em.flush();
        }).hasMessageContaining("uq_declaration_project_year");
    }

    @Test
    void removingRowsDeletesThemAndKeepsPositionsDense() {
        Declaration d = suzhou("删除行项目", 3, 4);
        Long id = declarations.save(d).id();
        em.flush();
        em.clear();

        Declaration loaded = declarations.findById(id).orElseThrow();
        loaded.removeSubProject("子项目2");
        loaded.removeIndicator(0);
        em.flush();
        em.clear();

        Declaration again = declarations.findById(id).orElseThrow();
        assertThat(again.subProjects()).extracting(SubProject::name).containsExactly("子项目1", "子项目3");
        assertThat(again.indicators()).hasSize(13).extracting(Indicator::position)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 13).boxed().toList());
        assertThat(again.indicators().get(0).name()).isEqualTo("专款专用率");
        assertThat(again.indicators()).allSatisfy(i -> assertThat(i.subProjectNames()).doesNotContain("子项目2"));
        assertThat(jdbc.queryForObject("select count(*) from declaration_sub_project where declaration_id = ?",
                Integer.class, id)).isEqualTo(2);
    }

    @Test
    void loadingADeclarationTakesABoundedNumberOfStatementsWhateverItsSize() {
        Long small = declarations.save(suzhou("小项目", 1, 1)).id();
        Long big = declarations.save(suzhou("大项目", 13, 30)).id();
        em.flush();
        em.clear();
        Statistics stats = em.getEntityManagerFactory().unwrap(SessionFactory.class).getStatistics();

        stats.clear();
        DeclarationDetail detail = queries.detail(big).orElseThrow();
        long bigStatements = stats.getPrepareStatementCount();
        assertThat(detail.indicators()).hasSize(40);
        assertThat(detail.subProjects()).hasSize(13);
        assertThat(detail.indicators().get(12).subProjectNames()).containsExactly("子项目3", "子项目4", "子项目5");
        assertThat(detail.unitName()).isEqualTo("测试城管局");
        assertThat(detail.fundingSources()).hasSize(4);
        em.clear();

        stats.clear();
        queries.detail(small).orElseThrow();
        long smallStatements = stats.getPrepareStatementCount();

        assertThat(bigStatements).isLessThanOrEqualTo(5).isEqualTo(smallStatements);
        System.out.println("statements to load a declaration with 40 indicators and 13 sub-projects: " + bigStatements);
    }

    @Test
    void listPagesReadOneProjectionQuery() {
        Declaration a = declarations.save(suzhou("列表项目甲", 2, 0));
        Declaration b = declarations.save(suzhou("列表项目乙", 1, 0));
        em.flush();
        em.clear();
        Statistics stats = em.getEntityManagerFactory().unwrap(SessionFactory.class).getStatistics();
        stats.clear();

        List<DeclarationListRow> rows = queries.listByUnitAndYear(unit.id(), FiscalYear.of(2021));
        assertThat(stats.getPrepareStatementCount()).isEqualTo(1);
        assertThat(rows).extracting(DeclarationListRow::projectName).containsExactly("列表项目乙", "列表项目甲");
        DeclarationListRow first = rows.get(1);
        assertThat(first.id()).isEqualTo(a.id());
        assertThat(first.unitName()).isEqualTo("测试城管局");
        assertThat(first.year()).isEqualTo(FiscalYear.of(2021));
        assertThat(first.layout()).isEqualTo(FormLayout.SUZHOU);
        assertThat(first.status()).isEqualTo(DeclarationStatus.DRAFT);
        assertThat(first.totalAmount()).isEqualTo(Money.ofWan("3.246912"));

        assertThat(queries.listByStatus(DeclarationStatus.DRAFT)).extracting(DeclarationListRow::id)
                .contains(a.id(), b.id());
        assertThat(queries.listByProject(b.projectId())).extracting(DeclarationListRow::id).containsExactly(b.id());
        assertThat(queries.listByUnitAndYear(unit.id(), FiscalYear.of(2020))).isEmpty();
    }
}
