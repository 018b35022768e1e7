package dev.attest.cases.ui;

import java.time.ZoneId;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import dev.attest.cases.CaseFile;
import dev.attest.cases.Retention;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.ui.Formats;
import dev.attest.validation.InvalidInputException;

/**
 * Record keeping on the case view (ADMIN): how long the case's records are kept, a legal hold to place or release,
 * and a client's erasure request to record — refused with the reason while the case is open, on hold or inside its
 * retention period, carried out after it. Every step is audited and shown on the timeline.
 */
@Component
class RetentionCaseSection implements CaseViewSection {

    private final Retention retention;
    private final ZoneId zone;

    RetentionCaseSection(Retention retention, ZoneId zone) {
        this.retention = retention;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public com.vaadin.flow.component.Component render(CaseFile c) {
        if (!CurrentUser.find().map(u -> u.has(Role.ADMIN)).orElse(false)) {
            return null;
        }
        VerticalLayout section = new VerticalLayout(new H3("Record keeping"));
        section.setPadding(false);
        section.setId("record-keeping");
        Paragraph kept = new Paragraph(kept(c));
        kept.setId("retention-status");
        section.add(kept);
        if (c.getErasedAt() != null) {
            return section;
        }
        if (c.isOnLegalHold()) {
            Paragraph hold = new Paragraph();
            hold.add(Formats.badge("Legal hold", Formats.Tone.ERROR), new Span(
                    " " + c.getLegalHoldReason()));
            hold.setId("legal-hold");
            section.add(hold);
        }
        Button holdButton = c.isOnLegalHold()
                ? new Button("Release the legal hold", e -> act(() -> retention.releaseLegalHold(c.getReference()),
                        "Legal hold released"))
                : new Button("Place a legal hold", e -> placeHold(c));
        holdButton.setId(c.isOnLegalHold() ? "release-hold" : "place-hold");
        Button erasure = new Button("Record an erasure request", e -> erasureRequest(c));
        erasure.setId("erasure-request");
        section.add(new HorizontalLayout(holdButton, erasure));
        return section;
    }

    private String kept(CaseFile c) {
        if (c.getErasedAt() != null) {
            return "Documents, the client's personal data and the process history were erased on "
                    + Formats.dateTime(c.getErasedAt(), zone) + ". The reference, dates, outcome and audit trail stay.";
        }
        if (c.getClosedAt() == null) {
            return "Open: its records are kept while it is worked and for " + retention.years()
                    + " years after it closes (anti-money-laundering record keeping).";
        }
        return "Closed " + Formats.dateTime(c.getClosedAt(), zone) + ": its records are kept until "
                + Formats.dateTime(retention.keptUntil(c), zone) + (c.isOnLegalHold()
                        ? ", and after that for as long as the legal hold lasts." : ", then erased by the nightly job.");
    }

    private void placeHold(CaseFile c) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Legal hold on " + c.getReference());
        TextArea reason = new TextArea("Why (litigation, regulator's request, …)");
        reason.setId("hold-reason");
        reason.setMaxLength(500);
        reason.setRequired(true);
        reason.setWidth("32em");
        dialog.add(new Paragraph("Nothing of the case is erased while the hold lasts, whatever its retention period."),
                reason);
        Button place = new Button("Place the hold", e -> {
            try {
                retention.placeLegalHold(c.getReference(), reason.getValue());
                dialog.close();
                done("Legal hold placed");
            } catch (InvalidInputException ex) {
                reason.setInvalid(true);
                reason.setErrorMessage("The reason " + ex.errors().get(0).message());
            }
        });
        place.setId("confirm-hold");
        place.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), place);
        dialog.open();
    }

    private void erasureRequest(CaseFile c) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Erasure request for " + c.getReference());
        TextArea request = new TextArea("The client's request (how and when it came, in their words)");
        request.setId("erasure-text");
        request.setMaxLength(150);
        request.setWidth("32em");
        dialog.add(new Paragraph("Inside the retention period, while the case is open or on legal hold the request "
                + "is refused and the reason recorded; after it, the case's documents, personal data and process "
                + "history are erased at once."), request);
        Button record = new Button("Record the request", e -> {
            Retention.ErasureDecision decision;
            try {
                decision = retention.requestErasure(c.getReference(), request.getValue());
            } catch (InvalidInputException ex) {
                request.setInvalid(true);
                request.setErrorMessage("The request " + ex.errors().get(0).message());
                return;
            }
            dialog.close();
            Notification.show(decision.erased() ? "Erased" : "Refused: " + decision.reason(), 8000,
                    Notification.Position.BOTTOM_START).addThemeVariants(decision.erased()
                            ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST);
            UI.getCurrent().refreshCurrentRoute(false);
        });
        record.setId("confirm-erasure");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), record);
        dialog.open();
    }

    private void act(Runnable action, String message) {
        action.run();
        done(message);
    }

    private static void done(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        UI.getCurrent().refreshCurrentRoute(false);
    }
}
