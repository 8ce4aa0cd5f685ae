package cn.perf.web.evaluation;

import cn.perf.domain.evaluation.EvaluationCommands.CityBudget;
import cn.perf.domain.evaluation.EvaluationCommands.CityUse;
import cn.perf.domain.evaluation.EvaluationCommands.RecordEvaluation;
import cn.perf.domain.evaluation.EvaluationCommands.RowEntry;
import cn.perf.domain.evaluation.EvaluationCommands.Signature;
import cn.perf.domain.evaluation.EvaluationLayout;
import cn.perf.domain.evaluation.ImplementationReport;
import cn.perf.domain.evaluation.NationalFundKind;
import cn.perf.domain.evaluation.NationalFundLine;
import cn.perf.domain.evaluation.SelfEvaluationDetail;
import cn.perf.domain.shared.Money;
import cn.perf.web.shell.FormValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.Errors;

/**
 * The 自评表 edit page as typed (DESIGN.md §2.3/§2.4, §8): every value a string, so a malformed number is re-rendered
 * as typed with its message. {@link #toCommand} reads it into the domain's command ({@link FormValues} for the
 * shape); the domain checks everything else. Field paths are the domain's violation paths.
 */
public class EvaluationForm {

    /** Most rows a form may post (a bound on what one request builds). */
    public static final int MAX_ROWS = 300;

    private CityBudgetFields cityBudget = new CityBudgetFields();
    private CityUseFields cityFundsUse = new CityUseFields();
    private List<String> subProjects = new ArrayList<>();
    private List<FundFields> nationalFunds = new ArrayList<>();
    private String budgetScore;
    private List<RowFields> rows = new ArrayList<>();
    private ReportFields report = new ReportFields();
    private SignatureFields signature = new SignatureFields();

    /** The form as stored. */
    static EvaluationForm from(SelfEvaluationDetail d) {
        EvaluationForm f = new EvaluationForm();
        if (d.cityBudgetExecution() != null) {
            var b = d.cityBudgetExecution();
            f.cityBudget.initialBudget = money(b.initialBudget());
            f.cityBudget.adjustment = money(b.adjustment());
            f.cityBudget.appropriated = money(b.appropriated());
            f.cityBudget.indicatorBalance = money(b.indicatorBalance());
        }
        if (d.cityFundsUse() != null) {
            var u = d.cityFundsUse();
            f.cityFundsUse.appropriated = money(u.appropriated());
            f.cityFundsUse.actualPaid = money(u.actualPaid());
            f.cityFundsUse.balance = money(u.balance());
            f.cityFundsUse.carryover = money(u.carryover());
            f.cityFundsUse.recovered = money(u.recovered());
        }
        d.subProjects().forEach(s -> f.subProjects.add(money(s.actualAmount())));
        for (SelfEvaluationDetail.NationalFundView n : d.nationalFunds()) {
            FundFields row = new FundFields();
            row.kind = n.kind().name();
            row.initialBudget = money(n.initialBudget());
            row.annualBudget = money(n.annualBudget());
            row.executed = money(n.executed());
            f.nationalFunds.add(row);
        }
        f.budgetScore = plain(d.budgetExecutionRecordedScore());
        for (SelfEvaluationDetail.IndicatorView i : d.indicators()) {
            RowFields r = new RowFields();
            r.actual = i.actual();
            r.recordedScore = plain(i.recordedScore());
            r.deviationReason = i.deviationReason();
            f.rows.add(r);
        }
        f.report.implementation = d.report().implementation();
        f.report.managementResults = d.report().managementResults();
        f.report.problems = d.report().problems();
        f.report.suggestions = d.report().suggestions();
        f.report.goalAchievement = d.report().goalAchievement();
        f.signature.filer = d.filer();
        f.signature.unitLeader = d.unitLeader();
        f.signature.filingDate = d.filingDate() == null ? null : d.filingDate().toString();
        return f;
    }

