package dev.attest.communication.ui;

import java.time.ZoneId;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.attest.communication.MailIncidents;
import dev.attest.communication.OutboxMessage;
import dev.attest.ui.Formats;

/**
 * The e-mails that could not be sent after every attempt, as incidents, each with a retry action (audited by
 * {@link MailIncidents}). Shown on the designer's home beside the processes' incident counts.
 */
public class FailedMailsSection extends VerticalLayout {

    final Grid<OutboxMessage> failed = new Grid<>();
    private final MailIncidents incidents;

    public FailedMailsSection(MailIncidents incidents, ZoneId zone) {
        this.incidents = incidents;
        setPadding(false);
        setId("failed-mails");
        failed.addColumn(m -> Formats.dateTime(m.getCreatedAt(), zone)).setHeader("Written").setAutoWidth(true);
        failed.addColumn(OutboxMessage::getCaseReference).setHeader("Case").setAutoWidth(true);
        failed.addColumn(OutboxMessage::getSubject).setHeader("Subject").setAutoWidth(true);
        failed.addColumn(OutboxMessage::getAttempts).setHeader("Attempts").setAutoWidth(true).setFlexGrow(0);
        failed.addColumn(OutboxMessage::getLastError).setHeader("Error").setFlexGrow(1)
                .setTooltipGenerator(OutboxMessage::getLastError);
        failed.addComponentColumn(m -> {
            Button retry = new Button("Retry", e -> {
                incidents.retry(m.getId());
                Notification.show("The e-mail is sent again shortly", 3000, Notification.Position.TOP_CENTER);
                refresh();
            });
            retry.setId("retry-mail-" + m.getId());
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return retry;
        }).setKey("retry").setAutoWidth(true);
        failed.setId("failed-mails-grid");
        failed.setAllRowsVisible(true);
        failed.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(new H3("E-mails that could not be sent"),
                new Paragraph("Every attempt failed (the mail server refused or could not be reached); "
                        + "Retry gives one more attempt."), failed);
        refresh();
    }

    void refresh() {
        var items = incidents.failed();
        failed.setItems(items);
        setVisible(!items.isEmpty());
    }
}
