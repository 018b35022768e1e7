package dev.attest.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deployment guard on its own: every hostile family of {@link HostileModels} is refused naming the offending
 * element and the reason, however the file is encoded; harmless expressions and Attest's own models (the top-level
 * bpmn/ folder) pass.
 */
class DeploymentGuardTests {

    static final Set<String> BEANS = Set.of("recordTriageDelegate", "slaTimers", "closeCaseDelegate");
    final DeploymentGuard guard = new DeploymentGuard(BEANS::contains);

    static String process(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://attest.dev">
                  <bpmn:process id="Probe" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="Start" />
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(body);
    }

    List<Violation> check(String xml) {
        return guard.check("probe.bpmn", xml.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.attest.designer.HostileModels#all")
    void refusesEveryHostileFamilyNamingTheElementAndTheReason(HostileModels.Hostile hostile) {
        List<Violation> found = guard.check(hostile.resource(),
                hostile.xml().apply("Hostile").getBytes(StandardCharsets.UTF_8));
        assertThat(found).anySatisfy(v -> {
            assertThat(v.elementId()).isEqualTo(hostile.elementId());
            assertThat(v.message()).contains(hostile.message());
            assertThat(v.line()).isPositive();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.attest.designer.HostileModels#all")
    void refusesTheSameInUtf16(HostileModels.Hostile hostile) {
        String xml = hostile.xml().apply("Hostile").replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        assertThat(guard.check(hostile.resource(), xml.getBytes(StandardCharsets.UTF_16)))
                .anySatisfy(v -> assertThat(v.message()).contains(hostile.message()));
    }

    @Test
    void refusesScriptTaskNamingIt() {
        var v = check(process("""
                <bpmn:scriptTask id="Task_Script" scriptFormat="groovy"><bpmn:script>println 'x'</bpmn:script></bpmn:scriptTask>"""));
        assertThat(v).anySatisfy(x -> {
            assertThat(x.elementId()).isEqualTo("Task_Script");
            assertThat(x.message()).contains("Script tasks are not allowed");
        });
    }

    @Test
    void refusesABeanOutsideTheAllowList() {
        var v = check(process("""
                <bpmn:serviceTask id="Task_Wipe" camunda:expression="${someBean.deleteAll()}" />"""));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.elementId()).isEqualTo("Task_Wipe");
            assertThat(x.message()).contains("'someBean' is not one of Attest's process beans");
        });
    }

    @Test
    void refusesJavaClasses() {
        var v = check(process("""
                <bpmn:serviceTask id="Task_Class" camunda:class="com.example.Evil" />
                <bpmn:userTask id="Task_Listened"><bpmn:extensionElements>
                  <camunda:taskListener event="create" class="com.example.Listener" />
                </bpmn:extensionElements></bpmn:userTask>"""));
        assertThat(v).extracting(Violation::elementId).containsExactly("Task_Class", "Task_Listened");
        assertThat(v).allSatisfy(x -> assertThat(x.message()).contains("Java classes"));
    }

    @Test
    void refusesADoctypeWithExternalEntities() {
        var v = check("""
                <?xml version="1.0"?>
                <!DOCTYPE definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">
                  <bpmn:process id="P" name="&xxe;" isExecutable="true" />
                </bpmn:definitions>""");
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("DOCTYPE");
            assertThat(x.line()).isEqualTo(2);
        });
    }

    @Test
    void refusesAGroovyCondition() {
        var v = check(process("""
                <bpmn:exclusiveGateway id="Gateway_Route" />
                <bpmn:sequenceFlow id="Flow_Groovy" sourceRef="Gateway_Route" targetRef="End">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy"
                      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">execution.getProcessEngine()</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:endEvent id="End" />"""));
        assertThat(v).anySatisfy(x -> {
            assertThat(x.elementId()).isEqualTo("Flow_Groovy");
            assertThat(x.message()).contains("Script conditions are not allowed");
        });
    }

    @Test
    void refusesCamundaScriptInListenersAndMappings() {
        var v = check(process("""
                <bpmn:userTask id="Task_Mapped"><bpmn:extensionElements>
                  <camunda:inputOutput><camunda:inputParameter name="x">
                    <camunda:script scriptFormat="javascript">java.lang.Runtime.getRuntime()</camunda:script>
                  </camunda:inputParameter></camunda:inputOutput>
                </bpmn:extensionElements></bpmn:userTask>"""));
        assertThat(v).anySatisfy(x -> {
            assertThat(x.elementId()).isEqualTo("Task_Mapped");
            assertThat(x.message()).contains("camunda:script");
        });
    }

