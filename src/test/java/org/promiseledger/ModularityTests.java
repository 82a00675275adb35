package org.promiseledger;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on every build: feature packages (ingest, metrics, scoring, ledger, ...) never
 * import each other in a loop, and the shared kernel at the bottom uses no feature. A change that adds a cycle fails
 * here with the classes that close it, before it makes every later change costlier.
 */
class ModularityTests {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.promiseledger");
    }

    @Test
    void featurePackagesHaveNoImportCycles() {
        slices().matching("org.promiseledger.(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void sharedKernelUsesNoFeature() {
        noClasses().that().resideInAPackage("org.promiseledger.kernel..")
                .should().dependOnClassesThat(productClassesOutside("org.promiseledger.kernel..", "org.promiseledger.period.."))
                .check(production);
    }

    @Test
    void periodUsesNothingElseOfTheProduct() {
        noClasses().that().resideInAPackage("org.promiseledger.period..")
                .should().dependOnClassesThat(productClassesOutside("org.promiseledger.period.."))
                .check(production);
    }

    private static DescribedPredicate<JavaClass> productClassesOutside(String... packages) {
        return resideInAPackage("org.promiseledger..").and(not(resideInAnyPackage(packages)))
                .as("classes of Promise Ledger outside " + String.join(", ", packages));
    }
}
