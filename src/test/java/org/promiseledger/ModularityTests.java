package org.promiseledger;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on every build: feature packages (ingest, metrics, scoring, ledger, ...) never
 * import each other in a loop, the shared kernel at the bottom uses no feature, and a feature's {@code internal}
 * sub-package is used by that feature alone. A change that breaks one fails here with the classes involved, before it
 * makes every later change costlier.
 */
class ModularityTests {

    /**
     * What a package {@code ...<owner>.internal..} holds is for {@code <owner>..} only: the owner is the package that
     * contains the {@code internal} package ({@code org.promiseledger.api} for {@code api.internal},
     * {@code org.promiseledger.web.identity} for {@code web.identity.internal}, so the rest of {@code web} may not
     * use it either). Generic over every feature: a new {@code internal} package is covered without editing this rule.
     */
    static final ArchRule INTERNALS_STAY_IN_THEIR_FEATURE =
            classes().should(useNoInternalPackageOfAnotherFeature());

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

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnFeature() {
        INTERNALS_STAY_IN_THEIR_FEATURE.check(production);
    }

    @Test
    void theInternalsRuleRefusesAFeatureThatReachesIntoAnothersInternals() {
        // fixtures in src/test: owner/internal/Hidden, used by owner/Front (allowed) and by other/Intruder (refused)
        JavaClasses fixtures = new ClassFileImporter().importPackages("org.promiseledger.support.modularity");

        EvaluationResult result = INTERNALS_STAY_IN_THEIR_FEATURE.evaluate(fixtures);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .isNotEmpty()
                .allSatisfy(detail -> assertThat(detail)
                        .contains("other.Intruder")
                        .contains("owner.internal.Hidden")
                        .contains("internal package of org.promiseledger.support.modularity.owner"));
    }

    @Test
    void theInternalsRuleLetsAFeatureUseItsOwnInternals() {
        JavaClasses ownerOnly = new ClassFileImporter().importPackages("org.promiseledger.support.modularity.owner");

        assertThat(INTERNALS_STAY_IN_THEIR_FEATURE.evaluate(ownerOnly).hasViolation()).isFalse();
    }

    private static ArchCondition<JavaClass> useNoInternalPackageOfAnotherFeature() {
        return new ArchCondition<>("use no internal package of another feature") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String owner = ownerOfInternal(dependency.getTargetClass().getBaseComponentType().getPackageName());
                    if (owner != null && !isWithin(origin.getPackageName(), owner)) {
                        events.add(SimpleConditionEvent.violated(dependency,
                                dependency.getDescription() + ", an internal package of " + owner));
                    }
                }
            }
        };
    }

    /** The package that contains the innermost {@code internal} segment of {@code packageName}, or null if none. */
    static String ownerOfInternal(String packageName) {
        String[] segments = packageName.split("\\.");
        for (int i = segments.length - 1; i > 0; i--) {
            if (segments[i].equals("internal")) {
                return String.join(".", Arrays.copyOfRange(segments, 0, i));
            }
        }
        return null;
    }

    private static boolean isWithin(String packageName, String owner) {
        return packageName.equals(owner) || packageName.startsWith(owner + ".");
    }

    private static DescribedPredicate<JavaClass> productClassesOutside(String... packages) {
        return resideInAPackage("org.promiseledger..").and(not(resideInAnyPackage(packages)))
                .as("classes of Promise Ledger outside " + String.join(", ", packages));
    }
}
