package dev.attest.documents.internal.engine;

import static dev.attest.documents.process.DocumentCheckProcess.*;

import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import dev.attest.documents.DocumentKind;
import dev.attest.documents.DocumentWorkflow;
import dev.attest.workflow.EngineAuthentication;

/** Hands received documents to the case's waiting DocumentCheck, or starts one. */
@Component
class CamundaDocumentWorkflow implements DocumentWorkflow {

    private final RuntimeService runtimeService;
    private final EngineAuthentication engine;

    CamundaDocumentWorkflow(RuntimeService runtimeService, EngineAuthentication engine) {
        this.runtimeService = runtimeService;
        this.engine = engine;
    }

    /**
     * Correlates the document in one go, by the case's business key, the message's name and the document group the
     * check waits for; when nothing waits (an empty result, no look-up first) a new check starts. One check of a
     * group waits at a time: an upload goes to the waiting one instead of starting another.
     */
    @Override
    public void documentReceived(String caseReference, UUID caseId, UUID documentId, DocumentKind kind) {
        engine.asCurrentUser(() -> {
            boolean delivered = !runtimeService.createMessageCorrelation(MESSAGE_DOCUMENT_RECEIVED)
                    .processInstanceBusinessKey(caseReference)
                    .processInstanceVariableEquals(DOCUMENT_GROUP, kind.group())
                    .setVariable(DOCUMENT_ID, documentId.toString())
                    .correlateAllWithResult().isEmpty();
            if (!delivered) {
                runtimeService.startProcessInstanceByKey(KEY, caseReference, Variables.createVariables()
                        .putValue(CASE_ID, caseId.toString())
                        .putValue(HAS_DOCUMENT, true)
                        .putValue(DOCUMENT_GROUP, kind.group())
                        .putValue(DOCUMENT_ID, documentId.toString()));
            }
        });
    }
}
