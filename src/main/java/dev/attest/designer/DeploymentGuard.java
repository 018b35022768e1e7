package dev.attest.designer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;

import dev.attest.designer.ModelXml.Attribute;
import dev.attest.designer.ModelXml.Element;
import dev.attest.workflow.ModelExpressions;
import dev.attest.workflow.ModelLimits;

/**
 * Checks a BPMN or DMN file before the engine sees it, on what the engine will read: the file is parsed as the
 * engine parses it ({@link ModelXml}: comments, CDATA, processing instructions and character references already
 * resolved and joined), and then
 * <ul>
 * <li>every element and attribute outside the BPMN, DMN and diagram namespaces must be on an allow-list: the
 * Camunda extensions Attest's own models and its properties panel use (listeners and delegates named by delegate
 * expression, input/output mappings, call-activity variables, generated forms with the built-in validators, timers,
 * retries, decisions). Anything else is refused, naming element and attribute: Java classes
 * ({@code camunda:class}, {@code formHandlerClass}, {@code variableMappingClass}, validator classes), scripts,
 * connectors, fields, external tasks ({@code camunda:type}), the {@code activiti} alias namespace, ...;</li>
 * <li>script tasks, script conditions and scripting expression languages are refused; DMN may use FEEL and JUEL
 * only, and FEEL text may not define functions;</li>
 * <li>every attribute value and every text is parsed with the engine's JUEL parser and its syntax tree checked
 * ({@link ModelExpressions}): only literals, process variables, operators, four properties of the execution and
 * direct calls of the methods of allow-listed process beans; delegate expressions name an allow-listed bean.</li>
 * </ul>
 * Every refusal names the offending element (its id, or its nearest ancestor's) and the line. The guard is applied by
 * the designer before validating and, as an engine pre-deployer, to every deployment however it is made (browser,
 * API, class path); the engine's own resolvers refuse the same expressions at run time.
 */
public final class DeploymentGuard {

    /** The largest model accepted. */
    public static final int MAX_BYTES = 1_000_000;

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
    static final String ACTIVITI = "http://activiti.org/bpmn";
    static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    private static final Set<String> DMN = Set.of("https://www.omg.org/spec/DMN/20191111/MODEL/",
            "http://www.omg.org/spec/DMN/20180521/MODEL/", "http://www.omg.org/spec/DMN/20151101/dmn.xsd");

