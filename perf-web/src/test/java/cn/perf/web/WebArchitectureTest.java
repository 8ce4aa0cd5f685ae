package cn.perf.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * perf-web talks to the domain's use cases and read models only: never to JPA, Spring Data, the persistence
 * module (which it has at runtime scope only), nor the domain's repository ports. DESIGN.md §5.
 */
@AnalyzeClasses(packages = "cn.perf", importOptions = ImportOption.DoNotIncludeTests.class)
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
    static final ArchRule webDoesNotUseRepositoryPorts = noClasses().that().resideInAPackage("cn.perf.web..")
            .should().dependOnClassesThat(repositoryPorts())
            .because("repository ports (domain interfaces that Spring Data implements) are for use-case services");

    @ArchTest
    static final ArchRule webNeverSeesEntities = noClasses().that().resideInAPackage("cn.perf.web..")
            .should().dependOnClassesThat().areAnnotatedWith("jakarta.persistence.Entity")
            .because("pages bind to form objects and read projections (DESIGN.md §8): an entity edited outside "
                    + "its transaction is silently dropped");

    /** Domain interfaces that some Spring Data repository in perf-persistence extends. */
    private static DescribedPredicate<JavaClass> repositoryPorts() {
        return DescribedPredicate.describe("are repository ports implemented by Spring Data",
                c -> c.isInterface() && c.getPackageName().startsWith("cn.perf.domain")
                        && c.getAllSubclasses().stream().anyMatch(sub -> sub.isInterface()
                        && sub.getPackageName().startsWith("cn.perf.persistence")
                        && sub.isAssignableTo("org.springframework.data.repository.Repository")));
    }
}
