package dev.attest.documents.internal.engine;

import static dev.attest.documents.process.DocumentCheckProcess.*;

import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import dev.attest.documents.DocumentKind;
import dev.attest.documents.DocumentWorkflow;
import dev.attest.documents.StoredDocument;
import dev.attest.documents.internal.StoredDocuments;
import dev.attest.workflow.EngineAuthentication;

/** Hands received documents to the case's waiting DocumentCheck, or starts one. */
@Component
class CamundaDocumentWorkflow implements DocumentWorkflow {

    private final RuntimeService runtimeService;
    private final EngineAuthentication engine;
    private final StoredDocuments documents;

    CamundaDocumentWorkflow(RuntimeService runtimeService, EngineAuthentication engine, StoredDocuments documents) {
        this.runtimeService = runtimeService;
        this.engine = engine;
        this.documents = documents;
    }

    /**
     * Hands the document to the case's DocumentCheck of its group that waits for one, found by its process
     * definition (a correlation by business key and message name alone would also reach any other model of the
     * case waiting for the same message, or two checks at once); when none waits, a new check starts.
     */
    @Override
    public void documentReceived(String caseReference, UUID caseId, UUID documentId, DocumentKind kind,
            boolean readingPending) {
        engine.asCurrentUser(() -> {
            Execution waiting = runtimeService.createExecutionQuery().processDefinitionKey(KEY)
                    .processInstanceBusinessKey(caseReference).messageEventSubscriptionName(MESSAGE_DOCUMENT_RECEIVED)
                    .processVariableValueEquals(DOCUMENT_GROUP, kind.group().name())
                    .listPage(0, 20).stream().filter(e -> awaits(e.getProcessInstanceId(), kind)).findFirst()
                    .orElse(null);
            if (waiting != null) {
                runtimeService.createMessageCorrelation(MESSAGE_DOCUMENT_RECEIVED)
                        .processInstanceId(waiting.getProcessInstanceId())
                        .setVariable(DOCUMENT_ID, documentId.toString())
                        .setVariable(READING_PENDING, readingPending)
                        .correlate();
            } else {
                runtimeService.startProcessInstanceByKey(KEY, caseReference, Variables.createVariables()
                        .putValue(CASE_ID, caseId.toString())
                        .putValue(HAS_DOCUMENT, true)
                        .putValue(DOCUMENT_GROUP, kind.group().name())
                        .putValue(DOCUMENT_ID, documentId.toString())
                        .putValue(READING_PENDING, readingPending));
            }
        });
    }

    /** Whether a waiting check takes a document of the kind: any of its group, or the refused one's kind. */
    private boolean awaits(String processInstanceId, DocumentKind kind) {
        Object refused = runtimeService.getVariable(processInstanceId, DOCUMENT_ID);
        if (refused == null) {
            return true;
        }
        UUID refusedId;
        try {
            refusedId = UUID.fromString(refused.toString());
        } catch (IllegalArgumentException e) {
            return true;
        }
        return documents.findById(refusedId).map(StoredDocument::getKind)
                .map(k -> k == kind || k.isIdentity() && kind.isIdentity()).orElse(true);
    }
}
