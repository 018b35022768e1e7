package dev.attest.documents.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.upload.Upload;

import dev.attest.communication.UploadLinkRefusedException;
import dev.attest.documents.DocumentKind;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.DocumentRefusedException;
import dev.attest.documents.Documents;
import dev.attest.documents.reading.DocumentReading;
import dev.attest.validation.InvalidInputException;

/**
 * One requested item on the client's page: what it is and why, then the file (a file chooser, and the camera on a
 * phone) first, then only the fields that fit the kind, then Send. Once its document has arrived the card says so
 * and takes no other.
 */
class RequestedItemCard extends Div {

    /** Sends the file of a slot; throws what the service throws. */
    interface Sender {
        void send(int slot, String fileName, byte[] bytes, DocumentMetadata metadata);
    }

    /** Reads a chosen file for a slot before it is sent; throws what the service throws. */
    interface Reader {
        DocumentReading read(int slot, String fileName, byte[] bytes, DocumentKind kind);
    }

    private static final String[] ACCEPTED = {"image/jpeg", "image/png", "image/*", "application/pdf", ".jpg",
        ".jpeg", ".png", ".pdf", ".doc", ".docx", "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"};

    final Documents.ClientItem item;
    final String prefix;
    Upload upload;
    Upload camera;
    ClientDocumentForm form;
    Button send;
    final Span file = new Span("No file chosen yet");
    final Span fileError = new Span();
    final Paragraph refused = new Paragraph();
    /** What reading the chosen file filled in, for the client to check. */
    final Paragraph read = new Paragraph();
    private final Reader reader;
    private LimitedUpload.Received received;
    /** The name of the file this page sent for the item, once sent. */
    String receivedName;

