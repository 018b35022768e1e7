package dev.attest.designer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks a BPMN or DMN file before the engine sees it, and refuses anything that would let a model run code of
 * its author's choosing: script tasks, scripts anywhere ({@code camunda:script} in listeners or input/output
 * mappings, script conditions, script expression languages), Java classes ({@code camunda:class} and the like),
 * connectors, DOCTYPE declarations (external entities), oversized files, and expressions other than
 * <ul>
 * <li>a delegate expression naming one of Attest's process beans: {@code ${recordTriageDelegate}};</li>
 * <li>a call of a method of such a bean with literal or variable arguments:
 * {@code ${slaTimers.warning('Task_ReviewDocument')}};</li>
 * <li>process variables, literals and operators: {@code ${round >= maxRounds && !approved}};</li>
 * <li>the business key or instance id of the execution: {@code #{execution.processBusinessKey}}.</li>
 * </ul>
 * Every refusal names the offending element. The guard is applied by the designer before validating and, as an
 * engine pre-deployer, to every deployment however it is made (browser, API, class path).
 */
public final class DeploymentGuard {

    /** The largest model accepted. */
    public static final int MAX_BYTES = 1_000_000;

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
    private static final String CAMUNDA_ACTIVITI = "http://activiti.org/bpmn";

    private static final Set<String> EXECUTION_PROPERTIES = Set.of("processBusinessKey", "businessKey",
            "processInstanceId", "currentActivityId");
    private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "caseExecution", "task", "externalTask",
            "processEngine", "processEngineServices", "processEngineConfiguration", "variableScope", "variableContext",
            "logger", "applicationContext", "connector");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
            "empty", "true", "false", "null", "div", "mod");
    private static final Pattern DELEGATE = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*");
    private static final Pattern DOCTYPE = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);

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
        String text = new String(content, StandardCharsets.UTF_8);
        Matcher doctype = DOCTYPE.matcher(text);
        if (doctype.find()) {
            found.add(new Violation(resourceName, null, lineOf(text, doctype.start()),
                    "DOCTYPE and ENTITY declarations are not allowed (they can read files and URLs)"));
            return found;
        }
        new Walk(resourceName, found).run(content);
        return found;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private final class Walk {

        private final String resource;
        private final List<Violation> found;
        private final Deque<String> ids = new ArrayDeque<>();
        private int line;

        Walk(String resource, List<Violation> found) {
            this.resource = resource;
            this.found = found;
        }

        void run(byte[] content) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            XMLStreamReader reader = null;
            try {
                reader = factory.createXMLStreamReader(new ByteArrayInputStream(content));
                while (reader.hasNext()) {
                    int event = reader.next();
                    line = reader.getLocation().getLineNumber();
                    switch (event) {
                        case XMLStreamConstants.DTD -> refuse("DOCTYPE declarations are not allowed");
                        case XMLStreamConstants.ENTITY_REFERENCE -> refuse("Entity references are not allowed");
                        case XMLStreamConstants.START_ELEMENT -> start(reader);
                        case XMLStreamConstants.END_ELEMENT -> ids.pop();
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text(reader.getText());
                        default -> {
                        }
                    }
                }
            } catch (XMLStreamException e) {
                found.add(new Violation(resource, ids.isEmpty() ? null : ids.peek(),
                        e.getLocation() == null ? 0 : e.getLocation().getLineNumber(),
                        "Not well-formed XML: " + e.getMessage().replaceFirst("(?s)^ParseError at \\[.*?]\\s*Message:\\s*", "")));
            } finally {
                if (reader != null) {
                    try {
                        reader.close();
                    } catch (XMLStreamException ignored) {
                        // nothing to release
                    }
                }
            }
        }

        private void start(XMLStreamReader r) {
            String id = r.getAttributeValue(null, "id");
            ids.push(id != null ? id : ids.isEmpty() ? "" : ids.peek());
            String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
            String name = r.getLocalName();
            boolean camunda = CAMUNDA_BPMN.equals(ns) || CAMUNDA_DMN.equals(ns) || CAMUNDA_ACTIVITI.equals(ns);
            if (BPMN.equals(ns) && "scriptTask".equals(name)) {
                refuse("Script tasks are not allowed: use a service task with one of Attest's delegates");
            }
            if (camunda && "script".equals(name)) {
                refuse("camunda:script is not allowed (no scripts run in Attest)");
            }
            if (camunda && "connector".equals(name)) {
                refuse("Connectors (camunda:connector) are not allowed: they call out of the engine");
            }
            if (BPMN.equals(ns) && "conditionExpression".equals(name) && r.getAttributeValue(null, "language") != null) {
                refuse("Script conditions are not allowed (language=\"" + r.getAttributeValue(null, "language")
                        + "\"): write the condition as an expression such as ${decision == 'APPROVE'}");
            }
            for (int i = 0; i < r.getAttributeCount(); i++) {
                String attrNs = r.getAttributeNamespace(i) == null ? "" : r.getAttributeNamespace(i);
                String attr = r.getAttributeLocalName(i);
                String value = r.getAttributeValue(i);
                boolean camundaAttr = CAMUNDA_BPMN.equals(attrNs) || CAMUNDA_DMN.equals(attrNs)
                        || CAMUNDA_ACTIVITI.equals(attrNs) || (camunda && attrNs.isEmpty());
                if (camundaAttr && ("class".equals(attr) || "variableMappingClass".equals(attr))) {
                    refuse("Java classes (camunda:" + attr + "=\"" + value
                            + "\") are not allowed: name one of Attest's delegate beans with a delegate expression");
                } else if (camundaAttr && ("resource".equals(attr) || "scriptFormat".equals(attr))) {
                    refuse("Scripts (camunda:" + attr + ") are not allowed");
                } else if ("expressionLanguage".equals(attr) || ("language".equals(attr) && BPMN.equals(ns))) {
                    language(value);
                } else if (camundaAttr && ("delegateExpression".equals(attr)
                        || "variableMappingDelegateExpression".equals(attr))) {
                    delegate(value);
                } else {
                    text(value);
                }
            }
        }

        private void language(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (!(v.contains("feel") || v.equals("juel") || v.equals("http://www.w3.org/1999/xpath"))) {
                refuse("Expression language '" + value + "' is not allowed: only FEEL and simple expressions are");
            }
        }

        private void delegate(String value) {
            Matcher m = DELEGATE.matcher(value);
            if (!m.matches()) {
                refuse("A delegate expression must name one of Attest's process beans, like ${recordTriageDelegate}; "
                        + "found " + value);
            } else if (!allowedBean.test(m.group(1))) {
                refuse("Unknown delegate bean '" + m.group(1) + "': it is not one of Attest's process beans");
            }
        }

        private void text(String value) {
            if (value == null || (value.indexOf("${") < 0 && value.indexOf("#{") < 0)) {
                return;
            }
            for (String expression : Expressions.extract(value)) {
                String problem = Expressions.check(expression, allowedBean);
                if (problem != null) {
                    refuse(problem + " in " + abbreviate(expression));
                }
            }
        }

        private void refuse(String message) {
            String id = ids.isEmpty() || ids.peek().isEmpty() ? null : ids.peek();
            found.add(new Violation(resource, id, line, message));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    /** The expression language subset that models may use. */
    static final class Expressions {

        private Expressions() {
        }

        /** The bodies of the ${...} and #{...} expressions in a text. */
        static List<String> extract(String text) {
            List<String> bodies = new ArrayList<>();
            int i = 0;
            while (i < text.length() - 1) {
                char c = text.charAt(i);
                if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
                    int start = i + 2;
                    int j = start;
                    char quote = 0;
                    while (j < text.length()) {
                        char d = text.charAt(j);
                        if (quote != 0) {
                            if (d == '\\') {
                                j++;
                            } else if (d == quote) {
                                quote = 0;
                            }
                        } else if (d == '\'' || d == '"') {
                            quote = d;
                        } else if (d == '}') {
                            break;
                        }
                        j++;
                    }
                    bodies.add(text.substring(start, Math.min(j, text.length())));
                    i = j + 1;
                } else {
                    i++;
                }
            }
            return bodies;
        }

        private enum Kind { IDENT, STRING, NUMBER, OP }

        private record Token(Kind kind, String text) {
        }

        /** Why the expression body is not allowed, or null if it is. */
        static String check(String body, Predicate<String> allowedBean) {
            List<Token> tokens;
            try {
                tokens = tokenize(body);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            boolean ternary = false;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                Token previous = i > 0 ? tokens.get(i - 1) : null;
                if (t.kind == Kind.OP) {
                    switch (t.text) {
                        case "[", "]" -> {
                            return "Indexing with [ ] is not allowed";
                        }
                        case "=", ";", "{", "}", "->", "+=" -> {
                            return "Assignments, lambdas and statements are not allowed";
                        }
                        case "." -> {
                            return "Methods and properties may be used only on Attest's process beans";
                        }
                        case "?" -> ternary = true;
                        case ":" -> {
                            if (!ternary) {
                                return "Functions (prefix:name) are not allowed";
                            }
                        }
                        default -> {
                        }
                    }
                    continue;
                }
                if (t.kind != Kind.IDENT || (previous != null && previous.text.equals("."))) {
                    continue;
                }
                String name = t.text;
                boolean member = next != null && next.text.equals(".");
                boolean call = next != null && next.text.equals("(");
                if (call && !KEYWORDS.contains(name)) {
                    return "Function calls like " + name + "(...) are not allowed; call a method of a process bean";
                }
                if (member) {
                    Token property = i + 2 < tokens.size() ? tokens.get(i + 2) : null;
                    if (property == null || property.kind != Kind.IDENT) {
                        return "Incomplete member access after '" + name + "'";
                    }
                    Token after = i + 3 < tokens.size() ? tokens.get(i + 3) : null;
                    if (name.equals("execution")) {
                        if (!EXECUTION_PROPERTIES.contains(property.text) || (after != null && (after.text.equals("(")
                                || after.text.equals(".")))) {
                            return "Only execution.processBusinessKey, businessKey, processInstanceId and "
                                    + "currentActivityId may be read from the execution, not execution." + property.text;
                        }
                        i += 2;
                        continue;
                    }
                    if (!allowedBean.test(name)) {
                        return "'" + name + "' is not one of Attest's process beans, so " + name + "." + property.text
                                + " is not allowed";
                    }
                    int close = i + 3;
                    if (after != null && after.text.equals("(")) {
                        int depth = 0;
                        for (close = i + 3; close < tokens.size(); close++) {
                            Token a = tokens.get(close);
                            if (a.text.equals("(")) {
                                depth++;
                            } else if (a.text.equals(")") && --depth == 0) {
                                break;
                            } else if (a.text.equals(".") && depth > 0) {
                                return "Arguments of " + name + "." + property.text
                                        + " may only be literals and process variables";
                            }
                        }
                        close++;
                    }
                    if (close < tokens.size() && (tokens.get(close).text.equals(".")
                            || tokens.get(close).text.equals("("))) {
                        return "Chained calls on " + name + "." + property.text + " are not allowed";
                    }
                    i += 2;
                    continue;
                }
                if (ENGINE_OBJECTS.contains(name)) {
                    return "The engine object '" + name + "' may not be used in an expression";
                }
            }
            return null;
        }

        private static List<Token> tokenize(String s) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '\'' || c == '"') {
                    int j = i + 1;
                    while (j < s.length() && s.charAt(j) != c) {
                        j += s.charAt(j) == '\\' ? 2 : 1;
                    }
                    if (j >= s.length()) {
                        throw new IllegalArgumentException("Unterminated string literal");
                    }
                    tokens.add(new Token(Kind.STRING, s.substring(i, j + 1)));
                    i = j + 1;
                } else if (Character.isDigit(c)) {
                    int j = i;
                    while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.'
                            || s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                        j++;
                    }
                    tokens.add(new Token(Kind.NUMBER, s.substring(i, j)));
                    i = j;
                } else if (Character.isJavaIdentifierStart(c)) {
                    int j = i;
                    while (j < s.length() && Character.isJavaIdentifierPart(s.charAt(j))) {
                        j++;
                    }
                    tokens.add(new Token(Kind.IDENT, s.substring(i, j)));
                    i = j;
                } else {
                    String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                    if (Set.of("==", "!=", "<=", ">=", "&&", "||", "->", "+=").contains(two)) {
                        tokens.add(new Token(Kind.OP, two));
                        i += 2;
                    } else if ("()[]{}.,!<>+-*/%?:=;".indexOf(c) >= 0) {
                        tokens.add(new Token(Kind.OP, String.valueOf(c)));
                        i++;
                    } else {
                        throw new IllegalArgumentException("Unexpected character '" + c + "'");
                    }
                }
            }
            return tokens;
        }
    }
}
