package dev.attest.designer;

/** The starting points of new models: a process with a start event, a decision with an empty table. */
final class Templates {

    private Templates() {
    }

    static String process(String key, String name) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="https://attest.dev/bpmn">
                  <bpmn:process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="P1825D">
                    <bpmn:startEvent id="StartEvent_1" name="Started" />
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="Diagram_1">
                    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="%1$s">
                      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
                        <dc:Bounds x="180" y="160" width="36" height="36" />
                      </bpmndi:BPMNShape>
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.formatted(key, escape(name));
    }

    static String decision(String key, String name) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/"
                    id="Definitions_%1$s" name="%2$s" namespace="https://attest.dev/dmn">
                  <decision id="%1$s" name="%2$s" camunda:historyTimeToLive="P1825D">
                    <decisionTable id="DecisionTable_1" hitPolicy="FIRST">
                      <input id="Input_1" label="Input">
                        <inputExpression id="InputExpression_1" typeRef="string"><text>input</text></inputExpression>
                      </input>
                      <output id="Output_1" label="Output" name="output" typeRef="string" />
                    </decisionTable>
                  </decision>
                  <dmndi:DMNDI>
                    <dmndi:DMNDiagram id="DMNDiagram_1">
                      <dmndi:DMNShape id="DMNShape_1" dmnElementRef="%1$s">
                        <dc:Bounds height="80" width="180" x="160" y="100" />
                      </dmndi:DMNShape>
                    </dmndi:DMNDiagram>
                  </dmndi:DMNDI>
                </definitions>
                """.formatted(key, escape(name));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
