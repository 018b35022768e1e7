package dev.attest.documents.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;

import dev.attest.documents.DocumentKind;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.DocumentRefusedException;
import dev.attest.documents.Documents;
import dev.attest.documents.FileInspection;
import dev.attest.documents.StoredDocument;
import dev.attest.validation.InvalidInputException;

/**
 * Uploads a document for a case with what it shows; the server checks it exactly as the REST API does.
 */
class DocumentUploadForm extends VerticalLayout {

    final ComboBox<DocumentKind> kind = new ComboBox<>();
    final TextField name = new TextField("Name on the document");
    final TextField line1 = new TextField("Address line 1");
    final TextField line2 = new TextField("Address line 2");
    final TextField city = new TextField("City");
    final TextField region = new TextField("State / region");
    final TextField postalCode = new TextField("Postal code");
    final TextField country = new TextField("Country");
    final TextField issuingCountry = new TextField("Issuing country (ISO code)");
    final TextField issuingRegion = new TextField("Issuing state / region");
    final DatePicker expiresOn = new DatePicker("Expires on");
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
        upload.addFailedListener(e -> Notification.show(buffer.overflowed() ? "The file is larger than "
                + limits.maxBytes() / (1024 * 1024) + " MiB" : "The upload failed", 5000,
                Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_ERROR));
        kind.setLabel("Kind");
        kind.setItems(DocumentKind.values());
        kind.setItemLabelGenerator(k -> DocumentPanel.label(k.name()));
        kind.setId("document-kind");
        name.setId("document-name");
        store.setId("document-store");
        store.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        store.addClickListener(e -> {
            try {
                StoredDocument document = documents.upload(caseReference, buffer.fileName(), buffer.bytes(), metadata());
                Notification.show("Stored " + document.getFileName() + "; checks ran", 4000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                stored.accept(document);
            } catch (DocumentRefusedException ex) {
                Notification.show("Refused: " + ex.getMessage(), 6000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            } catch (InvalidInputException ex) {
                Notification.show("Refused: " + String.join("; ", ex.errors().stream()
                        .map(f -> f.field().replace("metadata.", "") + " " + f.message()).toList()), 6000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        FormLayout form = new FormLayout(kind, name, issuingCountry, issuingRegion, expiresOn, line1, line2, city,
                region, postalCode, country);
        add(upload, chosen, form, store);
    }

    DocumentMetadata metadata() {
        return new DocumentMetadata(kind.getValue() == null ? null : kind.getValue().name(), name.getValue(),
                new DocumentMetadata.AddressOnDocument(line1.getValue(), line2.getValue(), city.getValue(),
                        region.getValue(), postalCode.getValue(), country.getValue()),
                issuingCountry.getValue(), issuingRegion.getValue(),
                expiresOn.getValue() == null ? null : expiresOn.getValue().toString());
    }
}
