package dev.attest.documents.ui;

import java.io.ByteArrayInputStream;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import dev.attest.cases.CaseClosedException;
import dev.attest.documents.AddressComparison;
import dev.attest.documents.CheckResult;
import dev.attest.documents.DocumentContent;
import dev.attest.documents.Documents;
import dev.attest.documents.StoredDocument;
import dev.attest.documents.reading.DocumentReading;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.ui.Formats;
import dev.attest.validation.InvalidInputException;

/**
 * One document beside its checks: the page (images as they are, PDFs rendered server-side), the checks,
 * the address comparison component by component, what was read off it, and a download. Every view and download is an audited read.
 */
class DocumentPanel extends FlexLayout {

    /** @param editable whether its facts may be corrected: not on a closed case, which is a record */
    DocumentPanel(Documents documents, String caseReference, StoredDocument d, String reason, boolean editable) {
        setFlexWrap(FlexWrap.WRAP);
        getStyle().set("gap", "var(--lumo-space-l)");
        setWidthFull();
        UUID id = d.getId();

        VerticalLayout page = new VerticalLayout();
        page.setPadding(false);
        page.setWidth("28em");
        if (d.getMediaType().startsWith("image/") || d.getMediaType().equals("application/pdf")) {
            Image preview = new Image(DownloadHandler.fromInputStream(event -> {
                byte[] png = documents.preview(caseReference, id, reason);
                byte[] bytes = png == null ? new byte[0] : png;
                return new DownloadResponse(new ByteArrayInputStream(bytes), "preview-" + id + ".png", "image/png",
                        bytes.length);
            }), "The document " + d.getFileName());
            preview.setId("document-preview");
            preview.setWidthFull();
            preview.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)");
            page.add(preview);
        } else {
            page.add(new Paragraph("No preview for Word files: download it to read it."));
        }
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            DocumentContent content = documents.read(caseReference, id, reason + " (download)");
            return new DownloadResponse(new ByteArrayInputStream(content.bytes()), content.fileName(),
                    "application/octet-stream", content.bytes().length);
        }), AttachmentType.DOWNLOAD, "Download " + d.getFileName());
        download.setId("document-download");
        page.add(download);
        add(page);

        VerticalLayout facts = new VerticalLayout();
        facts.setPadding(false);
        facts.setWidth("36em");
        facts.getStyle().set("flex-grow", "1");
        facts.add(new H4(label(d.getKind().name()) + " · " + label(d.getStatus().name())
                + (d.getRejectionReason() == null ? "" : " (" + label(d.getRejectionReason().name()) + ")")));
        Grid<CheckResult> checks = new Grid<>();
        checks.setId("document-checks");
        checks.addComponentColumn(c -> badge(c.outcome().name())).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        checks.addColumn(c -> c.code().label()).setHeader("Check").setAutoWidth(true).setFlexGrow(0);
        checks.addColumn(CheckResult::detail).setHeader("Detail").setFlexGrow(1);
        checks.setItems(d.getChecks());
        checks.setAllRowsVisible(true);
        checks.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        facts.add(checks);

        AddressComparison.Result address = documents.addressComparison(caseReference, id);
        if (address != null) {
            facts.add(new H4("Address on the document vs on file"));
            Grid<AddressComparison.Component> table = new Grid<>();
            table.setId("address-comparison");
            table.addColumn(AddressComparison.Component::name).setHeader("Component");
            table.addColumn(AddressComparison.Component::onFile).setHeader("On file");
            table.addColumn(AddressComparison.Component::onDocument).setHeader("On document");
            table.addComponentColumn(c -> badge(switch (c.status()) {
                case MATCH -> "MATCHED";
                case DIFFERS -> "DIFFERS";
                case MISSING -> "MISSING";
            })).setHeader("");
            table.setItems(address.components());
            table.setAllRowsVisible(true);
            table.addThemeVariants(GridVariant.LUMO_COMPACT);
            facts.add(table);
        }
        DocumentReading reading = Documents.mayReadContent() ? documents.readingOf(d) : null;
        if (reading != null) {
            facts.add(new ReadingPanel(reading));
        }
        if (d.getDecisionNote() != null) {
            facts.add(new Paragraph("Decision note: " + d.getDecisionNote()));
        }
        if (d.getOverriddenPoints() != null) {
            Paragraph override = new Paragraph("Approved despite open points by " + d.getDecidedBy() + ": "
                    + d.getOverriddenPoints() + ". Why: " + d.getOverrideNote());
            override.setId("document-override");
            facts.add(Formats.badge("Override", Formats.Tone.ERROR), override);
        }
        if (editable && CurrentUser.require().hasAny(Role.ANALYST, Role.SENIOR_ANALYST)) {
            DocumentFactsForm correction = new DocumentFactsForm("correct");
            correction.setId("correct-form");
            correction.show(d.facts());
            Button save = new Button("Save and re-run the checks", e -> {
                try {
                    documents.correct(caseReference, id, correction.metadata());
                    DocumentUploadForm.notify("Corrected; the checks ran again", NotificationVariant.LUMO_SUCCESS);
                    getUI().ifPresent(ui -> ui.getPage().reload());
                } catch (InvalidInputException ex) {
                    DocumentUploadForm.notify(DocumentUploadForm.describe(ex), NotificationVariant.LUMO_ERROR);
                } catch (CaseClosedException ex) {
                    DocumentUploadForm.notify(ex.getMessage(), NotificationVariant.LUMO_ERROR);
                }
            });
            save.setId("correct-save");
            Details correct = new Details("Correct what the document shows", new VerticalLayout(correction, save));
            correct.setId("correct-document");
            correct.setWidthFull();
            facts.add(correct);
        }
        add(facts);
    }

    static Span badge(String outcome) {
        return Formats.badge(label(outcome), switch (outcome) {
            case "PASS", "MATCHED", "APPROVED" -> Formats.Tone.SUCCESS;
            case "FAIL", "DIFFERS", "REJECTED" -> Formats.Tone.ERROR;
            default -> Formats.Tone.NEUTRAL;
        });
    }

    static String label(String name) {
        String s = name.toLowerCase().replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
