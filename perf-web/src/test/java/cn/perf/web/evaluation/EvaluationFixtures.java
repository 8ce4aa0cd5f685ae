package cn.perf.web.evaluation;

import cn.perf.domain.declaration.Declaration;
import cn.perf.domain.declaration.DeclarationService;
import cn.perf.domain.declaration.Declarations;
import cn.perf.domain.declaration.FinanceGrade;
import cn.perf.domain.declaration.FundingSourceKind;
import cn.perf.domain.declaration.FundsRequest;
import cn.perf.domain.declaration.Indicator;
import cn.perf.domain.declaration.IndicatorDraft;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.declaration.NationalHeader;
import cn.perf.domain.declaration.SuzhouHeader;
import cn.perf.domain.organization.BudgetUnits;
import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.Money;
import cn.perf.scoring.target.Direction;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Declarations for the self-evaluation page tests, made through the domain (DESIGN.md §8: the services and the
 * aggregate's verbs, as the demo loader does): a Suzhou or national 申报表 with the given indicator rows, passing the
 * submission lint (Suzhou: two sub-projects 平台建设 30 + 系统运维 11.86 and 市级财政资金 41.86; national: 资金总额 100 =
 * 财政拨款 100), then 提交 → 主管部门审核通过 → 财政审核 优 through {@link DeclarationService}, so it is APPROVED and a
 * self-evaluation may be started from it. Shared by the evaluation page tests and the authorization matrix.
 */
public final class EvaluationFixtures {

    /** The project type whose 投入 rows the Suzhou self-evaluation takes from the library (14 rows, 26 points). */
    public static final String IT_TYPE = "信息化工程及维护类";
    /** Rows of the Suzhou self-evaluation before the declaration's own rows: the library's 投入 rows. */
    public static final int SUZHOU_INPUT_ROWS = 14;
    /** The year the fixtures' declarations are for. */
    public static final int YEAR = 2025;

    private final DeclarationService service;
    private final Declarations declarations;
    private final BudgetUnits units;
    private final TransactionTemplate tx;

    public EvaluationFixtures(DeclarationService service, Declarations declarations, BudgetUnits units,
                              PlatformTransactionManager transactions) {
        this.service = service;
        this.declarations = declarations;
        this.units = units;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * One indicator row of a test declaration.
     *
     * @param weight    权重 / 分值 as the declaration gives it, or null (the self-evaluation splits the category's points)
     * @param confirmed a direction the filer confirmed on the 目标值, or null
     */
    public record Row(String category, String subCategory, String name, String target, BigDecimal weight,
                      Direction confirmed) {

        /** A Suzhou 分解目标 row (类别 投入/产出/结果/影响力). */
        public static Row suzhou(String category, String name, String target) {
            return new Row(category, null, name, target, null, null);
        }

        /** A national 年度 row (一级指标 产出指标/效益指标/满意度指标 and its 二级指标). */
        public static Row national(String category, String subCategory, String name, String target) {
            return new Row(category, subCategory, name, target, null, null);
        }

        public Row weight(String w) {
            return new Row(category, subCategory, name, target, new BigDecimal(w), confirmed);
        }

        public Row confirmed(Direction d) {
            return new Row(category, subCategory, name, target, weight, d);
        }
    }

    public Long unitId(String unitName) {
        return units.findByName(unitName).orElseThrow(() -> new AssertionError("no unit " + unitName)).id();
    }

    /** A Suzhou draft (not submitted) of {@code unitName} with the library's 投入 rows and {@code rows}. */
    public long suzhouDraft(String unitName, String projectName, Row... rows) {
        Long id = service.startSuzhou(unitId(unitName), FiscalYear.of(YEAR),
                new SuzhouHeader(projectName, IT_TYPE, "市立项目", false, false, "张建国", "李晓梅", "0512-65109046"));
        tx.executeWithoutResult(s -> {
            Declaration d = load(id);
            d.addSubProject("平台建设", Money.ofWan("30"));
            d.addSubProject("系统运维", Money.ofWan("11.86"));
            d.reviseFundingSource(FundingSourceKind.CITY, Money.ofWan("100"), null, Money.ofWan("41.86"));
            for (Row r : rows) {
                IndicatorDraft draft = IndicatorDraft.suzhou(r.category(), List.of("平台建设"), r.name(), r.target(),
                        "指标解释：" + r.name(), "建设方案");
                Indicator added = d.addIndicator(r.weight() == null ? draft : draft.withWeight(r.weight()));
                if (r.confirmed() != null) {
                    d.confirmTargetDirection(added.position(), r.confirmed());
                }
            }
            declarations.save(d);
        });
        return id;
    }

    /** A national (NATIONAL_2020) draft of {@code unitName} with {@code rows} as its 年度 indicators. */
    public long nationalDraft(String unitName, String projectName, Row... rows) {
        return nationalDraft(unitName, projectName, "NATIONAL_2020", rows);
    }

    /** A national draft under the indicator framework {@code frameworkCode}. */
    public long nationalDraft(String unitName, String projectName, String frameworkCode, Row... rows) {
        Long id = service.startNational(unitId(unitName), FiscalYear.of(YEAR),
                new NationalHeader(projectName, NationalHeader.NEW_PROJECT, null, null, null, "王志强", null, null, null),
                frameworkCode);
        tx.executeWithoutResult(s -> {
            Declaration d = load(id);
            d.requestFunds(new FundsRequest(Money.ofWan("100"), Money.ofWan("100"), null, null, null));
            for (Row r : rows) {
                IndicatorDraft draft = IndicatorDraft.national(IndicatorTerm.ANNUAL, r.category(), r.subCategory(),
                        r.name(), r.target());
                Indicator added = d.addIndicator(r.weight() == null ? draft : draft.withWeight(r.weight()));
                if (r.confirmed() != null) {
                    d.confirmTargetDirection(added.position(), r.confirmed());
                }
            }
            declarations.save(d);
        });
        return id;
    }

    /** A Suzhou declaration of {@code unitName}, approved (财政审核 优). */
    public long approvedSuzhou(String unitName, String projectName, Row... rows) {
        long id = suzhouDraft(unitName, projectName, rows);
        approve(id);
        return id;
    }

    /** A national declaration of {@code unitName}, approved (财政审核 优). */
    public long approvedNational(String unitName, String projectName, Row... rows) {
        long id = nationalDraft(unitName, projectName, rows);
        approve(id);
        return id;
    }

    /** 提交 (the standard lint must pass). */
    public void submit(long id) {
        service.submit(id, version(id));
    }

    /** 提交 → 主管部门审核通过 → 财政审核 优. */
    public void approve(long id) {
        submit(id);
        service.approveByDepartment(id, version(id));
        service.grade(id, version(id), FinanceGrade.EXCELLENT, null);
    }

    public long version(long declarationId) {
        return Objects.requireNonNull(tx.execute(s -> load(declarationId).version()));
    }

    private Declaration load(long id) {
        return declarations.findById(id).orElseThrow(() -> new AssertionError("no declaration " + id));
    }
}