    @Test
    void refusesConnectorsUnknownDelegatesAndScriptLanguages() {
        assertThat(check(process("""
                <bpmn:serviceTask id="Task_Http"><bpmn:extensionElements><camunda:connector>
                  <camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
                </bpmn:extensionElements></bpmn:serviceTask>""")))
                .anySatisfy(x -> assertThat(x.message()).contains("Connectors"));
        assertThat(check(process("""
                <bpmn:serviceTask id="Task_Unknown" camunda:delegateExpression="${dataSource}" />""")))
                .singleElement().satisfies(x -> {
                    assertThat(x.elementId()).isEqualTo("Task_Unknown");
                    assertThat(x.message()).contains("Unknown delegate bean 'dataSource'");
                });
        assertThat(guard.check("t.dmn", """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
                  <decision id="Decision_X"><decisionTable id="T"><input id="I">
                    <inputExpression id="E" typeRef="string" expressionLanguage="javascript"><text>a</text></inputExpression>
                  </input></decisionTable></decision>
                </definitions>""".getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(x -> {
                    assertThat(x.elementId()).isEqualTo("E");
                    assertThat(x.message()).contains("Expression language 'javascript'");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${execution.getProcessEngineServices().getRuntimeService()}",
            "${execution.processEngine}",
            "${slaTimers.warning('x').getClass()}",
            "${slaTimers.warning(execution)}",
            "${''.getClass().forName('java.lang.Runtime')}",
            "${x[0]}",
            "${fn:concat('a','b')}",
            "${task}",
            "${closeCaseDelegate.clock.instant()}",
    })
    void refusesExpressionsThatReachBeyondProcessBeansAndVariables(String expression) {
        assertThat(check(process("<bpmn:userTask id=\"Task_E\" camunda:assignee=\"" + expression + "\" />")))
                .as(expression).singleElement().satisfies(x -> assertThat(x.elementId()).isEqualTo("Task_E"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${decision == 'APPROVE'}", "${round >= maxRounds}", "${!structureRecorded}", "${not empty x and y != 3}",
            "${slaTimers.breach('Task_ReviewDocument')}", "#{execution.processBusinessKey}", "${'IDENTITY'}",
            "${a > 1 ? 'x' : 'y'}", "\\${''.getClass()} is text", "Pay ${amount} by ${execution.businessKey}",
            "${slaTimers.warning(execution.processInstanceId)}", "${slaTimers.breach(round + 1 > 2 ? a : b)}",
    })
    void acceptsSimpleComparisonsAndProcessBeanCalls(String expression) {
        assertThat(check(process("<bpmn:userTask id=\"Task_E\" camunda:assignee=\"" + expression + "\" />")))
                .as(expression).isEmpty();
    }

    @Test
    void refusesOversizedEmptyAndNonModelFiles() {
        assertThat(guard.check("big.bpmn", new byte[DeploymentGuard.MAX_BYTES + 1]))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("at most"));
        assertThat(guard.check("empty.bpmn", new byte[0])).isNotEmpty();
        assertThat(guard.check("evil.groovy", "x".getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("Only BPMN"));
        assertThat(check("<bpmn:definitions")).singleElement()
                .satisfies(x -> assertThat(x.message()).startsWith("Not well-formed XML"));
    }

    @Test
    void refusesDeepNestingOfElementsAndExpressionsWithoutFallingOver() {
        String deepXml = process("<bpmn:userTask id=\"Task_Deep\"><bpmn:extensionElements>"
                + "<camunda:properties>".repeat(150) + "</camunda:properties>".repeat(150)
                + "</bpmn:extensionElements></bpmn:userTask>");
        assertThat(check(deepXml)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("nested deeper than 100"));
        String deepExpression = "${" + "(".repeat(50_000) + "a" + ")".repeat(50_000) + "}";
        assertThat(check(process("<bpmn:userTask id=\"Task_Deep\" camunda:assignee=\"" + deepExpression + "\" />")))
                .singleElement().satisfies(x -> {
                    assertThat(x.elementId()).isEqualTo("Task_Deep");
                    assertThat(x.message()).contains("nested too deeply");
                });
    }

    static Stream<Path> attestModels() throws IOException {
        return Files.list(Path.of("bpmn")).sorted();
    }

    @ParameterizedTest
    @MethodSource("attestModels")
    void attestsOwnModelsPass(Path model) throws IOException {
        DeploymentGuard real = new DeploymentGuard(name -> name.endsWith("Delegate") || name.endsWith("Listener")
                || name.endsWith("SlaClock") || Set.of("slaTimers", "marketplaceWait").contains(name));
        assertThat(real.check(model.getFileName().toString(), Files.readAllBytes(model))).isEmpty();
    }
}
