package cn.perf.persistence.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.DeclarationRuleException;
import cn.perf.domain.declaration.DeclarationService;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.FinanceGrade;
import cn.perf.domain.declaration.FundingSourceKind;
import cn.perf.domain.declaration.Indicator;
import cn.perf.domain.declaration.IndicatorDraft;
import cn.perf.domain.declaration.NationalHeader;
import cn.perf.domain.declaration.SuzhouHeader;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.project.Projects;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.Money;
import cn.perf.domain.template.IndicatorFramework;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({DeclarationService.class, RecordedEvents.class})
class DeclarationServiceTest {

    @Autowired
    DeclarationService service;
    @Autowired
    Declarations declarations;
    @Autowired
    Projects projects;
    @Autowired
    BudgetUnits units;
    @Autowired
    EntityManager em;

    BudgetUnit unit;

    @BeforeEach
    void unit() {
        BudgetUnit bureau = units.save(BudgetUnit.financeBureau("服务测试财政局", "测试市"));
        unit = units.save(BudgetUnit.department("990276", "服务测试住建局", bureau.id(), "测试市"));
    }

    @Test
    void aNewSuzhouDeclarationOpensItsProjectAndIsPrefilledWithTheCommonInputIndicators() {
        Declaration d = declarations.findById(service.startSuzhou(unit.id(), FiscalYear.of(2022),
                new SuzhouHeader("新系统", "信息化工程及维护类", "市立项目", true, false, "甲", "乙", "65100000"))).orElseThrow();
        em.flush();
        em.clear();

        Declaration loaded = declarations.findById(d.id()).orElseThrow();
        assertThat(loaded.indicators()).hasSize(10).allSatisfy(i -> {
            assertThat(i.category()).isEqualTo("投入");
            assertThat(i.libraryEntryId()).isNotNull();
            assertThat(i.explanation()).isNotBlank();
        });
        assertThat(loaded.indicators()).extracting(Indicator::name).startsWith("预算执行率", "专款专用率");
        assertThat(projects.findByUnitIdAndName(unit.id(), "新系统")).get()
                .satisfies(p -> assertThat(p.firstYear()).isEqualTo(FiscalYear.of(2022)));
        assertThatThrownBy(() -> service.startSuzhou(unit.id(), FiscalYear.of(2022),
                new SuzhouHeader("新系统", "信息化工程及维护类", null, null, null, null, null, null)))
                .hasMessage("项目“新系统”的 2022 年度申报表已存在");
    }

    @Test
    void aContinuingProjectKeepsItsIdAcrossYears() {
        Declaration first = declarations.findById(service.startNational(unit.id(), FiscalYear.of(2020),
                new NationalHeader("数字城管", "新增项目", null, null, null, null, null, null, null),
                IndicatorFramework.NATIONAL_2020)).orElseThrow();
        Declaration second = declarations.findById(service.startNational(unit.id(), FiscalYear.of(2021),
                new NationalHeader("数字城管", "延续项目", null, null, null, null, null, null, null),
                IndicatorFramework.NATIONAL_2020)).orElseThrow();
        assertThat(second.projectId()).isEqualTo(first.projectId());
        assertThat(projects.findById(first.projectId()).orElseThrow().attribute()).isEqualTo("延续项目");
    }

    @Test
    void theWorkflowVerbsCheckTheVersionTheUserSaw() {
        Declaration d = declarations.findById(service.startSuzhou(unit.id(), FiscalYear.of(2023),
                new SuzhouHeader("工作流项目", "信息化工程及维护类", "市立项目", true, false, null, null, null))).orElseThrow();
        assertThatThrownBy(() -> service.submit(d.id(), d.version()))
                .isInstanceOf(DeclarationRuleException.class).hasMessageContaining("项目资金构成至少要有一个子项目");

        d.addSubProject("平台", Money.ofWan("10"));
        d.reviseFundingSource(FundingSourceKind.CITY, Money.ofWan("10"), null, Money.ofWan("10"));
        d.addIndicator(IndicatorDraft.suzhou("产出", List.of("平台"), "模块数", "=2个", "模块数", "验收报告"));
        em.flush();
        long seen = declarations.findById(d.id()).orElseThrow().version();

        service.submit(d.id(), seen);
        em.flush();
        assertThatThrownBy(() -> service.approveByDepartment(d.id(), seen))
                .isInstanceOf(OptimisticLockException.class).hasMessageContaining("已被他人修改");
        long now = declarations.findById(d.id()).orElseThrow().version();
        service.approveByDepartment(d.id(), now);
        em.flush();
        service.grade(d.id(), declarations.findById(d.id()).orElseThrow().version(), FinanceGrade.GOOD, "按意见调整目标值");
        em.flush();
        em.clear();
        Declaration approved = declarations.findById(d.id()).orElseThrow();
        assertThat(approved.status()).isEqualTo(DeclarationStatus.APPROVED);
        assertThat(approved.financeGrade()).isEqualTo(FinanceGrade.GOOD);
        assertThat(approved.reviewComment()).isEqualTo("按意见调整目标值");
    }
}
