package cn.perf.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** perf-domain stays framework-free: Jakarta APIs yes, Spring and Hibernate no. */
@AnalyzeClasses(packages = "cn.perf.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule domainDoesNotDependOnSpring = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.hibernate..")
            .because("DESIGN.md §5: perf-domain depends on perf-scoring and Jakarta APIs only");

    @ArchTest
    static final ArchRule domainDoesNotDependOnOuterModules = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("cn.perf.persistence..", "cn.perf.web..", "cn.perf.reports..")
            .because("dependencies point inwards: web/persistence/reports → domain → scoring");
}
