package dev.attest.documents.ui;

import java.util.List;
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
import dev.attest.documents.DocumentKind;
import dev.attest.documents.Documents;
import dev.attest.documents.FileInspection;
import dev.attest.documents.StoredDocument;
import dev.attest.documents.reading.DocumentReading;
import dev.attest.validation.InvalidInputException;

/**
 * Uploads a document for a case with what it shows; the server checks it exactly as the REST API does. Once a file and
 * a kind are chosen, the fields left empty are filled from what was read off the file, to confirm or correct.
 */
class DocumentUploadForm extends VerticalLayout {

    final DocumentFactsForm facts = new DocumentFactsForm("document");
    final Upload upload;
    private LimitedUpload.Received received;
    final Button store = new Button("Store and check");
    private final Span chosen = new Span("No file chosen");
    /** What reading the chosen file filled in. */
    final Span read = new Span();
    private final Documents documents;

    DocumentUploadForm(Documents documents, FileInspection limits, String caseReference, Consumer<StoredDocument> stored) {
        setPadding(false);
        this.documents = documents;
        read.setId("document-read");
        read.addClassName("attest-read-note");
        read.setVisible(false);
        facts.kind.addValueChangeListener(e -> readChosen());
        upload = new Upload(new LimitedUpload(limits.maxBytes(), r -> {
            if (r.tooLarge()) {
                received = null;
                chosen.setText("No file chosen");
                notify("The file is larger than " + limits.maxBytes() / (1024 * 1024) + " MiB",
                        NotificationVariant.LUMO_ERROR);
            } else {
                received = r;
                chosen.setText("Ready: " + r.fileName());
                readChosen();
            }
        }));
        upload.setId("document-upload");
        upload.setAcceptedFileTypes(".jpg", ".jpeg", ".png", ".pdf", ".doc", ".docx");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
        upload.addFailedListener(e -> notify("The upload failed", NotificationVariant.LUMO_ERROR));
        store.setId("document-store");
        store.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        store.addClickListener(e -> {
            try {
                StoredDocument document = documents.upload(caseReference,
                        received == null ? null : received.fileName(),
                        received == null ? new byte[0] : received.bytes(), facts.metadata());
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
        add(upload, chosen, read, facts, store);
    }

    /** Reads the chosen file once a kind is chosen, and fills the empty fields from it. */
    private void readChosen() {
        DocumentKind kind = facts.kind.getValue();
        if (received == null || kind == null) {
            return;
        }
        DocumentReading reading;
        try {
            reading = documents.readChosenFile(received.fileName(), received.bytes(), kind);
        } catch (DocumentRefusedException ex) {
            notify("Refused: " + ex.getMessage(), NotificationVariant.LUMO_ERROR);
            return;
        } catch (InvalidInputException ex) {
            notify(describe(ex), NotificationVariant.LUMO_ERROR);
            return;
        }
        read.setVisible(true);
        if (reading.status() == DocumentReading.Status.PENDING) {
            read.setText("Still reading the file: it is read and checked again once stored.");
            return;
        }
        List<String> filled = facts.fill(reading);
        read.setText(filled.isEmpty() ? "Nothing could be read off the file"
                + (reading.problem() == null ? "" : " (" + reading.problem() + ")") + ": fill in what it shows."
                : "Filled from the file: " + String.join(", ", filled) + ". Confirm or correct them.");
    }

    static String describe(InvalidInputException ex) {
        return "Refused: " + String.join("; ", ex.errors().stream()
                .map(f -> f.field().replace("metadata.", "") + " " + f.message()).toList());
    }

    static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 6000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
