package dev.attest.recovery.ui;

import java.util.Arrays;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;

import dev.attest.cases.CaseClosedException;
import dev.attest.recovery.MarketplaceDecision;
import dev.attest.recovery.MarketplaceDecisionRequest;
import dev.attest.recovery.MarketplaceRejectionReason;
import dev.attest.recovery.NotAwaitingDecisionException;
import dev.attest.recovery.TwoFactorRecovery;
import dev.attest.ui.Formats;
import dev.attest.validation.InvalidInputException;

/**
 * Records the marketplace's decision on the open 2FA reset submission, as the REST API does: the reason is asked
 * for a rejection; the waiting process moves on at once.
 */
class MarketplaceDecisionForm extends FormLayout {

    final RadioButtonGroup<MarketplaceDecision> decision = new RadioButtonGroup<>("The marketplace's decision");
    final ComboBox<MarketplaceRejectionReason> reason = new ComboBox<>("Reason for the rejection");
    final TextArea note = new TextArea("What the marketplace wrote (optional)");
    final Button record = new Button("Record the decision");

    MarketplaceDecisionForm(TwoFactorRecovery recovery, String caseReference, Runnable recorded) {
        setId("marketplace-decision");
        setResponsiveSteps(new ResponsiveStep("0", 1));
        decision.setItems(MarketplaceDecision.values());
        decision.setItemLabelGenerator(d -> d == MarketplaceDecision.APPROVED ? "Approved: two-step verification reset"
                : "Rejected");
        decision.setId("marketplace-decision-choice");
        reason.setItems(Arrays.asList(MarketplaceRejectionReason.values()));
        reason.setItemLabelGenerator(Formats::label);
        reason.setId("marketplace-decision-reason");
        reason.setVisible(false);
        decision.addValueChangeListener(e -> reason.setVisible(e.getValue() == MarketplaceDecision.REJECTED));
        note.setMaxLength(2000);
        record.setId("marketplace-decision-record");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        record.addClickListener(e -> {
            decision.setInvalid(false);
            reason.setInvalid(false);
            try {
                var s = recovery.recordDecision(caseReference, new MarketplaceDecisionRequest(
                        decision.getValue() == null ? null : decision.getValue().name(),
                        reason.isVisible() && reason.getValue() != null ? reason.getValue().name() : null,
                        note.getValue()));
                Notification.show("Recorded: submission " + s.getRound() + " " + Formats.label(s.getDecision()),
                        5000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                recorded.run();
            } catch (InvalidInputException ex) {
                ex.errors().forEach(f -> {
                    if ("decision".equals(f.field())) {
                        decision.setErrorMessage(f.message());
                        decision.setInvalid(true);
                    } else if ("reason".equals(f.field())) {
                        reason.setErrorMessage(f.message());
                        reason.setInvalid(true);
                    } else {
                        note.setErrorMessage(f.message());
                        note.setInvalid(true);
                    }
                });
            } catch (NotAwaitingDecisionException | CaseClosedException ex) {
                Notification.show(ex.getMessage(), 6000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        add(decision, reason, note, new HorizontalLayout(record));
    }
}
