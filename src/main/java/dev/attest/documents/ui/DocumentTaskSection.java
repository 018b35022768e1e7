package dev.attest.documents.ui;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.attest.documents.Documents;
import dev.attest.documents.FileInspection;
import dev.attest.documents.StoredDocument;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.ui.TaskViewSection;

/**
 * In a document review task: the document beside its checks and the address comparison. In the case's other
 * tasks: an upload for a document the client sent.
 */
@Component
class DocumentTaskSection implements TaskViewSection {

    private final Documents documents;
    private final FileInspection limits;

    DocumentTaskSection(Documents documents, FileInspection limits) {
        this.documents = documents;
        this.limits = limits;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public com.vaadin.flow.component.Component render(WorkItem task, Map<String, Object> variables) {
        if (task.caseReference() == null) {
            return null;
        }
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        if (variables.get("documentId") instanceof String documentId && "Task_ReviewDocument".equals(task.taskKey())) {
            StoredDocument document = documents.get(task.caseReference(), UUID.fromString(documentId));
            section.add(new DocumentPanel(documents, task.caseReference(), document, "task " + task.id() + " (" + task.name() + ")",
                    true));
        } else {
            Details add = new Details("Add a document the client sent", new DocumentUploadForm(documents, limits,
                    task.caseReference(), d -> section.getUI().ifPresent(ui -> ui.getPage().reload())));
            add.setId("add-document");
            add.setWidthFull();
            section.add(add);
        }
        return section;
    }
}
