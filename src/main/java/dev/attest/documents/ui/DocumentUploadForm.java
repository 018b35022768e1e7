package dev.attest.documents.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;

import dev.attest.cases.CaseClosedException;
import dev.attest.documents.DocumentRefusedException;
import dev.attest.documents.Documents;
import dev.attest.documents.FileInspection;
import dev.attest.documents.StoredDocument;
import dev.attest.validation.InvalidInputException;

/**
 * Uploads a document for a case with what it shows; the server checks it exactly as the REST API does.
 */
class DocumentUploadForm extends VerticalLayout {

    final DocumentFactsForm facts = new DocumentFactsForm("document");
    final LimitedBuffer buffer;
    final Upload upload;
    final Button store = new Button("Store and check");
    private final Span chosen = new Span("No file chosen");

    DocumentUploadForm(Documents documents, FileInspection limits, String caseReference, Consumer<StoredDocument> stored) {
        setPadding(false);
        buffer = new LimitedBuffer(limits.maxBytes());
        upload = new Upload(buffer);
        upload.setId("document-upload");
        upload.setAcceptedFileTypes(".jpg", ".jpeg", ".png", ".pdf", ".doc", ".docx");
        upload.setMaxFiles(1);
        upload.addSucceededListener(e -> chosen.setText("Ready: " + e.getFileName()));
        upload.addFailedListener(e -> notify(buffer.overflowed() ? "The file is larger than "
                + limits.maxBytes() / (1024 * 1024) + " MiB" : "The upload failed", NotificationVariant.LUMO_ERROR));
        store.setId("document-store");
        store.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        store.addClickListener(e -> {
            try {
                StoredDocument document = documents.upload(caseReference, buffer.fileName(), buffer.bytes(),
                        facts.metadata());
                notify("Stored " + document.getFileName() + "; checks ran", NotificationVariant.LUMO_SUCCESS);
                stored.accept(document);
            } catch (DocumentRefusedException ex) {
                notify("Refused: " + ex.getMessage(), NotificationVariant.LUMO_ERROR);
            } catch (InvalidInputException ex) {
                notify(describe(ex), NotificationVariant.LUMO_ERROR);
            } catch (CaseClosedException ex) {
                notify(ex.getMessage(), NotificationVariant.LUMO_ERROR);
            }
        });
        add(upload, chosen, facts, store);
    }

    static String describe(InvalidInputException ex) {
        return "Refused: " + String.join("; ", ex.errors().stream()
                .map(f -> f.field().replace("metadata.", "") + " " + f.message()).toList());
    }

    static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 6000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