    RequestedItemCard(Documents.ClientItem item, long maxBytes, Sender sender, Reader reader,
            Consumer<String> arrived) {
        this.item = item;
        this.reader = reader;
        this.prefix = "portal-" + item.slot();
        setId(prefix);
        getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("box-sizing", "border-box").set("width", "100%");
        H2 title = new H2(item.slot() + ". " + item.title());
        title.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin", "0");
        title.setId(prefix + "-title");
        add(title);
        if (!item.explanation().isBlank()) {
            Paragraph why = new Paragraph(item.explanation());
            why.setId(prefix + "-explanation");
            add(why);
        }
        if (item.receivedAt() != null) {
            receivedName = item.receivedFile();
            received(item.receivedFile());
            return;
        }
        if (item.withdrawn()) {
            Paragraph gone = new Paragraph("We now ask for this in a newer e-mail: please use the link in it.");
            gone.setId(prefix + "-withdrawn");
            add(gone);
            return;
        }
        upload = new Upload(new LimitedUpload(maxBytes, r -> chosen(r, maxBytes)));
        upload.setId(prefix + "-upload");
        upload.setUploadButton(new Button("Choose a file", VaadinIcon.FILE_O.create()));
        upload.setDropLabel(new Span("or drop it here"));
        camera = new Upload(new LimitedUpload(maxBytes, r -> chosen(r, maxBytes)));
        camera.setId(prefix + "-camera");
        camera.setUploadButton(new Button("Take a photo", VaadinIcon.CAMERA.create()));
        camera.setDropAllowed(false);
        camera.setAcceptedFileTypes("image/*");
        camera.getElement().setProperty("capture", "environment");
        for (Upload u : List.of(upload, camera)) {
            u.setMaxFiles(1);
            u.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
            u.addFileRejectedListener(e -> fileError(e.getErrorMessage().contains("size")
                    ? "This file is larger than " + maxBytes / (1024 * 1024) + " MB: please send a smaller one"
                    : "This kind of file is not accepted: please send a photo (JPG, PNG), a PDF or a Word file"));
            u.addFailedListener(e -> fileError("The file did not arrive completely: please try again"));
        }
        upload.setAcceptedFileTypes(ACCEPTED);
        FlexLayout files = new FlexLayout(upload, camera);
        files.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        files.getStyle().set("gap", "var(--lumo-space-s)");
        file.setId(prefix + "-file");
        fileError.setId(prefix + "-file-error");
        fileError.getStyle().set("color", "var(--lumo-error-text-color)").set("display", "block");
        Div fileStatus = new Div(file, fileError);
        form = new ClientDocumentForm(prefix, item.kinds());
        form.kind.addValueChangeListener(e -> readChosen());
        read.setId(prefix + "-read");
        read.addClassName("attest-read-note");
        read.setVisible(false);
        send = new Button("Send");
        send.setId(prefix + "-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        refused.setId(prefix + "-refused");
        refused.getStyle().set("color", "var(--lumo-error-text-color)");
        refused.setVisible(false);
        send.addClickListener(e -> {
            try {
                submit(sender, arrived);
            } finally {
                if (send.getParent().isPresent()) {
                    send.setEnabled(true);
                }
            }
        });
        add(files, fileStatus, read, form, refused, send);
    }

    private void chosen(LimitedUpload.Received r, long maxBytes) {
        fileError.setText("");
        if (r.tooLarge()) {
            received = null;
            file.setText("No file chosen yet");
            fileError("This file is larger than " + maxBytes / (1024 * 1024) + " MB: please send a smaller one");
            return;
        }
        received = r;
        file.setText("Ready to send: " + r.fileName() + " (" + size(r.bytes().length) + ")");
        readChosen();
    }

    /**
     * Reads the chosen file, once a file and a kind are chosen, and fills the fields left empty from it for the client
     * to check; says what was filled, or that the file could not be read (the client fills in what they can).
     */
    private void readChosen() {
        DocumentKind kind = form.kind.getValue();
        if (received == null || kind == null) {
            return;
        }
        DocumentReading reading;
        try {
            reading = reader.read(item.slot(), received.fileName(), received.bytes(), kind);
        } catch (DocumentRefusedException ex) {
            fileError("We cannot accept this file: " + ex.getMessage());
            return;
        } catch (InvalidInputException | UploadLinkRefusedException ex) {
            return; // sending says why
        }
        read.setVisible(true);
        if (reading.status() == DocumentReading.Status.PENDING) {
            read.setText("We are still reading your document. Fill in what you can, or just send it: we read it "
                    + "when it arrives.");
            return;
        }
        List<String> filled = form.fill(reading);
        read.setText(filled.isEmpty()
                ? "We could not read the details off your document. Fill in what you can, or just send it."
                : "We filled in what we read off your document (" + String.join(", ", filled).toLowerCase(Locale.ROOT)
                        + "). Please check it and correct anything we read wrong.");
    }

    private void submit(Sender sender, Consumer<String> arrived) {
        refused.setVisible(false);
        fileError.setText("");
        boolean ok = form.checkRequired();
        if (received == null) {
            fileError("Please choose a file or take a photo first");
            ok = false;
        }
        if (!ok) {
            return;
        }
        try {
            sender.send(item.slot(), received.fileName(), received.bytes(), form.metadata());
        } catch (DocumentRefusedException ex) {
            fileError("We cannot accept this file: " + ex.getMessage());
            return;
        } catch (InvalidInputException ex) {
            ex.errors().stream().filter(f -> f.field().equals("file")).findFirst()
                    .ifPresent(f -> fileError("We cannot accept this file: the file " + f.message()));
            List<String> rest = form.showErrors(ex.errors().stream().filter(f -> !f.field().equals("file"))
                    .toList());
            if (!rest.isEmpty()) {
                refused.setText(String.join(" ", rest));
                refused.setVisible(true);
            }
            return;
        } catch (UploadLinkRefusedException ex) {
            if (ex.reason() == UploadLinkRefusedException.Reason.LINK_NOT_VALID) {
                return; // the view has replaced the page
            }
            refused.setText(ex.getMessage());
            refused.setVisible(true);
            return;
        }
        String name = received.fileName();
        receivedName = name;
        received = null;
        removeAll();
        H2 title = new H2(item.slot() + ". " + item.title());
        title.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin", "0");
        add(title);
        received(name);
        arrived.accept(name);
    }

    private void received(String fileName) {
        Paragraph done = new Paragraph("Received" + (fileName == null ? "" : ": " + fileName)
                + ". Thank you, nothing more is needed for this item.");
        done.setId(prefix + "-received");
        done.getStyle().set("color", "var(--lumo-success-text-color)").set("font-weight", "600");
        add(done);
    }

    private void fileError(String text) {
        fileError.setText(text);
    }

    static String size(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " KB"
                : String.format(Locale.US, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