    /**
     * The command; shape errors are rejected on {@code errors} (when not null) and the value read as blank.
     *
     * @param layout the stored form's layout (decides which blocks are read)
     */
    public RecordEvaluation toCommand(Long id, long version, EvaluationLayout layout, Errors errors) {
        FormValues v = new FormValues(errors);
        boolean suzhou = layout == EvaluationLayout.SUZHOU_2017;
        CityBudget budget = null;
        CityUse use = null;
        List<BigDecimal> amounts = new ArrayList<>();
        List<NationalFundLine> funds = null;
        if (suzhou) {
            if (!cityBudget.blank()) {
                budget = new CityBudget(v.wan("cityBudget.initialBudget", cityBudget.initialBudget),
                        v.wan("cityBudget.adjustment", cityBudget.adjustment),
                        v.wan("cityBudget.appropriated", cityBudget.appropriated),
                        v.wan("cityBudget.indicatorBalance", cityBudget.indicatorBalance));
            }
            if (!cityFundsUse.blank()) {
                use = new CityUse(v.wan("cityFundsUse.appropriated", cityFundsUse.appropriated),
                        v.wan("cityFundsUse.actualPaid", cityFundsUse.actualPaid),
                        v.wan("cityFundsUse.balance", cityFundsUse.balance),
                        v.wan("cityFundsUse.carryover", cityFundsUse.carryover),
                        v.wan("cityFundsUse.recovered", cityFundsUse.recovered));
            }
            for (int k = 0; k < subProjects.size() && k < MAX_ROWS; k++) {
                amounts.add(v.wan("subProjects[" + k + "]", subProjects.get(k)));
            }
        } else {
            funds = new ArrayList<>();
            for (int k = 0; k < nationalFunds.size() && k < NationalFundKind.values().length; k++) {
                FundFields r = nationalFunds.get(k);
                NationalFundKind kind = NationalFundKind.values()[k];
                funds.add(new NationalFundLine(kind, orZero(v.money("nationalFunds[" + k + "].initialBudget",
                        r.initialBudget)), orZero(v.money("nationalFunds[" + k + "].annualBudget", r.annualBudget)),
                        orZero(v.money("nationalFunds[" + k + "].executed", r.executed))));
            }
            if (funds.size() != NationalFundKind.values().length) {
                funds = null;
            }
        }
        BigDecimal score = suzhou ? null : v.score("budgetScore", budgetScore);
        List<RowEntry> entries = new ArrayList<>();
        for (int k = 0; k < rows.size() && k < MAX_ROWS; k++) {
            RowFields r = rows.get(k);
            entries.add(new RowEntry(k + 1, r.actual == null ? "" : r.actual.strip(),
                    v.score("rows[" + k + "].recordedScore", r.recordedScore), r.deviationReason));
        }
        ImplementationReport narratives = suzhou
                ? ImplementationReport.suzhou(v.block("report.implementation", report.implementation),
                v.block("report.managementResults", report.managementResults),
                v.block("report.problems", report.problems), v.block("report.suggestions", report.suggestions))
                : ImplementationReport.national(v.block("report.goalAchievement", report.goalAchievement));
        Signature sign = new Signature(v.shortText("signature.filer", signature.filer, 50),
                v.shortText("signature.unitLeader", signature.unitLeader, 50),
                v.date("signature.filingDate", signature.filingDate));
        return new RecordEvaluation(id, version, budget, use, amounts, funds, score, entries, narratives, sign);
    }

    private static Money orZero(Money m) {
        return m == null ? Money.ZERO : m;
    }

