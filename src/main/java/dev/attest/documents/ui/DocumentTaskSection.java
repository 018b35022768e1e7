package dev.attest.documents.ui;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.attest.documents.Documents;
import dev.attest.documents.StoredDocument;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.ui.TaskViewSection;

/** In a document review task: the document beside its checks and the address comparison. */
@Component
class DocumentTaskSection implements TaskViewSection {

    private final Documents documents;

    DocumentTaskSection(Documents documents) {
        this.documents = documents;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public com.vaadin.flow.component.Component render(WorkItem task, Map<String, Object> variables) {
        Object id = variables.get("documentId");
        if (!(id instanceof String documentId) || task.caseReference() == null) {
            return null;
        }
        StoredDocument document = documents.get(task.caseReference(), UUID.fromString(documentId));
        return new DocumentPanel(documents, task.caseReference(), document, "task " + task.id());
    }
}
