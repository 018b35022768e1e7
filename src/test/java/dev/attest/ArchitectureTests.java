package dev.attest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import dev.attest.workflow.ModelCallable;

/**
 * The fences of STYLE.md: Vaadin only in {@code ui} packages, the engine only in {@code process},
 * {@code internal.engine} and {@code workflow}, a {@code process} package holding only what a model may call,
 * internals private to their module, and no cycles between modules.
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
            .that().resideOutsideOfPackages("..process..", "..internal.engine..", "dev.attest.workflow..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("engine types stay in process glue, engine adapters and the engine's configuration, so that "
                    + "services are testable without an engine");

    /**
     * A model can name any bean of a {@code process} package that {@link ModelCallable} marks, so the package holds
     * those classes and nothing else: their own nested helpers, the classes of constants naming a model's ids
     * and variables (no bean, no method), and the typed accessors of a model's variables (no bean, only static
     * methods, which no expression can name). An engine adapter belongs in {@code internal.engine}.
     */
    @ArchTest
    static final ArchRule processHoldsOnlyWhatModelsMayCall = classes()
            .that().resideInAPackage("..process..")
            .should(beModelCallableOrTheirHelpersOrModelNames())
            .because("process means what a BPMN or DMN model may call (STYLE.md); engine adapters go to "
                    + "internal.engine");

    @ArchTest
    static final ArchRule modelCallableOnlyInProcess = classes()
            .that().areAnnotatedWith(ModelCallable.class)
            .should().resideInAPackage("dev.attest.*.process")
            .andShould().beMetaAnnotatedWith(Component.class)
            .because("what a model may call is found in one place per module, and is a bean a model can name");

    @ArchTest
    static final ArchRule internalsStayInTheirModule = classes()
            .should(useNoInternalsOfOtherModules())
            .because("a module's internal packages (repositories, JPA details, engine adapters) are private to it");

    /**
     * The modules each module may use, written out so that a new edge is a decision: a change that makes one module
     * use another fails here until this table says so. {@code attest} is the root package (settings, time).
     * An edge listed here that the code no longer has fails too, so the table stays the truth.
     */
    static final Map<String, Set<String>> ALLOWED_MODULE_DEPENDENCIES = Map.ofEntries(
            Map.entry("api", Set.of("cases", "designer", "documents", "identity", "ownership", "recovery", "validation", "worklist")),
            Map.entry("audit", Set.of("identity", "ui", "validation")),
            Map.entry("cases", Set.of("audit", "export", "identity", "operations", "sla", "ui", "validation", "workflow")),
            Map.entry("communication", Set.of("audit", "cases", "operations", "ui")),
            Map.entry("dashboard", Set.of("cases", "identity", "recovery", "screening", "sla", "ui", "validation", "worklist")),
            Map.entry("demo", Set.of("cases", "documents", "identity", "ownership", "recovery", "worklist")),
            Map.entry("designer", Set.of("audit", "communication", "identity", "ui", "workflow")),
            Map.entry("documents", Set.of("attest", "audit", "cases", "communication", "identity", "sla", "ui", "validation", "workflow", "worklist")),
            Map.entry("identity", Set.of("attest", "validation")),
            Map.entry("notes", Set.of("audit", "cases", "identity", "ui", "validation", "worklist")),
            Map.entry("notifications", Set.of("cases", "communication", "documents", "identity", "notes", "sla", "ui", "validation", "worklist")),
            Map.entry("ownership", Set.of("cases", "communication", "documents", "identity", "ui", "validation", "workflow")),
            Map.entry("recovery", Set.of("audit", "cases", "communication", "documents", "identity", "sla", "ui", "validation", "workflow", "worklist")),
            Map.entry("screening", Set.of("audit", "cases", "identity", "ownership", "ui", "validation", "workflow", "worklist")),
            Map.entry("sla", Set.of("operations", "workflow")),
            Map.entry("ui", Set.of("identity", "validation")),
            Map.entry("workflow", Set.of("identity")),
            Map.entry("worklist", Set.of("audit", "cases", "export", "identity", "sla", "ui", "validation", "workflow")));

    @ArchTest
    static void moduleDependenciesAreDeclared(JavaClasses classes) {
        Map<String, Set<String>> actual = new TreeMap<>();
        for (JavaClass type : classes) {
            String from = module(type.getPackageName());
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getPackageName();
                if (target.equals("dev.attest") || target.startsWith("dev.attest.")) {
                    String to = module(target);
                    if (!to.equals(from)) {
                        actual.computeIfAbsent(from, key -> new TreeSet<>()).add(to);
                    }
                }
            }
        }
        var problems = new ArrayList<String>();
        actual.forEach((from, targets) -> targets.stream()
                .filter(to -> !ALLOWED_MODULE_DEPENDENCIES.getOrDefault(from, Set.of()).contains(to))
                .forEach(to -> problems.add(from + " -> " + to + " is used but not declared")));
        ALLOWED_MODULE_DEPENDENCIES.forEach((from, targets) -> targets.stream()
                .filter(to -> !actual.getOrDefault(from, Set.of()).contains(to))
                .forEach(to -> problems.add(from + " -> " + to + " is declared but no longer used")));
        assertThat(problems).as("module dependencies (ALLOWED_MODULE_DEPENDENCIES); actual: " + actual).isEmpty();
    }

    /** The module of a package under dev.attest: its first segment, or {@code attest} for the root package. */
    static String module(String packageName) {
        if (packageName.equals("dev.attest")) {
            return "attest";
        }
        String rest = packageName.substring("dev.attest.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @ArchTest
    static final ArchRule noCyclesBetweenModules = slices().matching("dev.attest.(*)..")
            .should().beFreeOfCycles();

    static ArchCondition<JavaClass> beModelCallableOrTheirHelpersOrModelNames() {
        return new ArchCondition<>("be @ModelCallable, a nested helper of one, or a class of a model's names") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean ok = type.getSimpleName().equals("package-info") || type.isAnnotatedWith(ModelCallable.class)
                        || nestedHelperOfModelCallable(type) || modelNames(type) || variableAccessors(type)
                        || type.getEnclosingClass().map(ArchitectureTests::variableAccessors).orElse(false)
                                && !type.isMetaAnnotatedWith(Component.class);
                events.add(new SimpleConditionEvent(type, ok, type.getName() + (ok ? " is" : " is not")
                        + " @ModelCallable, a nested helper of such a class, a final class of constants only, or a"
                        + " final class of static variable accessors"));
            }
        };
    }

    /** A type nested in a {@link ModelCallable} class (at any depth) that is no Spring bean itself. */
    static boolean nestedHelperOfModelCallable(JavaClass type) {
        if (type.isMetaAnnotatedWith(Component.class)) {
            return false;
        }
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
            if (outer.isAnnotatedWith(ModelCallable.class)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A class of a model's names, like {@code CaseIntakeProcess}: final, no annotations, only static final fields of
     * strings and primitives, and no methods or constructors but its own private one.
     */
    static boolean modelNames(JavaClass type) {
        return type.getModifiers().contains(JavaModifier.FINAL)
                && !type.getEnclosingClass().isPresent()
                && type.getAnnotations().isEmpty()
                && type.getMethods().isEmpty()
                && type.getConstructors().stream().allMatch(c -> c.getModifiers().contains(JavaModifier.PRIVATE))
                && type.getFields().stream().allMatch(ArchitectureTests::constant);
    }

    /**
     * A class of typed accessors to a model's variables, like {@code DocumentCheckVariables}: final, no annotations,
     * constants only, a private constructor, and static methods only (no bean, so no model can name it).
     */
    static boolean variableAccessors(JavaClass type) {
        return type.getModifiers().contains(JavaModifier.FINAL)
                && !type.getEnclosingClass().isPresent()
                && type.getAnnotations().isEmpty()
                && type.getSimpleName().endsWith("Variables")
                && type.getConstructors().stream().allMatch(c -> c.getModifiers().contains(JavaModifier.PRIVATE))
                && type.getFields().stream().allMatch(ArchitectureTests::constant)
                && type.getMethods().stream().allMatch(m -> m.getModifiers().contains(JavaModifier.STATIC));
    }

    static boolean constant(JavaField field) {
        return field.getModifiers().contains(JavaModifier.STATIC) && field.getModifiers().contains(JavaModifier.FINAL)
                && (field.getRawType().isPrimitive() || field.getRawType().isEquivalentTo(String.class));
    }

    private static final Pattern INTERNAL = Pattern.compile("dev\\.attest\\.([a-z]+)\\.internal(\\..*)?");

    static ArchCondition<JavaClass> useNoInternalsOfOtherModules() {
        return new ArchCondition<>("use no internal package of another module") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    Matcher internal = INTERNAL.matcher(dependency.getTargetClass().getPackageName());
                    if (internal.matches() && !type.getPackageName().equals("dev.attest." + internal.group(1))
                            && !type.getPackageName().startsWith("dev.attest." + internal.group(1) + ".")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

}
