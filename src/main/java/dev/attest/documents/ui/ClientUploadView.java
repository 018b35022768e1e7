package dev.attest.documents.ui;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;


import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import dev.attest.cases.CaseClosedException;
import dev.attest.communication.PortalThrottle;
import dev.attest.communication.UploadLinkRefusedException;
import dev.attest.documents.DocumentGroup;
import dev.attest.documents.DocumentRefusedException;
import dev.attest.documents.Documents;
import dev.attest.documents.FileInspection;
import dev.attest.documents.StoredDocument;
import dev.attest.validation.InvalidInputException;

/**
 * The client's upload page, reached from the link in an e-mail; no login. It shows only what the request asks
 * for and takes the upload through the same checks as an analyst's. A bad link gets one plain page that tells
 * nothing about any case; an address that tries many bad links is refused for a while.
 */
@Route(value = "portal/upload/:token", autoLayout = false)
@PageTitle("Upload a document")
@AnonymousAllowed
public class ClientUploadView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a z",
            Locale.US);

    private final Documents documents;
    private final FileInspection limits;
    private final PortalThrottle throttle;
    private final ZoneId zone;

    DocumentFactsForm facts;
    LimitedBuffer buffer;
    Upload upload;
    Button send;
    private String token;

    ClientUploadView(Documents documents, FileInspection limits, PortalThrottle throttle,
            ZoneId zone) {
        this.documents = documents;
        this.limits = limits;
        this.throttle = throttle;
        this.zone = zone;
        setMaxWidth("720px");
        getStyle().set("margin", "0 auto");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        token = event.getRouteParameters().get("token").orElse("");
        String address = address();
        var wait = throttle.waitFor(address);
        if (wait.isPresent()) {
            tooMany(wait.get());
            return;
        }
        documents.clientRequest(token).ifPresentOrElse(this::showForm, () -> {
            throttle.failed(address);
            invalid();
        });
    }

    private void showForm(Documents.ClientRequest request) {
        if (request.caseClosed()) {
            closed();
            return;
        }
        add(new H1("Upload a document"));
        Paragraph asked = new Paragraph(request.requested());
        asked.setId("portal-requested");
        add(new Paragraph("Your case team needs the following from you:"), asked,
                new Paragraph("This link works once, until " + UNTIL.format(request.expiresAt().atZone(zone))
                        + ". Accepted: JPG, PNG, PDF, DOC or DOCX, up to " + limits.maxBytes() / (1024 * 1024)
                        + " MiB; the whole document, in colour, not a screenshot."));
        facts = new DocumentFactsForm("portal");
        facts.kind.setItems(request.kinds());
        if (request.kinds().size() == 1) {
            facts.kind.setValue(request.kinds().get(0));
        }
        facts.kind.setLabel("What are you sending?");
        boolean company = request.documentGroup() == DocumentGroup.COMPANY;
        facts.datedOn.setVisible(company);
        facts.expiresOn.setVisible(!company);
        buffer = new LimitedBuffer(limits.maxBytes());
        upload = new Upload(buffer);
        upload.setId("portal-upload");
        upload.setAcceptedFileTypes(".jpg", ".jpeg", ".png", ".pdf", ".doc", ".docx");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
        Span chosen = new Span("No file chosen");
        Div error = new Div();
        error.setId("portal-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        upload.addSucceededListener(e -> chosen.setText("Ready: " + e.getFileName()));
        upload.addFailedListener(e -> error.setText(buffer.overflowed()
                ? "The file is larger than " + limits.maxBytes() / (1024 * 1024) + " MiB" : "The upload failed"));
        upload.addFileRejectedListener(e -> error.setText(e.getErrorMessage()));
        send = new Button("Send the document");
        send.setId("portal-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> {
            if (buffer.fileName() == null) {
                error.setText("Choose a file first");
                return;
            }
            try {
                StoredDocument stored = documents.uploadByClient(token, buffer.fileName(), buffer.bytes(),
                        facts.metadata());
                thanks(stored.getFileName());
            } catch (UploadLinkRefusedException ex) {
                removeAll();
                invalid();
            } catch (CaseClosedException ex) {
                removeAll();
                closed();
            } catch (DocumentRefusedException ex) {
                error.setText("We cannot accept this file: " + ex.getMessage());
            } catch (InvalidInputException ex) {
                error.setText(DocumentUploadForm.describe(ex).replace("Refused: ", "Please check: "));
            }
        });
        add(facts, upload, chosen, error, send);
    }

    private void thanks(String fileName) {
        removeAll();
        Paragraph done = new Paragraph("Thank you. We received " + fileName + ". Your case team will review it and "
                + "write to you. You can close this page.");
        done.setId("portal-thanks");
        add(new H1("Document received"), done);
    }

    private void invalid() {
        Paragraph text = new Paragraph(new UploadLinkRefusedException().getMessage());
        text.setId("portal-invalid");
        add(new H1("This link cannot be used"), text);
    }

    private void closed() {
        Paragraph text = new Paragraph("Your case has been closed, so it takes no more documents and nothing was "
                + "sent. If you still need help, please reply to our latest e-mail.");
        text.setId("portal-closed");
        add(new H1("This case is closed"), text);
    }

    private void tooMany(Duration wait) {
        Paragraph text = new Paragraph("Too many invalid links were tried from your network. Please try again in "
                + Math.max(1, wait.toMinutes() + 1) + " minutes.");
        text.setId("portal-throttled");
        add(new H1("Please wait"), text);
    }

    private static String address() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null || request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
    }
}
