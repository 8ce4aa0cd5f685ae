package cn.perf.web.declaration;

import cn.perf.domain.declaration.BasisKind;
import cn.perf.domain.declaration.FundingSourceKind;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.template.FormLayout;
import cn.perf.scoring.target.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP shape of a 申报表 page (both layouts): every input as the text the filer typed, so that a malformed
 * amount or date is reported next to its field and re-rendered as typed. {@link DeclarationForms} turns it into
 * the domain's {@code DeclarationContent} after the shape checks and builds it back from a read model. Plain
 * getters and setters for Spring's binder (generated; no logic here).
 */
public class DeclarationForm {

    private Long id;
    private long version;
    private FormLayout layout;
    private Integer year;
    private Long unitId;
    private String frameworkCode;
    private String projectName;
    private String projectType;
    private String projectAttribute;
    private String governmentProcurement;
    private String governmentPurchasedService;
    private String projectLeader;
    private String contactPerson;
    private String contactPhone;
    private String competentDepartmentName;
    private String competentDepartmentCode;
    private String projectUnitName;
    private String periodStart;
    private String periodEnd;
    private String overview;
    private String establishmentBasis;
    private String necessity;
    private String safeguards;
    private String implementationPlan;
    private String overallGoal;
    private String annualGoal;
    private String otherIssues;
    private String unitFunctions;
    private String feasibility;
    private String departmentOpinion;
    private String priorBudgeted;
    private String priorAllocated;
    private String priorSpent;
    private String requestTotal;
    private String requestAppropriation;
    private String requestServiceRevenue;
    private String requestBusinessRevenue;
    private String requestOtherRevenue;
    private String signUnitLeader;
    private String signPreparer;
    private String signFiledOn;
    private List<SubProjectForm> subProjects = new ArrayList<>();
    private List<FundingForm> fundingSources = new ArrayList<>();
    private List<IndicatorForm> indicators = new ArrayList<>();
    private List<MilestoneForm> milestones = new ArrayList<>();

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public FormLayout getLayout() {
        return layout;
    }