    private static String money(Money m) {
        return m == null ? null : m.wan().setScale(Money.DISPLAY_SCALE, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ------------------------------------------------------------------ nested field groups

    /** 市级预算执行情况. */
    public static class CityBudgetFields {
        private String initialBudget;
        private String adjustment;
        private String appropriated;
        private String indicatorBalance;

        boolean blank() {
            return EvaluationForm.blank(initialBudget) && EvaluationForm.blank(adjustment)
                    && EvaluationForm.blank(appropriated) && EvaluationForm.blank(indicatorBalance);
        }

        public String getInitialBudget() { return initialBudget; }
        public void setInitialBudget(String v) { initialBudget = v; }
        public String getAdjustment() { return adjustment; }
        public void setAdjustment(String v) { adjustment = v; }
        public String getAppropriated() { return appropriated; }
        public void setAppropriated(String v) { appropriated = v; }
        public String getIndicatorBalance() { return indicatorBalance; }
        public void setIndicatorBalance(String v) { indicatorBalance = v; }
    }

    /** 市级财政资金使用情况. */
    public static class CityUseFields {
        private String appropriated;
        private String actualPaid;
        private String balance;
        private String carryover;
        private String recovered;

        boolean blank() {
            return EvaluationForm.blank(appropriated) && EvaluationForm.blank(actualPaid)
                    && EvaluationForm.blank(balance) && EvaluationForm.blank(carryover)
                    && EvaluationForm.blank(recovered);
        }

        public String getAppropriated() { return appropriated; }
        public void setAppropriated(String v) { appropriated = v; }
        public String getActualPaid() { return actualPaid; }
        public void setActualPaid(String v) { actualPaid = v; }
        public String getBalance() { return balance; }
        public void setBalance(String v) { balance = v; }
        public String getCarryover() { return carryover; }
        public void setCarryover(String v) { carryover = v; }
        public String getRecovered() { return recovered; }
        public void setRecovered(String v) { recovered = v; }
    }

    /** One national 项目资金 row (the kind is its position). */
    public static class FundFields {
        private String kind;
        private String initialBudget;
        private String annualBudget;
        private String executed;

        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getInitialBudget() { return initialBudget; }
        public void setInitialBudget(String v) { initialBudget = v; }
        public String getAnnualBudget() { return annualBudget; }
        public void setAnnualBudget(String v) { annualBudget = v; }
        public String getExecuted() { return executed; }
        public void setExecuted(String v) { executed = v; }
    }

    /** One indicator row's 实际完成值, 自评分 / 得分, 偏差原因分析及改进措施. */
    public static class RowFields {
        private String actual;
        private String recordedScore;
        private String deviationReason;

        public String getActual() { return actual; }
        public void setActual(String v) { actual = v; }
        public String getRecordedScore() { return recordedScore; }
        public void setRecordedScore(String v) { recordedScore = v; }
        public String getDeviationReason() { return deviationReason; }
        public void setDeviationReason(String v) { deviationReason = v; }
    }

    /** The narratives. */
    public static class ReportFields {
        private String implementation;
        private String managementResults;
        private String problems;
        private String suggestions;
        private String goalAchievement;

        public String getImplementation() { return implementation; }
        public void setImplementation(String v) { implementation = v; }
        public String getManagementResults() { return managementResults; }
        public void setManagementResults(String v) { managementResults = v; }
        public String getProblems() { return problems; }
        public void setProblems(String v) { problems = v; }
        public String getSuggestions() { return suggestions; }
        public void setSuggestions(String v) { suggestions = v; }
        public String getGoalAchievement() { return goalAchievement; }
        public void setGoalAchievement(String v) { goalAchievement = v; }
    }

    /** 填报人, 单位负责人, 填报日期. */
    public static class SignatureFields {
        private String filer;
        private String unitLeader;
        private String filingDate;

        public String getFiler() { return filer; }
        public void setFiler(String v) { filer = v; }
        public String getUnitLeader() { return unitLeader; }
        public void setUnitLeader(String v) { unitLeader = v; }
        public String getFilingDate() { return filingDate; }
        public void setFilingDate(String v) { filingDate = v; }
    }

    public CityBudgetFields getCityBudget() { return cityBudget; }
    public void setCityBudget(CityBudgetFields v) { cityBudget = v; }
    public CityUseFields getCityFundsUse() { return cityFundsUse; }
    public void setCityFundsUse(CityUseFields v) { cityFundsUse = v; }
    public List<String> getSubProjects() { return subProjects; }
    public void setSubProjects(List<String> v) { subProjects = v; }
    public List<FundFields> getNationalFunds() { return nationalFunds; }
    public void setNationalFunds(List<FundFields> v) { nationalFunds = v; }
    public String getBudgetScore() { return budgetScore; }
    public void setBudgetScore(String v) { budgetScore = v; }
    public List<RowFields> getRows() { return rows; }
    public void setRows(List<RowFields> v) { rows = v; }
    public ReportFields getReport() { return report; }
    public void setReport(ReportFields v) { report = v; }
    public SignatureFields getSignature() { return signature; }
    public void setSignature(SignatureFields v) { signature = v; }
}
