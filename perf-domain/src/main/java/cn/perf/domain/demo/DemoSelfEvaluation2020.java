package cn.perf.domain.demo;

import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.DeclarationService;
import cn.perf.domain.declaration.DeclarationTexts;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.FinanceGrade;
import cn.perf.domain.declaration.FundingSourceKind;
import cn.perf.domain.declaration.IndicatorDraft;
import cn.perf.domain.declaration.SuzhouHeader;
import cn.perf.domain.evaluation.DeclarationCarryOver;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.ImplementationReport;
import cn.perf.domain.evaluation.IndicatorLine;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.SelfEvaluation;
import cn.perf.domain.evaluation.SelfEvaluationScoring;
import cn.perf.domain.evaluation.SelfEvaluations;
import cn.perf.domain.evaluation.SubProjectLine;
import cn.perf.domain.evaluation.SuzhouFormText;
import cn.perf.domain.organization.BudgetUnit;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.project.Projects;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.IndicatorValue;
import cn.perf.domain.template.IndicatorFramework;
import cn.perf.domain.template.IndicatorFrameworks;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Demo data, seed 002: the Suzhou 2020 自评表 of 电子政务项目建设资金 (苏州市信息中心), every value as printed, from
 * {@value #RESOURCE}. It is an imported historical form ({@link SelfEvaluation#importing}): its 资金结余、结转数 260.00
 * with 结转数 0.00 + 财政收回数 0.00 is kept and reported as a finding.
 * <p>
 * The seeds hold no 申报表 for this project, so an approved 2020 declaration is <b>reconstructed from the
 * self-evaluation</b> through the declaration API: header (项目类型 信息化工程及维护类 is inferred: the 投入 rows are the
 * IT library's), the 13 sub-projects with the printed amounts, 市级财政资金 3773 as the only funding source, the three
 * narratives the form says are generated from the 申报表, the library's 投入 rows and the 24 产出/结果/影响力 rows with
 * the printed targets and weights; then submitted, approved by the department and graded 优. Its 需要说明的其它问题
 * says it was reconstructed.
 * <p>
 * The imported form is <b>scored on load</b> ({@link SelfEvaluationScoring}, regime SUZHOU_2017 from the declaration's
 * framework): computed total 77.90 against the printed 80 (预算执行率 =93% against =100% earns 3.90, not the printed
 * 6), each row's trace, and the findings. Idempotent: nothing happens when the self-evaluation exists and is scored;
 * one that exists unscored (loaded before scoring existed) and is not yet 已确认 is scored once.
 */
@Named
public class DemoSelfEvaluation2020 implements DemoDataSet {

    static final String RESOURCE = "demo/evaluation/suzhou-2020-dianzi-zhengwu.txt";
    static final String PROJECT_TYPE = "信息化工程及维护类";
    static final String RECONSTRUCTED = "本申报表由 2020 年度绩效自评表（电子政务项目建设资金，苏州市信息中心）反推重建："
            + "原申报表不在种子表单之中，子项目、目标值与权重按自评表所印录入。";
    private static final String INPUT_CATEGORY = "投入";

    private final BudgetUnits units;
    private final Projects projects;
    private final Declarations declarations;
    private final DeclarationService declarationService;
    private final IndicatorFrameworks frameworks;
    private final SelfEvaluations evaluations;
    private final SelfEvaluationScoring scoring;

    public DemoSelfEvaluation2020(BudgetUnits units, Projects projects, Declarations declarations,
                                  DeclarationService declarationService, IndicatorFrameworks frameworks,
                                  SelfEvaluations evaluations, SelfEvaluationScoring scoring) {
        this.units = units;
        this.projects = projects;
        this.declarations = declarations;
        this.declarationService = declarationService;
        this.frameworks = frameworks;
        this.evaluations = evaluations;
        this.scoring = scoring;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    @Transactional
    public void loadIfAbsent() {
        SuzhouFormText form = SuzhouFormText.read(RESOURCE);
        BudgetUnit unit = units.findByName(form.unitName()).orElseThrow(() -> new IllegalStateException(
                "演示单位“" + form.unitName() + "”不存在：请先加载演示组织机构"));
        FiscalYear year = FiscalYear.of(form.year());
        Declaration declaration = projects.findByUnitIdAndName(unit.id(), form.projectName())
                .flatMap(p -> declarations.findByProjectIdAndYear(p.id(), year))
                .orElseGet(() -> reconstructDeclaration(unit, year, form));
        var existing = evaluations.findByDeclarationId(declaration.id());
        if (existing.isPresent()) {
            SelfEvaluation e = existing.get();
            if (e.scoredAt() == null && e.status() != EvaluationStatus.CONFIRMED) {
                scoring.score(e);
            }
            return;
        }
        SelfEvaluation imported = selfEvaluation(declaration, unit, form);
        scoring.score(imported);
        evaluations.save(imported);
    }

    private Declaration reconstructDeclaration(BudgetUnit unit, FiscalYear year, SuzhouFormText form) {
        Declaration d = declarations.findById(declarationService.startSuzhou(unit.id(), year,
                new SuzhouHeader(form.projectName(), PROJECT_TYPE, null, null, null, null, null, null)))
                .orElseThrow();
        for (SubProjectLine s : form.subProjects()) {
            d.addSubProject(s.name(), s.actualAmount());
        }
        d.reviseFundingSource(FundingSourceKind.CITY, form.subProjectTotal(), null, form.subProjectTotal());
        d.reviseTexts(DeclarationTexts.builder().overview(form.narrative("项目概况"))
                .overallGoal(form.narrative("项目总目标")).annualGoal(form.narrative("年度绩效目标"))
                .otherIssues(RECONSTRUCTED).build());
        for (SuzhouFormText.Row r : form.rows()) {
            if (!r.category().equals(INPUT_CATEGORY)) {
                d.addIndicator(IndicatorDraft.suzhou(r.category(), List.of(), r.name(), r.target(), null, null)
                        .withWeight(r.weight()));
            }
        }
        IndicatorFramework framework = frameworks.findByCode(d.frameworkCode()).orElseThrow();
        d.submit(framework);
        d.approveByDepartment();
        d.grade(FinanceGrade.EXCELLENT, null);
        return declarations.save(d);
    }

    private static SelfEvaluation selfEvaluation(Declaration declaration, BudgetUnit unit, SuzhouFormText form) {
        List<IndicatorLine> rows = form.rows().stream()
                .map(r -> new IndicatorLine(r.category(), null, r.name(), IndicatorValue.of(r.target()), r.weight(),
                        null))
                .toList();
        DeclarationCarryOver carryOver = new DeclarationCarryOver(declaration.id(), EvaluationLayout.SUZHOU_2017,
                unit.id(), null, form.projectName(), FiscalYear.of(form.year()), form.narrative("项目概况"),
                form.narrative("项目总目标"), form.narrative("年度绩效目标"), form.categories(), rows, form.subProjects());
        SelfEvaluation.FiledForm filed = SelfEvaluation.importing(carryOver)
                .cityBudgetExecution(form.cityBudgetExecution())
                .cityFundsUse(form.cityFundsUse())
                .subProjects(form.subProjects(), form.subProjectTotal())
                .report(ImplementationReport.suzhou(form.narrative("项目实施情况"), form.narrative("项目管理成效"),
                        form.narrative("项目管理存在的问题及原因"), form.narrative("进一步加强项目管理的建议")))
                .recordedTotal(form.recordedTotal());
        int position = 1;
        for (SuzhouFormText.Row r : form.rows()) {
            filed.result(position++, r.actual(), r.recordedScore(), null);
        }
        return filed.filed(Instant.now());
    }
}
