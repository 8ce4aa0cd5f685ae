package cn.perf.domain.declaration;

import cn.perf.domain.shared.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The text blocks of a 申报表, kept exactly as filed — including the {@code <p>} paragraphs the Suzhou system
 * stores. Stored text is data, never markup to render unescaped: views split paragraphs and escape them.
 * Blank blocks are null. Which block prints where:
 *
 * @param overview           项目概况 (both layouts)
 * @param establishmentBasis 项目设立依据（相关批文名称） / 项目立项的依据
 * @param necessity          项目设立的必要性 (Suzhou)
 * @param safeguards         保证项目实施的制度、措施 (Suzhou)
 * @param implementationPlan 项目实施计划 (Suzhou; the national layout has {@code Milestone} rows instead)
 * @param overallGoal        项目总目标 (Suzhou) / 长期目标 (national)
 * @param annualGoal         年度绩效目标 (Suzhou) / 年度目标 (national)
 * @param otherIssues        需要说明的其它问题 / 其他需说明的问题
 * @param unitFunctions      项目单位职能概述 (national)
 * @param feasibility        项目申报的可行性 (national)
 * @param departmentOpinion  预算部门审核意见 (national)
 */
@Embeddable
public record DeclarationTexts(
        @Column(name = "overview", columnDefinition = "text") String overview,
        @Column(name = "establishment_basis", columnDefinition = "text") String establishmentBasis,
        @Column(name = "necessity", columnDefinition = "text") String necessity,
        @Column(name = "safeguards", columnDefinition = "text") String safeguards,
        @Column(name = "implementation_plan", columnDefinition = "text") String implementationPlan,
        @Column(name = "overall_goal", columnDefinition = "text") String overallGoal,
        @Column(name = "annual_goal", columnDefinition = "text") String annualGoal,
        @Column(name = "other_issues", columnDefinition = "text") String otherIssues,
        @Column(name = "unit_functions", columnDefinition = "text") String unitFunctions,
        @Column(name = "feasibility", columnDefinition = "text") String feasibility,
        @Column(name = "department_opinion", columnDefinition = "text") String departmentOpinion) {

    public static final DeclarationTexts EMPTY = new DeclarationTexts(null, null, null, null, null, null, null, null,
            null, null, null);

    public DeclarationTexts {
        overview = Texts.block(overview, "项目概况");
        establishmentBasis = Texts.block(establishmentBasis, "立项依据");
        necessity = Texts.block(necessity, "项目设立的必要性");
        safeguards = Texts.block(safeguards, "保证项目实施的制度、措施");
        implementationPlan = Texts.block(implementationPlan, "项目实施计划");
        overallGoal = Texts.block(overallGoal, "项目总目标");
        annualGoal = Texts.block(annualGoal, "年度绩效目标");
        otherIssues = Texts.block(otherIssues, "需要说明的其它问题");
        unitFunctions = Texts.block(unitFunctions, "项目单位职能概述");
        feasibility = Texts.block(feasibility, "项目申报的可行性");
        departmentOpinion = Texts.block(departmentOpinion, "预算部门审核意见");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these texts. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.overview = overview;
        b.establishmentBasis = establishmentBasis;
        b.necessity = necessity;
        b.safeguards = safeguards;
        b.implementationPlan = implementationPlan;
        b.overallGoal = overallGoal;
        b.annualGoal = annualGoal;
        b.otherIssues = otherIssues;
        b.unitFunctions = unitFunctions;
        b.feasibility = feasibility;
        b.departmentOpinion = departmentOpinion;
        return b;
    }

    /** Builds {@link DeclarationTexts} block by block. */
    public static final class Builder {
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

        private Builder() {
        }

        public Builder overview(String text) {
            this.overview = text;
            return this;
        }

        public Builder establishmentBasis(String text) {
            this.establishmentBasis = text;
            return this;
        }

        public Builder necessity(String text) {
            this.necessity = text;
            return this;
        }

        public Builder safeguards(String text) {
            this.safeguards = text;
            return this;
        }

        public Builder implementationPlan(String text) {
            this.implementationPlan = text;
            return this;
        }

        public Builder overallGoal(String text) {
            this.overallGoal = text;
            return this;
        }

        public Builder annualGoal(String text) {
            this.annualGoal = text;
            return this;
        }

        public Builder otherIssues(String text) {
            this.otherIssues = text;
            return this;
        }

        public Builder unitFunctions(String text) {
            this.unitFunctions = text;
            return this;
        }

        public Builder feasibility(String text) {
            this.feasibility = text;
            return this;
        }

        public Builder departmentOpinion(String text) {
            this.departmentOpinion = text;
            return this;
        }

        public DeclarationTexts build() {
            return new DeclarationTexts(overview, establishmentBasis, necessity, safeguards, implementationPlan,
                    overallGoal, annualGoal, otherIssues, unitFunctions, feasibility, departmentOpinion);
        }
    }
}
