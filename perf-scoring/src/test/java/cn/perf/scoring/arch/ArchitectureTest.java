package cn.perf.scoring.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.perf.scoring");

    @Test
    void scoringDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage("cn.perf.scoring..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.perf.scoring..")
                .check(MAIN);
    }

    @Test
    void mainClassesWereImported() {
        org.assertj.core.api.Assertions.assertThat(MAIN.size()).isGreaterThan(30);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("cn.perf.scoring.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