    /** Diagram interchange: shapes, edges, bounds, colours; the engine reads nothing in them. */
    private static final Set<String> DIAGRAM = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI",
            "https://www.omg.org/spec/DMN/20191111/DMNDI/", "http://www.omg.org/spec/DMN/20180521/DMNDI/",
            "http://www.omg.org/spec/DMN/20180521/DC/", "http://www.omg.org/spec/DMN/20180521/DI/");

    /** Namespaces of attributes editors add for themselves (colours, the modeler's platform); never read. */
    private static final Set<String> EDITOR_ATTRIBUTES = Set.of("http://bpmn.io/schema/bpmn/biocolor/1.0",
            "http://www.omg.org/spec/BPMN/non-normative/color/1.0", "http://camunda.org/schema/modeler/1.0");

    /** The camunda: attributes a BPMN element may carry. */
    static final Set<String> CAMUNDA_ATTRIBUTES = Set.of("asyncBefore", "asyncAfter", "async", "exclusive",
            "candidateGroups", "candidateUsers", "assignee", "dueDate", "followUpDate", "priority",
            "delegateExpression", "expression", "resultVariable", "decisionRef", "decisionRefBinding",
            "decisionRefVersion", "decisionRefVersionTag", "mapDecisionResult", "historyTimeToLive",
            "isStartableInTasklist", "versionTag", "candidateStarterGroups", "candidateStarterUsers",
            "calledElementBinding", "calledElementVersion", "calledElementVersionTag", "initiator",
            "errorCodeVariable", "errorMessageVariable", "escalationCodeVariable", "collection", "elementVariable",
            "variableName", "variableEvents");

    /** The camunda: attributes a DMN element may carry. */
    static final Set<String> CAMUNDA_DMN_ATTRIBUTES = Set.of("inputVariable", "historyTimeToLive", "versionTag");

    /** The camunda: extension elements, each with the attributes it may carry. */
    static final Map<String, Set<String>> CAMUNDA_ELEMENTS = Map.ofEntries(
            Map.entry("inputOutput", Set.of()),
            Map.entry("inputParameter", Set.of("name")),
            Map.entry("outputParameter", Set.of("name")),
            Map.entry("list", Set.of()),
            Map.entry("map", Set.of()),
            Map.entry("entry", Set.of("key")),
            Map.entry("value", Set.of("id", "name")),
            Map.entry("executionListener", Set.of("event", "delegateExpression", "expression")),
            Map.entry("taskListener", Set.of("event", "delegateExpression", "expression", "id")),
            Map.entry("formData", Set.of()),
            Map.entry("formField", Set.of("id", "label", "type", "defaultValue", "datePattern")),
            Map.entry("validation", Set.of()),
            Map.entry("constraint", Set.of("name", "config")),
            Map.entry("properties", Set.of()),
            Map.entry("property", Set.of("id", "name", "value")),
            Map.entry("in", Set.of("source", "sourceExpression", "target", "businessKey", "variables", "local")),
            Map.entry("out", Set.of("source", "sourceExpression", "target", "variables", "local")),
            Map.entry("failedJobRetryTimeCycle", Set.of()));

    /** The engine's built-in form field validators; any other name is a class or an expression. */
    static final Set<String> VALIDATORS = Set.of("required", "readonly", "minlength", "maxlength", "min", "max");

    /** The engine's built-in form field types. */
    static final Set<String> FORM_TYPES = Set.of("string", "long", "boolean", "date", "enum");

    /** The expression languages the DMN engine evaluates itself; any other is a script language. */
    static final Set<String> DMN_LANGUAGES = Set.of("feel", "juel", "http://www.omg.org/spec/feel/20140401",
            "https://www.omg.org/spec/dmn/20191111/feel/", "http://www.omg.org/spec/dmn/20180521/feel/");

    private static final Set<String> JAVA_CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass",
            "formHandlerClass");
    private static final Pattern FEEL_FUNCTION = Pattern.compile("\\b(function|external)\\b",
            Pattern.CASE_INSENSITIVE);

    /** The business key a call activity may give the process it calls: its own process's. */
    private static final Pattern OWN_BUSINESS_KEY = Pattern.compile(
            "\\s*[$#]\\{\\s*execution\\s*\\.\\s*(processBusinessKey|businessKey)\\s*}\\s*");

    /** Children of a process or sub-process that are not flow nodes. */
    private static final Set<String> NOT_FLOW_NODES = Set.of("sequenceFlow", "documentation", "extensionElements",
            "laneSet", "dataObject", "dataObjectReference", "dataStoreReference", "textAnnotation", "association",
            "group", "ioSpecification", "property", "category");

    /** Event definitions a boundary event waits for (an error or escalation boundary event does not wait). */
    private static final Set<String> WAITING_EVENTS = Set.of("timerEventDefinition", "messageEventDefinition",
            "signalEventDefinition", "conditionalEventDefinition");

    private static final Pattern FEEL_LOOP = Pattern.compile("\\b(for|some|every)\\b");
    private static final Pattern FEEL_REGEX = Pattern.compile("\\b(matches|replace|split)\\s*\\(");
    /** An interval of a unary test ({@code [1..10]}, {@code ]a..b[}): end points are names, numbers or strings. */
    private static final Pattern FEEL_INTERVAL = Pattern.compile(
            "(?<![\\w)\\]]\\s{0,20})[\\[(\\]]\\s*-?[\\w.\"()]*?\\s*\\.\\.\\s*-?[\\w.\"()]*?\\s*[\\])\\[]");

    private final Predicate<String> allowedBean;

    /** @param allowedBean tells whether a bean name is on the allow-list of process beans */
    public DeploymentGuard(Predicate<String> allowedBean) {
        this.allowedBean = allowedBean;
    }

    /** Whether the guard checks a resource of this name (BPMN and DMN files). */
    public static boolean isModel(String resourceName) {
        String n = resourceName.toLowerCase(Locale.ROOT);
        return n.endsWith(".bpmn") || n.endsWith(".bpmn20.xml") || n.endsWith(".dmn") || n.endsWith(".dmn11.xml");
    }

    /** The reasons to refuse this resource; empty when it may be deployed. */
    public List<Violation> check(String resourceName, byte[] content) {
        List<Violation> found = new ArrayList<>();
        if (!isModel(resourceName)) {
            found.add(new Violation(resourceName, null, 0,
                    "Only BPMN (.bpmn) and DMN (.dmn) files can be deployed"));
            return found;
        }
        if (content == null || content.length == 0) {
            found.add(new Violation(resourceName, null, 0, "The file is empty"));
            return found;
        }
        if (content.length > MAX_BYTES) {
            found.add(new Violation(resourceName, null, 0, "The file is " + content.length + " bytes; at most "
                    + MAX_BYTES + " bytes are accepted"));
            return found;
        }
        Element root;
        try {
            root = ModelXml.read(content);
        } catch (ModelXml.Unreadable e) {
            found.add(new Violation(resourceName, null, e.line, e.doctype
                    ? "DOCTYPE and ENTITY declarations are not allowed (they can read files and URLs)"
                    : e.getMessage()));
            return found;
        }
        new Walk(resourceName, found).element(root);
        return found;
    }

    private final class Walk {

        private final String resource;
        private final List<Violation> found;

        Walk(String resource, List<Violation> found) {
            this.resource = resource;
            this.found = found;
        }

        void element(Element e) {
            String ns = e.namespace;
            if (BPMN.equals(ns)) {
                bpmnElement(e);
            } else if (DMN.contains(ns)) {
                dmnElement(e);
            } else if (CAMUNDA_BPMN.equals(ns)) {
                camundaElement(e);
            } else if (ACTIVITI.equals(ns)) {
                refuse(e, "The activiti namespace (" + e.qualifiedName
                        + ") is not allowed: it is an alias of camunda's; write camunda: extensions");
                return;
            } else if (!DIAGRAM.contains(ns)) {
                refuse(e, "<" + e.qualifiedName + "> is not allowed: elements of the namespace '" + ns
                        + "' are not part of Attest's models");
                return;
            }
            if (!e.children.isEmpty() && !e.text().isBlank()) {
                refuse(e, "Text mixed with elements is not allowed in <" + e.qualifiedName + ">");
            } else if (!e.text().isBlank()) {
                if (DMN.contains(ns) && e.localName.equals("text") && FEEL_FUNCTION.matcher(e.text()).find()) {
                    refuse(e, "Function definitions and external functions are not allowed in decisions: "
                            + abbreviate(e.text().strip()));
                } else if (DMN.contains(ns) && e.localName.equals("text")) {
                    String problem = feelProblem(e.text());
                    if (problem != null) {
                        refuse(e, problem + ": " + abbreviate(e.text().strip()));
                    }
                }
                expression(e, e.text());
            }
            for (Element child : e.children) {
                element(child);
            }
        }

        private void bpmnElement(Element e) {
            switch (e.localName) {
                case "scriptTask" -> refuse(e,
                        "Script tasks are not allowed: use a service task with one of Attest's delegates");
                case "script" -> refuse(e, "Scripts (bpmn:script) are not allowed");
                case "import" -> refuse(e, "Imports are not allowed: a model is one self-contained file");
                case "startEvent" -> startEvent(e);
                case "timeCycle" -> limit(e, ModelLimits.cycleProblem(e.text()));
                case "timeDuration" -> limit(e, ModelLimits.durationProblem(e.text()));
                case "loopCardinality" -> limit(e, ModelLimits.cardinalityProblem(e.text()));
                case "process", "subProcess", "transaction", "adHocSubProcess" -> loops(e);
                default -> {
                }
            }
            for (Attribute a : e.attributes) {
                if (a.namespace().isEmpty()) {
                    switch (a.localName()) {
                        case "language" -> refuse(e, ("conditionExpression".equals(e.localName)
                                ? "Script conditions are not allowed" : "Script languages are not allowed")
                                + " (language=\"" + a.value() + "\"): write the condition as an expression such "
                                + "as ${decision == 'APPROVE'}");
                        case "expressionLanguage" -> refuse(e, "expressionLanguage=\"" + a.value()
                                + "\" is not allowed: BPMN expressions are always the engine's expressions");
                        case "scriptFormat" -> refuse(e, "Scripts (scriptFormat) are not allowed");
                        default -> expression(e, a.value());
                    }
                } else {
                    foreignAttribute(e, a);
                }
            }
        }

        /**
         * A process starts only when Attest starts it for a case (plain start events); a timer, message, signal or
         * conditional start event would start it without Attest (or, for a message Attest correlates, under a case's
         * reference) and run what it calls on nobody's behalf. Start events inside event sub-processes are fine:
         * they run within an instance Attest started.
         */
        private void startEvent(Element e) {
            if (e.parent == null || !BPMN.equals(e.parent.namespace) || !e.parent.localName.equals("process")) {
                return;
            }
            for (Element child : e.children) {
                if (BPMN.equals(child.namespace) && child.localName.endsWith("EventDefinition")) {
                    refuse(e, "A process may start only when Attest starts it for a case: a "
                            + child.localName.replace("EventDefinition", "") + " start event is not allowed at "
                            + "the top of a process (use it inside an event sub-process, or start the work from "
                            + "Attest's own processes)");
                }
            }
        }

        private void dmnElement(Element e) {
            if (e.localName.equals("import")) {
                refuse(e, "Imports are not allowed: a model is one self-contained file");
            }
            if (e.localName.equals("informationRequirement") || e.localName.equals("knowledgeRequirement")
                    || e.localName.equals("authorityRequirement")) {
                refuse(e, "A decision may not require other decisions: each one in a chain can double the result "
                        + "of the one before; keep each decision on its own");
            }
            for (Attribute a : e.attributes) {
                if (a.namespace().isEmpty()) {
                    if (a.localName().equals("expressionLanguage")) {
                        if (!DMN_LANGUAGES.contains(a.value().strip().toLowerCase(Locale.ROOT))) {
                            refuse(e, "Expression language '" + a.value()
                                    + "' is not allowed: only FEEL and JUEL are");
                        }
                    } else {
                        expression(e, a.value());
                    }
                } else {
                    foreignAttribute(e, a);
                }
            }
        }

        private void camundaElement(Element e) {
            Set<String> allowed = CAMUNDA_ELEMENTS.get(e.localName);
            if (allowed == null) {
                refuse(e, switch (e.localName) {
                    case "script" -> "camunda:script is not allowed (no scripts run in Attest)";
                    case "connector", "connectorId" ->
                        "Connectors (camunda:connector) are not allowed: they call out of the engine";
                    case "field" -> "camunda:field is not allowed: it configures Java classes and connectors";
                    default -> "camunda:" + e.localName + " is not allowed: Attest's models may use only the "
                            + "Camunda extensions its own models and the designer's properties panel use";
                });
                return;
            }
            for (Attribute a : e.attributes) {
                if (!a.namespace().isEmpty()) {
                    foreignAttribute(e, a);
                } else if (JAVA_CLASS_ATTRIBUTES.contains(a.localName())) {
                    javaClass(e, a);
                } else if (!allowed.contains(a.localName())) {
                    refuse(e, a.localName() + "=\"" + abbreviate(a.value()) + "\" is not allowed on camunda:"
                            + e.localName);
                } else if (a.localName().equals("delegateExpression")) {
                    delegate(e, a.value());
                } else {
                    expression(e, a.value());
                }
            }
            if (e.localName.equals("constraint")) {
                String name = e.attribute("name");
                if (name == null || !VALIDATORS.contains(name)) {
                    refuse(e, "The form validator '" + name + "' is not allowed: only the built-in "
                            + String.join(", ", VALIDATORS.stream().sorted().toList()) + " are");
                }
            }
            if (e.localName.equals("in") && e.attribute("businessKey") != null
                    && !OWN_BUSINESS_KEY.matcher(e.attribute("businessKey")).matches()) {
                refuse(e, "A called process takes the business key of the process that calls it: write "
                        + "businessKey=\"#{execution.processBusinessKey}\", not " + abbreviate(e.attribute("businessKey")));
            }
            if (e.localName.equals("failedJobRetryTimeCycle")) {
                limit(e, ModelLimits.retryProblem(e.text()));
            }
            if (e.localName.equals("formField")) {
                String type = e.attribute("type");
                if (type != null && !FORM_TYPES.contains(type)) {
                    refuse(e, "The form field type '" + type + "' is not allowed: only "
                            + String.join(", ", FORM_TYPES.stream().sorted().toList()) + " are");
                }
            }
        }

        /** A namespaced attribute of any element. */
        private void foreignAttribute(Element e, Attribute a) {
            String ns = a.namespace();
            String name = a.localName();
            if (CAMUNDA_BPMN.equals(ns)) {
                if (JAVA_CLASS_ATTRIBUTES.contains(name)) {
                    javaClass(e, a);
                } else if (name.equals("resource") || name.equals("scriptFormat")) {
                    refuse(e, "Scripts (camunda:" + name + ") are not allowed");
                } else if (name.equals("type") || name.equals("topic")) {
                    refuse(e, "camunda:" + name + "=\"" + abbreviate(a.value()) + "\" is not allowed: external "
                            + "tasks and connector task types do not run in Attest; use a delegate expression");
                } else if (!CAMUNDA_ATTRIBUTES.contains(name)) {
                    refuse(e, "camunda:" + name + " is not allowed: Attest's models may use only the Camunda "
                            + "attributes its own models and the designer's properties panel use");
                } else if (name.equals("delegateExpression")) {
                    delegate(e, a.value());
                } else {
                    expression(e, a.value());
                }
            } else if (CAMUNDA_DMN.equals(ns)) {
                if (CAMUNDA_DMN_ATTRIBUTES.contains(name)) {
                    expression(e, a.value());
                } else {
                    refuse(e, "camunda:" + name + " is not allowed in a decision");
                }
            } else if (ACTIVITI.equals(ns)) {
                refuse(e, a.qualifiedName() + " is not allowed: the activiti namespace is an alias of camunda's; "
                        + "write camunda: extensions");
            } else if (XSI.equals(ns) && !name.equals("type")) {
                refuse(e, "xsi:" + name + " is not allowed: nothing is loaded from outside the file");
            } else if (XSI.equals(ns) || XMLConstants.XML_NS_URI.equals(ns) || EDITOR_ATTRIBUTES.contains(ns)
                    || DIAGRAM.contains(ns)) {
                expression(e, a.value());
            } else {
                refuse(e, "The attribute " + a.qualifiedName() + " (namespace '" + ns + "') is not allowed");
            }
        }

        private void limit(Element e, String problem) {
            if (problem != null) {
                refuse(e, problem);
            }
        }

        /**
         * A loop of the scope's flow nodes (sequence flows, and boundary events from the activity they are attached
         * to) that passes no wait state runs forever in one transaction and takes the node down; every loop must pass
         * a user or receive task, a catching event, an event-based gateway, a timer, message, signal or conditional
         * boundary event, or a sub-process that has one of these.
         */
        private void loops(Element scope) {
            Map<String, Element> nodes = new LinkedHashMap<>();
            Map<String, List<String>> next = new HashMap<>();
            for (Element child : scope.children) {
                if (!BPMN.equals(child.namespace) || NOT_FLOW_NODES.contains(child.localName)) {
                    continue;
                }
                String id = child.attribute("id");
                if (id != null && !waitState(child)) {
                    nodes.put(id, child);
                }
            }
            for (Element child : scope.children) {
                if (!BPMN.equals(child.namespace)) {
                    continue;
                }
                if (child.localName.equals("sequenceFlow")) {
                    next.computeIfAbsent(String.valueOf(child.attribute("sourceRef")), k -> new ArrayList<>())
                            .add(String.valueOf(child.attribute("targetRef")));
                } else if (child.localName.equals("boundaryEvent") && child.attribute("attachedToRef") != null) {
                    next.computeIfAbsent(child.attribute("attachedToRef"), k -> new ArrayList<>())
                            .add(String.valueOf(child.attribute("id")));
                } else if (child.localName.equals("intermediateThrowEvent") && link(child) != null) {
                    // a link throw event goes on at the link catch events of the same name
                    for (Element target : scope.children) {
                        if (BPMN.equals(target.namespace) && target.localName.equals("intermediateCatchEvent")
                                && link(child).equals(link(target))) {
                            next.computeIfAbsent(String.valueOf(child.attribute("id")), k -> new ArrayList<>())
                                    .add(String.valueOf(target.attribute("id")));
                        }
                    }
                }
            }
            Map<String, Integer> state = new HashMap<>();
            for (String start : nodes.keySet()) {
                String found = cycleFrom(start, nodes, next, state);
                if (found != null) {
                    refuse(nodes.get(found), "This loop passes no wait state (a user task, a receive task, a catching "
                            + "event, ...), so it would run forever without stopping and take the server down");
                    return;
                }
            }
        }

        /** Depth-first search over the nodes that are not wait states; the id of a node on a cycle, or null. */
        private String cycleFrom(String start, Map<String, Element> nodes, Map<String, List<String>> next,
                Map<String, Integer> state) {
            if (state.getOrDefault(start, 0) != 0) {
                return null;
            }
            Deque<Map.Entry<String, Iterator<String>>> stack = new ArrayDeque<>();
            state.put(start, 1);
            stack.push(Map.entry(start, next.getOrDefault(start, List.of()).iterator()));
            while (!stack.isEmpty()) {
                Iterator<String> it = stack.peek().getValue();
                if (!it.hasNext()) {
                    state.put(stack.pop().getKey(), 2);
                    continue;
                }
                String to = it.next();
                if (!nodes.containsKey(to)) {
                    continue;
                }
                int s = state.getOrDefault(to, 0);
                if (s == 1) {
                    return to;
                }
                if (s == 0) {
                    state.put(to, 1);
                    stack.push(Map.entry(to, next.getOrDefault(to, List.of()).iterator()));
                }
            }
            return null;
        }

        /** The name of the link event definition of this event, or null. */
        private static String link(Element event) {
            for (Element d : event.children) {
                if (BPMN.equals(d.namespace) && d.localName.equals("linkEventDefinition")) {
                    return String.valueOf(d.attribute("name"));
                }
            }
            return null;
        }

        private boolean waitState(Element node) {
            switch (node.localName) {
                case "userTask", "receiveTask", "eventBasedGateway" -> {
                    return true;
                }
                case "intermediateCatchEvent" -> {
                    return link(node) == null;
                }
                case "boundaryEvent" -> {
                    return node.children.stream().anyMatch(d -> BPMN.equals(d.namespace)
                            && WAITING_EVENTS.contains(d.localName));
                }
                case "subProcess", "transaction", "adHocSubProcess" -> {
                    return node.children.stream().anyMatch(c -> BPMN.equals(c.namespace)
                            && !"true".equals(c.attribute("triggeredByEvent")) && waitState(c));
                }
                default -> {
                    return false;
                }
            }
        }

        private void javaClass(Element e, Attribute a) {
            refuse(e, "Java classes (" + (a.namespace().isEmpty() ? "" : "camunda:") + a.localName() + "=\""
                    + abbreviate(a.value()) + "\") are not allowed: name one of Attest's delegate beans with a "
                    + "delegate expression");
        }

        private void delegate(Element e, String value) {
            String problem = ModelExpressions.delegateProblem(value, allowedBean);
            if (problem != null) {
                refuse(e, problem);
            }
        }

        private void expression(Element e, String value) {
            if (value == null || value.isEmpty()) {
                return;
            }
            String problem = ModelLimits.evalsProblem(value);
            if (problem == null) {
                problem = ModelExpressions.problem(value, allowedBean);
            }
            if (problem != null) {
                refuse(e, problem + " in " + abbreviate(value.strip()));
            }
        }

        private void refuse(Element e, String message) {
            found.add(new Violation(resource, e.id(), e.line, message));
        }
    }

    /**
     * Why the DMN engine may not evaluate this FEEL text, or null: FEEL can loop ({@code for}, {@code some},
     * {@code every}, over ranges such as {@code 1..1000000000}) and match regular expressions, so one decision could
     * fill the heap or keep a thread busy for hours. Decisions compare inputs with literals and intervals.
     */
    static String feelProblem(String text) {
        String code = feelCode(text);
        if (code.indexOf('{') >= 0) {
            return "Contexts ({...}) are not allowed in decisions: each entry can double the one before";
        }
        if (FEEL_LOOP.matcher(code).find()) {
            return "Loops and quantifiers (for, some, every) are not allowed in decisions";
        }
        if (FEEL_REGEX.matcher(code).find()) {
            return "Regular expressions (matches, replace, split) are not allowed in decisions";
        }
        if (FEEL_INTERVAL.matcher(code).replaceAll("").contains("..")) {
            return "Ranges are allowed in decisions only as intervals of a test, such as [1..10]";
        }
        return null;
    }

    /** FEEL text with its string literals emptied ({@code ""}) and its comments blanked, as the parser tokenizes it. */
    static String feelCode(String text) {
        StringBuilder code = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != '"') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                code.append("\"\"");
                i = j + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                code.append(' ');
                i = end < 0 ? text.length() : end + 2;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                code.append(' ');
                i = end < 0 ? text.length() : end;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
