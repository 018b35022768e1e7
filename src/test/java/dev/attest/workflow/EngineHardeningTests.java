package dev.attest.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.attest.AttestTest;

/**
 * Defence in depth: models deployed straight through the engine's repository service with the deployment guard
 * taken out (as an older deployment or a guard bug would reach the engine) still cannot call anything but Attest's
 * process beans, at deploy time (a timer's date) or at run time (service tasks, DMN JUEL and FEEL), and the engine's
 * own parse refuses shell tasks, Java classes and the like. Nothing is loaded, no command runs; the caller gets an
 * exception and nothing is left running.
 */
@AttestTest
class EngineHardeningTests {

    static final AtomicInteger KEYS = new AtomicInteger();
    static final Path SHELL_PROOF = Path.of("/tmp/attest-shell-ran");
    static final String TRIPWIRE = "''.getClass().forName('dev.attest.workflow.Tripwire')";

    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired DecisionService decisions;

    final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void clearTraces() throws Exception {
        System.clearProperty(Tripwire.PROPERTY);
        Files.deleteIfExists(SHELL_PROOF);
    }

    @AfterEach
    void removeDeployments() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    static String process(String key, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs_%1$s" targetNamespace="https://attest.dev">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P30D">
                %2$s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, body);
    }

    static String serviceTask(String key, String attributes) {
        return process(key, """
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Evil" />
                <bpmn:serviceTask id="Task_Evil" %s />
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Evil" targetRef="End" />
                <bpmn:endEvent id="End" />""".formatted(attributes));
    }

    /** Deploys with the guard taken out of the engine's deployers, then puts it back. */
    <T> T withoutGuard(Supplier<T> work) {
        List<Deployer> all = engine.getDeployers();
        List<Deployer> withoutGuard = all.stream()
                .filter(d -> !d.getClass().getSimpleName().equals("GuardDeployer")).toList();
        assertThat(withoutGuard).as("the guard is one of the engine's deployers").hasSize(all.size() - 1);
        engine.getDeploymentCache().setDeployers(withoutGuard);
        try {
            return work.get();
        } finally {
            engine.getDeploymentCache().setDeployers(all);
        }
    }

    String deployUnguarded(String resource, String xml) {
        Deployment d = withoutGuard(() -> repository.createDeployment().addString(resource, xml).deploy());
        deployments.add(d.getId());
        return d.getId();
    }

    @Test
    void theGuardIsReallyOutOfTheWayInTheseTests() {
        String key = "Unguarded" + KEYS.incrementAndGet();
        String xml = serviceTask(key, "camunda:expression=\"${slaTimers.breach('Task_ReviewDocument')}\" "
                + "camunda:jobPriority=\"${1}\"");
        assertThatThrownBy(() -> repository.createDeployment().addString("p.bpmn", xml).deploy())
                .as("with the guard").hasMessageContaining("camunda:jobPriority");
        deployUnguarded("p.bpmn", xml);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isOne();
    }

    @Test
    void aHostileTimerDateFailsWhenDeployedAndLoadsNoClass() {
        String key = "Unguarded" + KEYS.incrementAndGet();
        String xml = process(key, """
                <bpmn:startEvent id="Start"><bpmn:timerEventDefinition id="Timer_Evil">
                  <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${%s}</bpmn:timeDate>
                </bpmn:timerEventDefinition></bpmn:startEvent>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="End" />
                <bpmn:endEvent id="End" />""".formatted(TRIPWIRE));
        assertThatThrownBy(() -> deployUnguarded("timer.bpmn", xml)).hasStackTraceContaining("may not call getClass");
        assertThat(System.getProperty(Tripwire.PROPERTY)).as("the class was never loaded").isNull();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${" + TRIPWIRE + "}",
            "#{" + TRIPWIRE + ".getMethod('fire').invoke(null)}",
            "${execution.getProcessEngineServices().getRuntimeService()}",
            "${execution.processEngineServices}",
            "${execution.processEngine}",
            "${caseId.getClass()}",
            "${caseId.bytes}",
            "${'x'.concat('y')}",
            "${slaTimers.getClass()}",
            "${slaTimers.clock}",
            "${slaTimers.breach('Task_ReviewDocument').getClass()}",
            "${designer.deployed()}",
    })
    void aHostileExpressionFailsAtRunTimeAndCallsNothing(String expression) {
        String key = "Unguarded" + KEYS.incrementAndGet();
        deployUnguarded("p.bpmn", serviceTask(key, "camunda:expression=\"" + expression + "\""));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key, "ATT-UNGUARDED", Map.of("caseId", "C-1")))
                .as(expression).isNotNull();
        assertThat(System.getProperty(Tripwire.PROPERTY)).as("the class was never loaded").isNull();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void allowListedBeansAndExecutionPropertiesStillWork() {
        String key = "Unguarded" + KEYS.incrementAndGet();
        deployUnguarded("p.bpmn", process(key, """
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Wait" />
                <bpmn:userTask id="Task_Wait" name="${execution.processBusinessKey}"
                    camunda:dueDate="${slaTimers.breach('Task_ReviewDocument')}" />"""));
        ProcessInstance pi = runtime.startProcessInstanceByKey(key, "ATT-ALLOWED");
        var task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
        // (an assignee would show it too, but a model may assign a task only to someone who could claim it)
        assertThat(task.getName()).isEqualTo("ATT-ALLOWED");
        assertThat(task.getDueDate()).isNotNull();
        runtime.deleteProcessInstance(pi.getId(), "test");
    }

    /** Every call of a process bean's method in Attest's own models still works under the restricted resolvers. */
    @Test
    void everyBeanCallInAttestsModelsStillResolves() throws Exception {
        Set<String> calls = new TreeSet<>();
        try (var files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.toList()) {
                Matcher m = Pattern.compile("\\$\\{\\w+\\.\\w+\\([^)]*\\)}").matcher(Files.readString(file));
                while (m.find()) {
                    calls.add(m.group());
                }
            }
        }
        assertThat(calls).contains("${marketplaceWait.due()}", "${slaTimers.breach(lateTask)}");
        for (String call : calls) {
            // the escalation ladder names its task by a variable; here, a task type with an SLA policy
            String text = call.replace("(lateTask)", "('Task_ReviewDocument')");
            Object value = engine.getCommandExecutorTxRequired().execute(c -> engine.getExpressionManager()
                    .createExpression(text).getValue(StartProcessVariableScope.getSharedInstance()));
            assertThat(value).as(call).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "camunda:type=\"shell\"><bpmn:extensionElements><camunda:field name=\"command\"><camunda:string>touch</camunda:string></camunda:field><camunda:field name=\"arg1\"><camunda:string>/tmp/attest-shell-ran</camunda:string></camunda:field></bpmn:extensionElements></bpmn:serviceTask><bpmn:serviceTask id=\"Unused\"",
            "camunda:class=\"dev.attest.workflow.Tripwire\"",
            "activiti:class=\"dev.attest.workflow.Tripwire\" xmlns:activiti=\"http://activiti.org/bpmn\"",
            "camunda:type=\"external\" camunda:topic=\"x\"",
    })
    void theEngineRefusesShellTasksAndJavaClassesItself(String attributes) throws Exception {
        String key = "Unguarded" + KEYS.incrementAndGet();
        String xml = serviceTask(key, attributes);
        assertThatThrownBy(() -> deployUnguarded("p.bpmn", xml)).hasMessageContaining("Attest's engine refuses");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
        assertThat(SHELL_PROOF).doesNotExist();
        assertThat(System.getProperty(Tripwire.PROPERTY)).isNull();
    }

    @Test
    void aCaseModelIsNotDeployedAsOneBecauseCmmnIsOff() {
        String key = "UnguardedCase" + KEYS.incrementAndGet();
        deployUnguarded("c.cmmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/CMMN/20151109/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/cmmn"
                    id="Defs_%1$s" targetNamespace="https://attest.dev/cmmn">
                  <case id="%1$s" camunda:historyTimeToLive="P30D"><casePlanModel id="Plan_1">
                    <planItem id="Item_1" definitionRef="Task_1" />
                    <humanTask id="Task_1"><extensionElements>
                      <camunda:caseExecutionListener event="create" class="dev.attest.workflow.Tripwire" />
                    </extensionElements></humanTask>
                  </casePlanModel></case>
                </definitions>
                """.formatted(key));
        assertThat(repository.createCaseDefinitionQuery().caseDefinitionKey(key).count()).isZero();
        assertThat(System.getProperty(Tripwire.PROPERTY)).isNull();
    }

    @Test
    void aFormHandlerClassIsRefusedBeforeTheParserInstantiatesIt() {
        String key = "Unguarded" + KEYS.incrementAndGet();
        String xml = process(key, """
                <bpmn:startEvent id="Start" camunda:formHandlerClass="dev.attest.workflow.Tripwire" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="End" />
                <bpmn:endEvent id="End" />""");
        assertThatThrownBy(() -> deployUnguarded("p.bpmn", xml)).hasMessageContaining("camunda:formHandlerClass");
        assertThat(System.getProperty(Tripwire.PROPERTY)).isNull();
    }

    @Test
    void dmnJuelUsesTheSameResolversAndFeelHasNoExternalFunctions() {
        String key = "UnguardedDecision" + KEYS.incrementAndGet();
        deployUnguarded("d.dmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    id="Defs_%1$s" name="D" namespace="https://attest.dev/dmn">
                  <decision id="%1$s" name="D" camunda:historyTimeToLive="P30D">
                    <decisionTable id="Table_1">
                      <input id="Input_1"><inputExpression id="Expr_1" typeRef="string" expressionLanguage="juel"><text>${%2$s}</text></inputExpression></input>
                      <output id="Output_1" name="route" typeRef="string" />
                      <rule id="Rule_1"><inputEntry id="Entry_1"><text>-</text></inputEntry><outputEntry id="Out_1"><text>"A"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                  <decision id="%1$s_Feel" name="F" camunda:historyTimeToLive="P30D">
                    <variable id="Var_1" name="r" typeRef="string" />
                    <literalExpression id="Literal_1"><text>{f: function() external {java: {class: "dev.attest.workflow.Tripwire", method signature: "fire()"}}, r: f()}.r</text></literalExpression>
                  </decision>
                </definitions>
                """.formatted(key, TRIPWIRE));
        assertThatThrownBy(() -> decisions.evaluateDecisionTableByKey(key, Map.of()))
                .hasStackTraceContaining("may not call getClass");
        Object feel;
        try {
            feel = decisions.evaluateDecisionByKey(key + "_Feel").evaluate().getSingleResult().getSingleEntry();
        } catch (RuntimeException refused) {
            feel = null;
        }
        assertThat(feel).isNotEqualTo("fired");
        assertThat(System.getProperty(Tripwire.PROPERTY)).as("the class was never loaded").isNull();
    }

    @Test
    void aCalledProcessCannotBeStartedUnderAnotherCasesBusinessKey() {
        String key = "Unguarded" + KEYS.incrementAndGet();
        deployUnguarded("child.bpmn", process(key + "_Child", """
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Wait" />
                <bpmn:userTask id="Task_Wait" />"""));
        deployUnguarded("parent.bpmn", process(key, """
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Call_Evil" />
                <bpmn:callActivity id="Call_Evil" calledElement="%s_Child"><bpmn:extensionElements>
                  <camunda:in businessKey="${otherCase}" /></bpmn:extensionElements></bpmn:callActivity>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Call_Evil" targetRef="End" />
                <bpmn:endEvent id="End" />""".formatted(key)));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key, "ATT-MINE", Map.of("otherCase", "ATT-OTHER")))
                .hasStackTraceContaining("business key 'ATT-OTHER'");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("ATT-OTHER").count()).isZero();
        ProcessInstance own = runtime.startProcessInstanceByKey(key, "ATT-MINE", Map.of("otherCase", "ATT-MINE"));
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(own.getId()).singleResult()
                .getBusinessKey()).isEqualTo("ATT-MINE");
        runtime.deleteProcessInstance(own.getId(), "test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"R/PT0S", "R/PT1S", "0/1 * * * * ?", "R/1970-01-01T00:00:00Z/PT1M"})
    void aTimerCycleFasterThanAMinuteIsRefusedByTheEngine(String cycle) {
        String key = "Unguarded" + KEYS.incrementAndGet();
        deployUnguarded("p.bpmn", process(key, """
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Wait" />
                <bpmn:userTask id="Task_Wait" />
                <bpmn:boundaryEvent id="Boundary_Tick" cancelActivity="false" attachedToRef="Task_Wait">
                  <bpmn:timerEventDefinition id="Timer_Tick">
                    <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${cycle}</bpmn:timeCycle>
                  </bpmn:timerEventDefinition></bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Boundary_Tick" targetRef="End" />
                <bpmn:endEvent id="End" />"""));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key, "ATT-TICK", Map.of("cycle", cycle)))
                .as(cycle).hasStackTraceContaining("timer cycle");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
        ProcessInstance hourly = runtime.startProcessInstanceByKey(key, "ATT-TICK", Map.of("cycle", "R3/PT1H"));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(hourly.getId()).count()).isOne();
        runtime.deleteProcessInstance(hourly.getId(), "test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT59S", "R/1970-01-01T00:00:00Z/PT1S"})
    void aTimerDurationShorterThanAMinuteIsRefusedByTheEngine(String duration) {
        String key = "Unguarded" + KEYS.incrementAndGet();
        deployUnguarded("p.bpmn", process(key, """
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Wait" />
                <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition id="Timer_Wait">
                  <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${wait}</bpmn:timeDuration>
                </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Wait" targetRef="End" />
                <bpmn:endEvent id="End" />"""));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key, "ATT-WAIT", Map.of("wait", duration)))
                .as(duration).hasStackTraceContaining("timer duration");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
        ProcessInstance minute = runtime.startProcessInstanceByKey(key, "ATT-WAIT", Map.of("wait", "PT1M"));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(minute.getId()).count()).isOne();
        runtime.deleteProcessInstance(minute.getId(), "test");
    }

    static String runaway(String kind) {
        if (kind.equals("loop")) {
            return """
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Spin" />
                    <bpmn:manualTask id="Task_Spin" />
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Spin" targetRef="Gateway_Spin" />
                    <bpmn:exclusiveGateway id="Gateway_Spin" />
                    <bpmn:sequenceFlow id="Flow_3" sourceRef="Gateway_Spin" targetRef="Task_Spin" />""";
        }
        StringBuilder cascade = new StringBuilder("""
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="Flow_0" sourceRef="Start" targetRef="Fork_0" />""");
        int levels = 40;
        for (int i = 0; i < levels; i++) {
            cascade.append("""
                    <bpmn:parallelGateway id="Fork_%1$d" />
                    <bpmn:sequenceFlow id="Flow_%1$d_a" sourceRef="Fork_%1$d" targetRef="Task_%1$d" />
                    <bpmn:sequenceFlow id="Flow_%1$d_b" sourceRef="Fork_%1$d" targetRef="Task_%1$d" />
                    <bpmn:manualTask id="Task_%1$d" />
                    <bpmn:sequenceFlow id="Flow_%1$d_c" sourceRef="Task_%1$d" targetRef="%2$s" />"""
                    .formatted(i, i + 1 < levels ? "Fork_" + (i + 1) : "End"));
        }
        return cascade.append("<bpmn:endEvent id=\"End\" />").toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"loop", "cascade"})
    void aModelThatNeverWaitsIsStoppedInsteadOfFillingTheHeap(String kind) {
        String key = "Unguarded" + KEYS.incrementAndGet();
        deployUnguarded("p.bpmn", process(key, runaway(kind)));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(
                () -> runtime.startProcessInstanceByKey(key, "ATT-RUNAWAY")).hasStackTraceContaining("without waiting"));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void aMultiInstanceActivityCannotCreateMillionsOfInstances() {
        String key = "Unguarded" + KEYS.incrementAndGet();
        deployUnguarded("p.bpmn", process(key, """
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Many" />
                <bpmn:userTask id="Task_Many"><bpmn:multiInstanceLoopCharacteristics>
                  <bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">${many}</bpmn:loopCardinality>
                </bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>"""));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(
                () -> runtime.startProcessInstanceByKey(key, "ATT-MANY", Map.of("many", 50_000_000)))
                .hasStackTraceContaining("multi-instance activity of 50000000 instances"));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
        ProcessInstance few = runtime.startProcessInstanceByKey(key, "ATT-MANY", Map.of("many", 3));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(few.getId()).count()).isEqualTo(3);
        runtime.deleteProcessInstance(few.getId(), "test");
    }

    @Test
    void aProcessCallingItselfIsStopped() {
        String key = "Unguarded" + KEYS.incrementAndGet();
        deployUnguarded("p.bpmn", process(key, """
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Call_Self" />
                <bpmn:callActivity id="Call_Self" calledElement="%s"><bpmn:extensionElements>
                  <camunda:in businessKey="#{execution.processBusinessKey}" /></bpmn:extensionElements></bpmn:callActivity>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Call_Self" targetRef="End" />
                <bpmn:endEvent id="End" />""".formatted(key)));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(
                () -> runtime.startProcessInstanceByKey(key, "ATT-RECURSION")).hasStackTraceContaining("without waiting"));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void aStringDoubledFromMappingToMappingIsStoppedBeforeItFillsTheHeap() {
        String key = "Unguarded" + KEYS.incrementAndGet();
        StringBuilder chain = new StringBuilder("""
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="Flow_0" sourceRef="Start" targetRef="Task_0" />""");
        int steps = 20;
        for (int i = 0; i < steps; i++) {
            chain.append("""
                    <bpmn:manualTask id="Task_%1$d"><bpmn:extensionElements><camunda:inputOutput>
                      <camunda:outputParameter name="x">${x}${x}</camunda:outputParameter>
                    </camunda:inputOutput></bpmn:extensionElements></bpmn:manualTask>
                    <bpmn:sequenceFlow id="Flow_%2$d" sourceRef="Task_%1$d" targetRef="%3$s" />"""
                    .formatted(i, i + 1, i + 1 < steps ? "Task_" + (i + 1) : "End"));
        }
        deployUnguarded("p.bpmn", process(key, chain.append("<bpmn:endEvent id=\"End\" />").toString()));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key, "ATT-DOUBLE", Map.of("x", "ab")))
                .hasStackTraceContaining("refuses a string variable of");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void anExpressionWithManyPartsIsRefusedWhenDeployed() {
        String key = "Unguarded" + KEYS.incrementAndGet();
        String xml = serviceTask(key, "camunda:expression=\"" + "${x}".repeat(11) + "\"");
        assertThatThrownBy(() -> deployUnguarded("p.bpmn", xml)).hasStackTraceContaining("at most 10");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }
}