    public void setLayout(FormLayout layout) {
        this.layout = layout;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public String getFrameworkCode() {
        return frameworkCode;
    }

    public void setFrameworkCode(String frameworkCode) {
        this.frameworkCode = frameworkCode;
    }

    public String getProjectName() {
        return projectName;
    }

    public void setProjectName(String projectName) {
        this.projectName = projectName;
    }

    public String getProjectType() {
        return projectType;
    }

    public void setProjectType(String projectType) {
        this.projectType = projectType;
    }

    public String getProjectAttribute() {
        return projectAttribute;
    }

    public void setProjectAttribute(String projectAttribute) {
        this.projectAttribute = projectAttribute;
    }

    public String getGovernmentProcurement() {
        return governmentProcurement;
    }

    public void setGovernmentProcurement(String governmentProcurement) {
        this.governmentProcurement = governmentProcurement;
    }

    public String getGovernmentPurchasedService() {
        return governmentPurchasedService;
    }

    public void setGovernmentPurchasedService(String governmentPurchasedService) {
        this.governmentPurchasedService = governmentPurchasedService;
    }

    public String getProjectLeader() {
        return projectLeader;
    }

    public void setProjectLeader(String projectLeader) {
        this.projectLeader = projectLeader;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public void setContactPerson(String contactPerson) {
        this.contactPerson = contactPerson;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getCompetentDepartmentName() {
        return competentDepartmentName;
    }

    public void setCompetentDepartmentName(String competentDepartmentName) {
        this.competentDepartmentName = competentDepartmentName;
    }

    public String getCompetentDepartmentCode() {
        return competentDepartmentCode;
    }

    public void setCompetentDepartmentCode(String competentDepartmentCode) {
        this.competentDepartmentCode = competentDepartmentCode;
    }

    public String getProjectUnitName() {
        return projectUnitName;
    }

    public void setProjectUnitName(String projectUnitName) {
        this.projectUnitName = projectUnitName;
    }

    public String getPeriodStart() {
        return periodStart;
    }

    public void setPeriodStart(String periodStart) {
        this.periodStart = periodStart;
    }

    public String getPeriodEnd() {
        return periodEnd;
    }

    public void setPeriodEnd(String periodEnd) {
        this.periodEnd = periodEnd;
    }

    public String getOverview() {
        return overview;
    }

    public void setOverview(String overview) {
        this.overview = overview;
    }

    public String getEstablishmentBasis() {
        return establishmentBasis;
    }

    public void setEstablishmentBasis(String establishmentBasis) {
        this.establishmentBasis = establishmentBasis;
    }

    public String getNecessity() {
        return necessity;
    }

    public void setNecessity(String necessity) {
        this.necessity = necessity;
    }

    public String getSafeguards() {
        return safeguards;
    }

    public void setSafeguards(String safeguards) {
        this.safeguards = safeguards;
    }

    public String getImplementationPlan() {
        return implementationPlan;
    }

    public void setImplementationPlan(String implementationPlan) {
        this.implementationPlan = implementationPlan;
    }

    public String getOverallGoal() {
        return overallGoal;
    }

    public void setOverallGoal(String overallGoal) {
        this.overallGoal = overallGoal;
    }

    public String getAnnualGoal() {
        return annualGoal;
    }

    public void setAnnualGoal(String annualGoal) {
        this.annualGoal = annualGoal;
    }

    public String getOtherIssues() {
        return otherIssues;
    }

    public void setOtherIssues(String otherIssues) {
        this.otherIssues = otherIssues;
    }

    public String getUnitFunctions() {
        return unitFunctions;
    }

    public void setUnitFunctions(String unitFunctions) {
        this.unitFunctions = unitFunctions;
    }

    public String getFeasibility() {
        return feasibility;
    }

    public void setFeasibility(String feasibility) {
        this.feasibility = feasibility;
    }

    public String getDepartmentOpinion() {
        return departmentOpinion;
    }

    public void setDepartmentOpinion(String departmentOpinion) {
        this.departmentOpinion = departmentOpinion;
    }

    public String getPriorBudgeted() {
        return priorBudgeted;
    }

    public void setPriorBudgeted(String priorBudgeted) {
        this.priorBudgeted = priorBudgeted;
    }

    public String getPriorAllocated() {
        return priorAllocated;
    }

    public void setPriorAllocated(String priorAllocated) {
        this.priorAllocated = priorAllocated;
    }

    public String getPriorSpent() {
        return priorSpent;
    }

    public void setPriorSpent(String priorSpent) {
        this.priorSpent = priorSpent;
    }

    public String getRequestTotal() {
        return requestTotal;
    }

    public void setRequestTotal(String requestTotal) {
        this.requestTotal = requestTotal;
    }

    public String getRequestAppropriation() {
        return requestAppropriation;
    }

    public void setRequestAppropriation(String requestAppropriation) {
        this.requestAppropriation = requestAppropriation;
    }

    public String getRequestServiceRevenue() {
        return requestServiceRevenue;
    }

    public void setRequestServiceRevenue(String requestServiceRevenue) {
        this.requestServiceRevenue = requestServiceRevenue;
    }

    public String getRequestBusinessRevenue() {
        return requestBusinessRevenue;
    }

    public void setRequestBusinessRevenue(String requestBusinessRevenue) {
        this.requestBusinessRevenue = requestBusinessRevenue;
    }

    public String getRequestOtherRevenue() {
        return requestOtherRevenue;
    }

    public void setRequestOtherRevenue(String requestOtherRevenue) {
        this.requestOtherRevenue = requestOtherRevenue;
    }

    public String getSignUnitLeader() {
        return signUnitLeader;
    }

    public void setSignUnitLeader(String signUnitLeader) {
        this.signUnitLeader = signUnitLeader;
    }

    public String getSignPreparer() {
        return signPreparer;
    }

    public void setSignPreparer(String signPreparer) {
        this.signPreparer = signPreparer;
    }

    public String getSignFiledOn() {
        return signFiledOn;
    }

    public void setSignFiledOn(String signFiledOn) {
        this.signFiledOn = signFiledOn;
    }

    public List<SubProjectForm> getSubProjects() {
        return subProjects;
    }

    public void setSubProjects(List<SubProjectForm> subProjects) {
        this.subProjects = subProjects;
    }

    public List<FundingForm> getFundingSources() {
        return fundingSources;
    }

    public void setFundingSources(List<FundingForm> fundingSources) {
        this.fundingSources = fundingSources;
    }

    public List<IndicatorForm> getIndicators() {
        return indicators;
    }

    public void setIndicators(List<IndicatorForm> indicators) {
        this.indicators = indicators;
    }

    public List<MilestoneForm> getMilestones() {
        return milestones;
    }

    public void setMilestones(List<MilestoneForm> milestones) {
        this.milestones = milestones;
    }

    /** A 子项目 row: id of the stored row (null for new), its key for 对应子项目, name, 预算金额. */
    public static class SubProjectForm {

        private Long id;
        private String key;
        private String name;
        private String amount;

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount;
        }
    }

    /** A 项目资金来源 row. */
    public static class FundingForm {

        private FundingSourceKind kind;
        private String totalInvestment;
        private String priorYear;
        private String currentYear;

        public FundingSourceKind getKind() {
            return kind;
        }

        public void setKind(FundingSourceKind kind) {
            this.kind = kind;
        }

        public String getTotalInvestment() {
            return totalInvestment;
        }

        public void setTotalInvestment(String totalInvestment) {
            this.totalInvestment = totalInvestment;
        }

        public String getPriorYear() {
            return priorYear;
        }

        public void setPriorYear(String priorYear) {
            this.priorYear = priorYear;
        }

        public String getCurrentYear() {
            return currentYear;
        }

        public void setCurrentYear(String currentYear) {
            this.currentYear = currentYear;
        }
    }

    /** An indicator row of either layout. */
    public static class IndicatorForm {

        private Long id;
        private IndicatorTerm term;
        private String category;
        private String subCategory;
        private List<String> subProjectKeys = new ArrayList<>();
        private String name;
        private String targetText;
        private Direction direction;
        private String explanation;
        private String targetBasis;
        private BasisKind basisKind;
        private String measureUnit;
        private String weight;
        private Long libraryEntryId;

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public IndicatorTerm getTerm() {
            return term;
        }

        public void setTerm(IndicatorTerm term) {
            this.term = term;
        }

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public String getSubCategory() {
            return subCategory;
        }

        public void setSubCategory(String subCategory) {
            this.subCategory = subCategory;
        }

        public List<String> getSubProjectKeys() {
            return subProjectKeys;
        }

        public void setSubProjectKeys(List<String> subProjectKeys) {
            this.subProjectKeys = subProjectKeys;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getTargetText() {
            return targetText;
        }

        public void setTargetText(String targetText) {
            this.targetText = targetText;
        }

        public Direction getDirection() {
            return direction;
        }

        public void setDirection(Direction direction) {
            this.direction = direction;
        }

        public String getExplanation() {
            return explanation;
        }

        public void setExplanation(String explanation) {
            this.explanation = explanation;
        }

        public String getTargetBasis() {
            return targetBasis;
        }

        public void setTargetBasis(String targetBasis) {
            this.targetBasis = targetBasis;
        }

        public BasisKind getBasisKind() {
            return basisKind;
        }

        public void setBasisKind(BasisKind basisKind) {
            this.basisKind = basisKind;
        }

        public String getMeasureUnit() {
            return measureUnit;
        }

        public void setMeasureUnit(String measureUnit) {
            this.measureUnit = measureUnit;
        }

        public String getWeight() {
            return weight;
        }

        public void setWeight(String weight) {
            this.weight = weight;
        }

        public Long getLibraryEntryId() {
            return libraryEntryId;
        }

        public void setLibraryEntryId(Long libraryEntryId) {
            this.libraryEntryId = libraryEntryId;
        }
    }

    /** A 实施进度 row. */
    public static class MilestoneForm {

        private Long id;
        private String content;
        private String startOn;
        private String endOn;

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public String getContent() {
            return content;
        }

        public void setContent(String content) {
            this.content = content;
        }

        public String getStartOn() {
            return startOn;
        }

        public void setStartOn(String startOn) {
            this.startOn = startOn;
        }

        public String getEndOn() {
            return endOn;
        }

        public void setEndOn(String endOn) {
            this.endOn = endOn;
        }
    }
}
