package dev.attest.designer;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The catalogue of hostile models the deployment guard must refuse, one family per row, shared by the guard's own
 * test and by the tests of each route a model can take to the engine (designer Validate/Deploy, the designer API,
 * the engine's repository service as the class-path deployment at start-up uses it).
 */
final class HostileModels {

    /** A process bean that exists in the application and in {@link DeploymentGuardTests}'s allow-list. */
    static final String BEAN = "slaTimers";

    /** What a BPMN model that runs a command through reflection would evaluate. */
    static final String REFLECTION = "''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch /tmp/attest-pwned')";

    /**
     * One hostile model.
     *
     * @param resource the file name it is deployed as
     * @param xml the file, given a fresh process or decision key
     * @param elementId the id the refusal must name (null: the whole file)
     * @param message what the refusal must say
     * @param onlyWithModelCallable refused by the Spring routes only once process beans are marked explicitly
     */
    record Hostile(String resource, UnaryOperator<String> xml, String elementId, String message,
            boolean onlyWithModelCallable) {
    }

    private HostileModels() {
    }

    static String process(String key, String body) {
        return process(key, "", body);
    }

    static String process(String key, String namespaces, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" %3$s
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs_%1$s" targetNamespace="https://attest.dev">
                  <bpmn:process id="%1$s" name="Hostile probe" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Check" />
                    <bpmn:userTask id="Task_Check" name="Check" camunda:candidateGroups="analyst" />
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Check" targetRef="End" />
                    <bpmn:endEvent id="End" />
                %2$s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, body, namespaces);
    }

    static String decision(String key, String table) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    id="Defs_%1$s" name="Hostile" namespace="https://attest.dev/dmn">
                  <decision id="%1$s" name="Hostile" camunda:historyTimeToLive="P30D">
                %2$s
                  </decision>
                </definitions>
                """.formatted(key, table);
    }

    static String table(String inputExpression) {
        return """
                <decisionTable id="Table_Evil">
                  <input id="Input_Evil"><inputExpression id="Expr_Evil" typeRef="string"%s</inputExpression></input>
                  <output id="Output_1" name="route" typeRef="string" />
                  <rule id="Rule_1"><inputEntry id="Entry_1"><text>-</text></inputEntry><outputEntry id="Out_1"><text>"A"</text></outputEntry></rule>
                </decisionTable>""".formatted(inputExpression);
    }

    static String mapping(String text) {
        return """
                <bpmn:userTask id="Task_Evil"><bpmn:extensionElements><camunda:inputOutput>
                  <camunda:inputParameter name="x">%s</camunda:inputParameter>
                </camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>""".formatted(text);
    }

    static String assignee(String expression) {
        return "<bpmn:userTask id=\"Task_Evil\" camunda:assignee=\"" + expression + "\" />";
    }

    static Hostile bpmn(String body, String elementId, String message) {
        return new Hostile("hostile.bpmn", key -> process(key, body), elementId, message, false);
    }

    static Arguments row(String name, Hostile hostile) {
        return Arguments.of(Named.of(name, hostile));
    }

    /** Every family, named. */
    static Stream<Arguments> all() {
        return List.of(
                row("shell task (camunda:type=shell, command in camunda:field)", bpmn("""
                        <bpmn:serviceTask id="Task_Evil" camunda:type="shell"><bpmn:extensionElements>
                          <camunda:field name="command"><camunda:string>touch</camunda:string></camunda:field>
                          <camunda:field name="arg1"><camunda:string>/tmp/attest-pwned</camunda:string></camunda:field>
                        </bpmn:extensionElements></bpmn:serviceTask>""", "Task_Evil", "camunda:type=\"shell\"")),
                row("camunda:field alone", bpmn("""
                        <bpmn:serviceTask id="Task_Evil" camunda:delegateExpression="${closeCaseDelegate}"><bpmn:extensionElements>
                          <camunda:field name="x" stringValue="y" /></bpmn:extensionElements></bpmn:serviceTask>""",
                        "Task_Evil", "camunda:field")),
                row("external task (camunda:type=external)", bpmn("""
                        <bpmn:serviceTask id="Task_Evil" camunda:type="external" camunda:topic="t" />""",
                        "Task_Evil", "camunda:type=\"external\"")),
                row("connector", bpmn("""
                        <bpmn:serviceTask id="Task_Evil"><bpmn:extensionElements><camunda:connector>
                          <camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
                        </bpmn:extensionElements></bpmn:serviceTask>""", "Task_Evil", "Connectors")),
                row("expression split by a comment", bpmn(mapping("$<!-- hidden -->{" + REFLECTION + "}"),
                        "Task_Evil", "Chained calls")),
                row("expression split by CDATA", bpmn(mapping("$<![CDATA[{]]>" + REFLECTION + "}"),
                        "Task_Evil", "Chained calls")),
                row("expression split by a processing instruction", bpmn(mapping("$<?pi x?>{" + REFLECTION + "}"),
                        "Task_Evil", "Chained calls")),
                row("expression behind a character reference", bpmn(assignee("&#36;{" + REFLECTION + "}"),
                        "Task_Evil", "Chained calls")),
                row("expression behind a hex character reference and #{", bpmn(assignee("&#x23;&#x7b;" + REFLECTION + "}"),
                        "Task_Evil", "Chained calls")),
                row("entity declaration", new Hostile("hostile.bpmn", key -> process(key, "")
                        .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE d [<!ENTITY d \"$\">]>"),
                        null, "DOCTYPE", false)),
                row("getClass().forName chain", bpmn(assignee("${" + REFLECTION + "}"), "Task_Evil", "Chained calls")),
                row("method on a literal", bpmn(assignee("${'x'.concat('y')}"), "Task_Evil", "on the literal")),
                row("method on a variable", bpmn(assignee("${caseId.getClass()}"), "Task_Evil",
                        "'caseId' is not one of Attest's process beans")),
                row("method on a result", bpmn(assignee("${" + BEAN + ".warning('x').getClass()}"), "Task_Evil",
                        "Chained calls")),
                row("getClass on a process bean", bpmn(assignee("${" + BEAN + ".getClass()}"), "Task_Evil",
                        "getClass() may not be called")),
                row("property of a process bean", bpmn(assignee("${" + BEAN + ".clock}"), "Task_Evil",
                        "not properties read")),
                row("property of a variable", bpmn(assignee("${caseId.bytes}"), "Task_Evil",
                        "Methods and properties may be used only on Attest's process beans")),
                row("the engine through the execution", bpmn(assignee(
                        "${execution.getProcessEngineServices().getRuntimeService()}"), "Task_Evil", "Chained calls")),
                row("an execution property outside the list", bpmn(assignee("${execution.processEngine}"),
                        "Task_Evil", "not execution.processEngine")),
                row("the execution passed to a bean", bpmn(assignee("${" + BEAN + ".warning(execution)}"),
                        "Task_Evil", "The engine object 'execution'")),
                row("the task object", bpmn(assignee("${task}"), "Task_Evil", "The engine object 'task'")),
                row("a call as an argument", bpmn(assignee("${" + BEAN + ".warning(" + BEAN + ".breach('x'))}"),
                        "Task_Evil", "not calls")),
                row("bracket access", bpmn(assignee("${caseId['class']}"), "Task_Evil", "Indexing with [ ]")),
                row("fn: function", bpmn(assignee("${fn:concat('a','b')}"), "Task_Evil", "The function fn:concat")),
                row("engine function now()", bpmn(assignee("${now()}"), "Task_Evil", "The function now")),
                row("lambda", bpmn(assignee("${(x -&gt; x)(1)}"), "Task_Evil", "does not parse")),
                row("assignment", bpmn(assignee("${caseId = 'x'}"), "Task_Evil", "does not parse")),
                row("statements", bpmn(assignee("${a; b}"), "Task_Evil", "does not parse")),
                row("deferred #{} chain", bpmn(assignee("#{" + REFLECTION + "}"), "Task_Evil", "Chained calls")),
                row("formHandlerClass", bpmn("""
                        <bpmn:userTask id="Task_Evil" camunda:formHandlerClass="com.example.Evil" />""",
                        "Task_Evil", "Java classes (camunda:formHandlerClass")),
                row("constraint naming a validator class", bpmn("""
                        <bpmn:userTask id="Task_Evil"><bpmn:extensionElements><camunda:formData>
                          <camunda:formField id="f" label="F" type="string"><camunda:validation>
                            <camunda:constraint name="validator" config="com.example.Evil" />
                          </camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask>""",
                        "Task_Evil", "form validator 'validator'")),
                row("constraint named by a class", bpmn("""
                        <bpmn:userTask id="Task_Evil"><bpmn:extensionElements><camunda:formData>
                          <camunda:formField id="f" label="F" type="string"><camunda:validation>
                            <camunda:constraint name="com.example.Evil" />
                          </camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask>""",
                        "Task_Evil", "form validator 'com.example.Evil'")),
                row("camunda:class", bpmn("<bpmn:serviceTask id=\"Task_Evil\" camunda:class=\"java.lang.Runtime\" />",
                        "Task_Evil", "Java classes (camunda:class")),
                row("listener class", bpmn("""
                        <bpmn:userTask id="Task_Evil"><bpmn:extensionElements>
                          <camunda:taskListener event="create" class="com.example.Listener" />
                        </bpmn:extensionElements></bpmn:userTask>""", "Task_Evil", "Java classes (class=")),
                row("variableMappingClass", bpmn("""
                        <bpmn:callActivity id="Task_Evil" calledElement="X" camunda:variableMappingClass="com.example.M" />""",
                        "Task_Evil", "Java classes (camunda:variableMappingClass")),
                row("delegate expression naming a bean outside the allow-list", bpmn("""
                        <bpmn:serviceTask id="Task_Evil" camunda:delegateExpression="${dataSource}" />""",
                        "Task_Evil", "Unknown delegate bean 'dataSource'")),
                row("delegate expression that is not a bean name", bpmn("""
                        <bpmn:serviceTask id="Task_Evil" camunda:delegateExpression="${%s.warning('x')}" />"""
                        .formatted(BEAN), "Task_Evil", "must name one of Attest's process beans")),
                row("an engine adapter's method (camundaCaseWorkflow.deleteHistory)", new Hostile("hostile.bpmn",
                        key -> process(key, """
                                <bpmn:serviceTask id="Task_Evil" camunda:expression="${camundaCaseWorkflow.deleteHistory('CASE-1')}" />"""),
                        "Task_Evil", "'camundaCaseWorkflow' is not one of Attest's process beans", true)),
                row("activiti alias namespace", new Hostile("hostile.bpmn", key -> process(key,
                        "xmlns:activiti=\"http://activiti.org/bpmn\"",
                        "<bpmn:serviceTask id=\"Task_Evil\" activiti:class=\"java.lang.Runtime\" />"),
                        "Task_Evil", "activiti", false)),
                row("unknown extension namespace", new Hostile("hostile.bpmn", key -> process(key,
                        "xmlns:x=\"urn:evil\"", """
                                <bpmn:serviceTask id="Task_Evil"><bpmn:extensionElements><x:run cmd="id" /></bpmn:extensionElements></bpmn:serviceTask>"""),
                        "Task_Evil", "namespace 'urn:evil'", false)),
                row("schema location to fetch", bpmn("""
                        <bpmn:userTask id="Task_Evil" xsi:schemaLocation="http://www.omg.org/spec/BPMN/20100524/MODEL http://evil.example/x.xsd" />""",
                        "Task_Evil", "xsi:schemaLocation is not allowed")),
                row("camunda:resource", bpmn("""
                        <bpmn:serviceTask id="Task_Evil" camunda:resource="deployment://x.groovy" />""", "Task_Evil",
                        "Scripts (camunda:resource)")),
                row("calledElementTenantId", bpmn("""
                        <bpmn:callActivity id="Task_Evil" calledElement="X" camunda:calledElementTenantId="other" />""",
                        "Task_Evil", "camunda:calledElementTenantId is not allowed")),
                row("script task", bpmn("""
                        <bpmn:scriptTask id="Task_Evil" scriptFormat="groovy"><bpmn:script>'id'.execute()</bpmn:script></bpmn:scriptTask>""",
                        "Task_Evil", "Script tasks")),
                row("script condition", bpmn("""
                        <bpmn:sequenceFlow id="Task_Evil" sourceRef="Start" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression></bpmn:sequenceFlow>""",
                        "Task_Evil", "Script conditions")),
                row("camunda:script in a mapping", bpmn(mapping("<camunda:script scriptFormat=\"javascript\">1</camunda:script>"),
                        "Task_Evil", "camunda:script")),
                row("text mixed with elements", bpmn(mapping("${caseId<camunda:list />}"), "Task_Evil",
                        "Text mixed with elements")),
                row("timer start event with a hostile date (evaluated on deploy)", bpmn("""
                        <bpmn:startEvent id="Start_Evil"><bpmn:timerEventDefinition id="Timer_Evil">
                          <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${%s}</bpmn:timeDate>
                        </bpmn:timerEventDefinition></bpmn:startEvent>""".formatted(REFLECTION), "Timer_Evil",
                        "Chained calls")),
                row("timer start event calling a bean outside the allow-list", bpmn("""
                        <bpmn:startEvent id="Start_Evil"><bpmn:timerEventDefinition id="Timer_Evil">
                          <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${designer.deployed()}</bpmn:timeDate>
                        </bpmn:timerEventDefinition></bpmn:startEvent>""", "Timer_Evil",
                        "'designer' is not one of Attest's process beans")),
                row("timer start event (runs the process without Attest, on nobody's behalf)", bpmn("""
                        <bpmn:startEvent id="Start_Evil"><bpmn:timerEventDefinition id="Timer_Plain">
                          <bpmn:timeDate xsi:type="bpmn:tFormalExpression">2020-01-01T00:00:00Z</bpmn:timeDate>
                        </bpmn:timerEventDefinition></bpmn:startEvent>""", "Start_Evil",
                        "A process may start only when Attest starts it for a case: a timer start event")),
                row("message start event (Attest's correlation would start it under a case's reference)", bpmn("""
                        <bpmn:startEvent id="Start_Evil"><bpmn:messageEventDefinition id="Message_Def" messageRef="Message_Doc" /></bpmn:startEvent>
                        </bpmn:process><bpmn:message id="Message_Doc" name="DocumentReceived" /><bpmn:process id="Unused" isExecutable="false">""",
                        "Start_Evil", "a message start event is not allowed")),
                row("signal start event", bpmn("""
                        <bpmn:startEvent id="Start_Evil"><bpmn:signalEventDefinition id="Signal_Def" /></bpmn:startEvent>""",
                        "Start_Evil", "a signal start event is not allowed")),
                row("conditional start event", bpmn("""
                        <bpmn:startEvent id="Start_Evil"><bpmn:conditionalEventDefinition id="Cond_Def">
                          <bpmn:condition xsi:type="bpmn:tFormalExpression">${true}</bpmn:condition>
                        </bpmn:conditionalEventDefinition></bpmn:startEvent>""",
                        "Start_Evil", "a conditional start event is not allowed")),
                row("call activity starting a process under another case's business key", bpmn("""
                        <bpmn:callActivity id="Call_Evil" calledElement="DocumentCheck"><bpmn:extensionElements>
                          <camunda:in businessKey="ATT-2026-00001" /><camunda:in source="caseId" target="caseId" />
                        </bpmn:extensionElements></bpmn:callActivity>""", "Call_Evil",
                        "takes the business key of the process that calls it")),
                row("call activity computing the called process's business key", bpmn("""
                        <bpmn:callActivity id="Call_Evil" calledElement="DocumentCheck"><bpmn:extensionElements>
                          <camunda:in businessKey="${otherCase}" /></bpmn:extensionElements></bpmn:callActivity>""",
                        "Call_Evil", "takes the business key of the process that calls it")),
                row("timer cycle R/PT0S in a non-interrupting event sub-process (fires without pause)", bpmn("""
                        <bpmn:subProcess id="Sub_Tick" triggeredByEvent="true">
                          <bpmn:startEvent id="Start_Tick" isInterrupting="false"><bpmn:timerEventDefinition id="Timer_Evil">
                            <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT0S</bpmn:timeCycle>
                          </bpmn:timerEventDefinition></bpmn:startEvent>
                          <bpmn:sequenceFlow id="Flow_Tick" sourceRef="Start_Tick" targetRef="End_Tick" />
                          <bpmn:endEvent id="End_Tick" />
                        </bpmn:subProcess>""", "Timer_Evil", "at most once a minute")),
                row("cron timer cycle every second on a boundary event", bpmn("""
                        <bpmn:boundaryEvent id="Boundary_Tick" cancelActivity="false" attachedToRef="Task_Check">
                          <bpmn:timerEventDefinition id="Timer_Evil">
                            <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">* * * * * ?</bpmn:timeCycle>
                          </bpmn:timerEventDefinition></bpmn:boundaryEvent>""", "Timer_Evil", "no cron expressions")),
                row("timer cycle computed by an expression", bpmn("""
                        <bpmn:boundaryEvent id="Boundary_Tick" cancelActivity="false" attachedToRef="Task_Check">
                          <bpmn:timerEventDefinition id="Timer_Evil">
                            <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${cycle}</bpmn:timeCycle>
                          </bpmn:timerEventDefinition></bpmn:boundaryEvent>""", "Timer_Evil", "repeating interval")),
                row("timer cycle starting in 1970 (the engine counts every minute since)", bpmn("""
                        <bpmn:boundaryEvent id="Boundary_Tick" cancelActivity="false" attachedToRef="Task_Check">
                          <bpmn:timerEventDefinition id="Timer_Evil">
                            <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/1970-01-01T00:00:00Z/PT1M</bpmn:timeCycle>
                          </bpmn:timerEventDefinition></bpmn:boundaryEvent>""", "Timer_Evil", "no start or end dates")),
                row("timer duration as a repeating interval starting in 1970", bpmn("""
                        <bpmn:boundaryEvent id="Boundary_Tick" attachedToRef="Task_Check">
                          <bpmn:timerEventDefinition id="Timer_Evil">
                            <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">R/1970-01-01T00:00:00Z/PT1S</bpmn:timeDuration>
                          </bpmn:timerEventDefinition></bpmn:boundaryEvent>""", "Timer_Evil", "not a repeating interval")),
                row("endless retries without pause", bpmn("""
                        <bpmn:serviceTask id="Task_Evil" camunda:asyncBefore="true" camunda:expression="${%s.warning('x')}"><bpmn:extensionElements>
                          <camunda:failedJobRetryTimeCycle>R/PT0S</camunda:failedJobRetryTimeCycle>
                        </bpmn:extensionElements></bpmn:serviceTask>""".formatted(BEAN), "Task_Evil", "R3/PT5M")),
                row("loop without a wait state (runs forever in one transaction)", bpmn("""
                        <bpmn:exclusiveGateway id="Gateway_Spin" />
                        <bpmn:sequenceFlow id="Flow_Spin1" sourceRef="Gateway_Spin" targetRef="Task_Spin" />
                        <bpmn:serviceTask id="Task_Spin" camunda:expression="${%s.warning('x')}" />
                        <bpmn:sequenceFlow id="Flow_Spin2" sourceRef="Task_Spin" targetRef="Gateway_Spin" />"""
                        .formatted(BEAN), "Gateway_Spin", "passes no wait state")),
                row("loop through link events without a wait state", bpmn("""
                        <bpmn:intermediateCatchEvent id="Catch_Spin"><bpmn:linkEventDefinition id="Link_C" name="again" /></bpmn:intermediateCatchEvent>
                        <bpmn:sequenceFlow id="Flow_Spin1" sourceRef="Catch_Spin" targetRef="Throw_Spin" />
                        <bpmn:intermediateThrowEvent id="Throw_Spin"><bpmn:linkEventDefinition id="Link_T" name="again" /></bpmn:intermediateThrowEvent>""",
                        "Catch_Spin", "passes no wait state")),
                row("loop through an error boundary event", bpmn("""
                        <bpmn:serviceTask id="Task_Spin" camunda:expression="${%s.warning('x')}" />
                        <bpmn:boundaryEvent id="Boundary_Error" attachedToRef="Task_Spin"><bpmn:errorEventDefinition id="Err" /></bpmn:boundaryEvent>
                        <bpmn:sequenceFlow id="Flow_Spin1" sourceRef="Boundary_Error" targetRef="Task_Spin" />"""
                        .formatted(BEAN), "Task_Spin", "passes no wait state")),
                row("multi-instance creating a billion executions", bpmn("""
                        <bpmn:userTask id="Task_Many"><bpmn:multiInstanceLoopCharacteristics>
                          <bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">1000000000</bpmn:loopCardinality>
                        </bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>""", "Task_Many", "at most 100 times")),
                row("multi-instance cardinality from an expression", bpmn("""
                        <bpmn:userTask id="Task_Many"><bpmn:multiInstanceLoopCharacteristics>
                          <bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">${many}</bpmn:loopCardinality>
                        </bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>""", "Task_Many", "at most 100 times")),
                row("a variable concatenated with itself many times (a string bomb)", bpmn(mapping("${caseId}".repeat(11)),
                        "Task_Evil", "at most 10")),
                row("a loop whose only wait is a zero-length timer (a job that runs again and again)", bpmn("""
                        <bpmn:intermediateCatchEvent id="Wait_Evil"><bpmn:timerEventDefinition id="Timer_Zero">
                          <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT0S</bpmn:timeDuration>
                        </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""", "Timer_Zero",
                        "A timer may wait no less than a minute")),
                row("DMN script expression language", new Hostile("hostile.dmn", key -> decision(key,
                        table(" expressionLanguage=\"javascript\"><text>a</text>")), "Expr_Evil",
                        "Expression language 'javascript'", false)),
                row("DMN JUEL expression with reflection", new Hostile("hostile.dmn", key -> decision(key,
                        table(" expressionLanguage=\"juel\"><text>${" + REFLECTION + "}</text>")), "Expr_Evil",
                        "Chained calls", false)),
                row("FEEL external Java function", new Hostile("hostile.dmn", key -> decision(key, """
                        <variable id="Var_1" name="x" typeRef="string" />
                        <literalExpression id="Expr_Evil"><text>function(x) external {java: {class: "java.lang.Runtime", method signature: "getRuntime()"}}</text></literalExpression>"""), "Expr_Evil", "external functions",
                        false)),
                row("FEEL loop building a list of a billion numbers (fills the heap)", new Hostile("hostile.dmn",
                        key -> decision(key, """
                        <variable id="Var_1" name="x" typeRef="number" />
                        <literalExpression id="Expr_Evil"><text>count(for i in 1..1000000000 return i)</text></literalExpression>"""),
                        "Expr_Evil", "Loops and quantifiers", false)),
                row("FEEL quantifier over a range in an input entry", new Hostile("hostile.dmn", key -> decision(key,
                        table("><text>caseType</text>").replace("<text>-</text>",
                                "<text>some i in 1..1000000000 satisfies i &lt; 0</text>").replace("id=\"Entry_1\"",
                                "id=\"Entry_Evil\"")), "Entry_Evil", "Loops and quantifiers", false)),
                row("FEEL regular expression with catastrophic backtracking", new Hostile("hostile.dmn",
                        key -> decision(key, """
                        <variable id="Var_1" name="x" typeRef="boolean" />
                        <literalExpression id="Expr_Evil"><text>matches("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "(a+)+$")</text></literalExpression>"""),
                        "Expr_Evil", "Regular expressions", false)),
                row("FEEL range outside an interval", new Hostile("hostile.dmn", key -> decision(key, """
                        <variable id="Var_1" name="x" typeRef="number" />
                        <literalExpression id="Expr_Evil"><text>count(1..1000000000)</text></literalExpression>"""),
                        "Expr_Evil", "Ranges are allowed", false)),
                row("FEEL context doubling a string forty times", new Hostile("hostile.dmn", key -> decision(key, """
                        <variable id="Var_1" name="x" typeRef="string" />
                        <literalExpression id="Expr_Evil"><text>{a: "xx", b: a+a, c: b+b, d: c+c, e: d+d}.e</text></literalExpression>"""),
                        "Expr_Evil", "Contexts", false)),
                row("FEEL loop hidden from the guard behind a comment with a quote", new Hostile("hostile.dmn",
                        key -> decision(key, """
                        <variable id="Var_1" name="x" typeRef="number" />
                        <literalExpression id="Expr_Evil"><text>/* " */ count(for i in 1..1000000000 return i) /* " */</text></literalExpression>"""),
                        "Expr_Evil", "Loops and quantifiers", false)),
                row("decision chain (each decision doubles the one it requires)", new Hostile("hostile.dmn",
                        key -> decision(key, table("><text>caseType</text>")).replace("</decision>", """
                        </decision>
                        <decision id="Chain_Evil" name="Chain" camunda:historyTimeToLive="P30D">
                          <informationRequirement id="Req_Evil"><requiredDecision href="#Hostile" /></informationRequirement>
                          <variable id="Var_2" name="y" typeRef="string" />
                          <literalExpression id="Expr_2"><text>route + route</text></literalExpression>
                        </decision>"""), "Req_Evil", "may not require other decisions", false)),
                row("DMN import", new Hostile("hostile.dmn", key -> decision(key, table("><text>a</text>"))
                        .replace("<decision ", "<import namespace=\"x\" locationURI=\"http://evil.example/x.dmn\" "
                                + "importType=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"Import_Evil\" />\n<decision "),
                        "Import_Evil", "Imports are not allowed", false)))
                .stream();
    }
}
