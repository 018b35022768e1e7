package dev.attest.workflow;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * The engine's BPMN parse, refusing before anything is parsed what would run code that is not one of Attest's
 * process beans: Java class names (delegates, listeners, form handlers, which the engine instantiates, form handlers
 * already while parsing; variable mappings), task types (shell and mail tasks run commands and send mail; external
 * tasks), connectors, fields, scripts and validators other than the built-in ones. The deployment guard refuses all
 * of this and more (it allows only a list); this is the engine's own second line, for a model that reached the
 * engine another way. The check reads the parse's own element tree, so the activiti alias namespace is covered.
 */
final class HardenedBpmnParse extends BpmnParse {

    private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS,
            BpmnParser.ACTIVITI_BPMN_EXTENSIONS_NS);
    private static final Set<String> REFUSED_ATTRIBUTES = Set.of("class", "formHandlerClass", "variableMappingClass",
            "type", "topic", "resource", "scriptFormat");
    private static final Set<String> REFUSED_ELEMENTS = Set.of("script", "connector", "field", "formProperty");
    private static final Set<String> BUILT_IN_VALIDATORS = Set.of("required", "readonly", "minlength", "maxlength",
            "min", "max");

    HardenedBpmnParse(BpmnParser parser) {
        super(parser);
    }

    @Override
    protected void parseRootElement() {
        if (rootElement != null) {
            check(rootElement);
        }
        super.parseRootElement();
    }

    private static void check(Element element) {
        for (String name : REFUSED_ATTRIBUTES) {
            if (element.attributeNS(CAMUNDA, name) != null) {
                refuse(element, "camunda:" + name);
            }
        }
        boolean camunda = CAMUNDA.getNamespaceUri().equals(element.getUri())
                || CAMUNDA.getAlternativeUri().equals(element.getUri());
        if (camunda) {
            if (REFUSED_ELEMENTS.contains(element.getTagName())) {
                refuse(element, "camunda:" + element.getTagName());
            }
            if (element.attribute("class") != null) {
                refuse(element, "class on camunda:" + element.getTagName());
            }
            if (element.getTagName().equals("constraint")
                    && !BUILT_IN_VALIDATORS.contains(String.valueOf(element.attribute("name")))) {
                refuse(element, "the validator " + element.attribute("name"));
            }
        }
        if (BpmnParser.BPMN20_NS.equals(element.getUri()) && element.getTagName().equals("scriptTask")) {
            refuse(element, "a script task");
        }
        for (Element child : element.elements()) {
            check(child);
        }
    }

    private static void refuse(Element element, String what) {
        throw new ProcessEngineException("Attest's engine refuses " + what + " (line " + element.getLine()
                + "): models may call only Attest's process beans");
    }
}
