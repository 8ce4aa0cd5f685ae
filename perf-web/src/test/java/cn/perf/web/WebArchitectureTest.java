package cn.perf.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * perf-web talks to the domain's use cases and read models only: never to JPA, Spring Data repositories or
 * the persistence module (which it has at runtime scope only). DESIGN.md §5.
 */
@AnalyzeClasses(packages = "cn.perf.web", importOptions = ImportOption.DoNotIncludeTests.class)
class WebArchitectureTest {

    @ArchTest
    static final ArchRule webNeverTouchesPersistence = noClasses().that().resideInAPackage("cn.perf.web..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "cn.perf.persistence..",
                    "org.springframework.data.repository..",
                    "org.springframework.data.jpa..",
                    "jakarta.persistence..",
                    "org.hibernate..")
            .because("controllers never see repositories: they call domain use cases and read projections");

    @ArchTest
    static final ArchRule webDoesNotReachIntoDomainRepositoryPorts = noClasses().that()
            .resideInAPackage("cn.perf.web..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .because("repository ports are for use-case services, not for controllers");
}
