package dev.attest.communication.ui;

import java.time.ZoneId;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;

import dev.attest.cases.CaseFile;
import dev.attest.cases.ui.CaseViewSection;
import dev.attest.communication.ClientMessages;
import dev.attest.communication.MailStatus;
import dev.attest.communication.OutboxMessage;
import dev.attest.ui.Formats;

/**
 * The e-mails to the client on the case view: when, what, and whether each was sent, held (no SMTP server:
 * staff pass it on) or failed. A held e-mail shows its upload link; a sent one has it masked.
 */
@Component
class OutboxCaseSection implements CaseViewSection {

    private final ClientMessages messages;
    private final ZoneId zone;

    OutboxCaseSection(ClientMessages messages,
            ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public com.vaadin.flow.component.Component render(CaseFile caseFile) {
        List<OutboxMessage> mails;
        try {
            mails = messages.ofCase(caseFile.getReference());
        } catch (AccessDeniedException e) {
            return null;
        }
        VerticalLayout section = new VerticalLayout(new H3("E-mails to the client (" + mails.size() + ")"));
        section.setPadding(false);
        section.setId("outbox");
        if (mails.isEmpty()) {
            return section;
        }
        Grid<OutboxMessage> grid = new Grid<>();
        grid.setId("outbox-grid");
        grid.addColumn(m -> Formats.dateTime(m.getCreatedAt(), zone)).setHeader("Written").setAutoWidth(true);
        grid.addColumn(OutboxMessage::getSubject).setHeader("Subject").setFlexGrow(1);
        grid.addColumn(OutboxMessage::getRecipient).setHeader("To").setAutoWidth(true);
        grid.addColumn(this::status).setHeader("Status").setAutoWidth(true);
        grid.setItems(mails);
        grid.setAllRowsVisible(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(m -> {
            Pre body = new Pre(m.bodyForStaff());
            body.getStyle().set("white-space", "pre-wrap");
            return body;
        }));
        section.add(grid);
        OutboxMessage latestHeld = mails.stream().filter(m -> m.getStatus() == MailStatus.HELD)
                .reduce((a, b) -> b).orElse(null);
        if (latestHeld != null) {
            Pre body = new Pre(latestHeld.bodyForStaff());
            body.setId("outbox-latest-held");
            body.getStyle().set("white-space", "pre-wrap");
            Details details = new Details("Latest e-mail held in the outbox (no mail server configured: pass it on)",
                    body);
            section.add(details);
        }
        return section;
    }

    String status(OutboxMessage m) {
        return switch (m.getStatus()) {
            case QUEUED -> m.getAttempts() == 0 ? "Queued" : "Tried again " + Formats.dateTime(m.getNextAttemptAt(),
                    zone) + " (" + m.getAttempts() + " failed: " + m.getLastError() + ")";
            case SENT -> "Sent " + Formats.dateTime(m.getSentAt(), zone);
            case HELD -> "Held in the outbox";
            case FAILED -> "Failed after " + m.getAttempts() + " attempts (an incident in the designer): "
                    + m.getLastError();
        };
    }
}
