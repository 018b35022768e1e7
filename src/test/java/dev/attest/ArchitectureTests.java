package dev.attest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The fences of STYLE.md: Vaadin only in {@code ui} packages, the engine only in {@code process} and
 * {@code workflow}, internals private to their module, and no cycles between modules.
 */
@AnalyzeClasses(packages = "dev.attest", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule vaadinOnlyInUi = noClasses()
            .that().resideOutsideOfPackages("..ui..")
            .and().doNotHaveFullyQualifiedName(AttestApplication.class.getName())
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
            .because("Vaadin stays in the ui packages; services must work without a UI");

    @ArchTest
    static final ArchRule engineOnlyInProcessGlue = noClasses()
            .that().resideOutsideOfPackages("..process..", "dev.attest.workflow..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("engine types stay in process glue, so that services are testable without an engine");

    @ArchTest
    static final ArchRule caseInternalsStayInCases = internalsOf("cases");

    @ArchTest
    static final ArchRule identityInternalsStayInIdentity = internalsOf("identity");

    static ArchRule internalsOf(String module) {
        return noClasses().that().resideOutsideOfPackage("dev.attest." + module + "..")
                .should().dependOnClassesThat().resideInAPackage("dev.attest." + module + ".internal..")
                .because("a module's internal package is private to it");
    }

    @ArchTest
    static final ArchRule noCyclesBetweenModules = slices().matching("dev.attest.(*)..")
            .should().beFreeOfCycles();
}
