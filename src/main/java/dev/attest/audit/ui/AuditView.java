package dev.attest.audit.ui;

import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.attest.audit.AuditTrail;
import dev.attest.audit.AuditTrail.Action;
import dev.attest.audit.AuditTrail.Record;
import dev.attest.identity.Role;
import dev.attest.ui.Formats;

/**
 * The audit trail (ADMIN): the newest records, narrowed to one user, action or case, and a check that the whole
 * hash chain is as written.
 */
@Route("admin/audit")
@PageTitle("Audit trail · Attest")
@RolesAllowed(Role.Names.ADMIN)
public class AuditView extends VerticalLayout {

    static final int SHOWN = 200;

    private final AuditTrail audit;
    private final ZoneId zone;
    private final TextField who = new TextField("User");
    private final Select<Action> action = new Select<>();
    private final TextField caseReference = new TextField("Case");
    private final Grid<Record> grid = new Grid<>();
    private final Span count = new Span();
    private final Paragraph verification = new Paragraph();

    public AuditView(AuditTrail audit, ZoneId zone) {
        this.audit = audit;
        this.zone = zone;

        Button verify = new Button("Verify the chain", e -> verify());
        verify.setId("audit-verify");
        verification.setId("audit-verification");
        HorizontalLayout chain = new HorizontalLayout(verify, verification);
        chain.setAlignItems(FlexComponent.Alignment.BASELINE);

        who.setId("audit-who");
        who.setClearButtonVisible(true);
        who.setMaxLength(64);
        action.setId("audit-action");
        action.setLabel("Action");
        action.setItems(Action.values());
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption("Any action");
        action.setItemLabelGenerator(a -> a == null ? "Any action" : Formats.label(a));
        caseReference.setId("audit-case");
        caseReference.setClearButtonVisible(true);
        caseReference.setPlaceholder("CASE-2026-000001");
        caseReference.setMaxLength(20);
        Button show = new Button("Show", e -> load());
        show.setId("audit-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(who, action, caseReference, show);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("audit-records");
        grid.addColumn(r -> Formats.dateTime(r.at(), this.zone)).setHeader("When").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Record::who).setHeader("Who").setAutoWidth(true);
        grid.addColumn(r -> Formats.label(r.action())).setHeader("Action").setAutoWidth(true);
        grid.addColumn(r -> r.caseReference() == null ? "" : r.caseReference()).setHeader("Case").setAutoWidth(true);
        grid.addColumn(Record::subject).setHeader("Subject").setAutoWidth(true);
        grid.addColumn(r -> r.reason() == null ? "" : r.reason()).setHeader("Reason").setFlexGrow(1)
                .setTooltipGenerator(r -> r.reason() == null ? "" : r.reason());
        grid.setHeight("32em");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        count.setId("audit-count");

        add(new H2("Audit trail"), new Paragraph("Every record is numbered and chained to the one before by a "
                + "SHA-256 hash: a record changed, removed or cut from the end after it was written is found by the "
                + "check."), chain, filters, count, grid);
        load();
    }

    private void load() {
        List<Record> records = audit.newest(who.getValue(), action.getValue(), caseReference.getValue(), SHOWN);
        grid.setItems(records);
        count.setText(records.size() < SHOWN ? records.size() + " records" : "The newest " + SHOWN + " records");
    }

    private void verify() {
        AuditTrail.Verification v = audit.verify();
        verification.setText(v.intact() ? "Intact: " + v.records() + " records, each as written, in order, none missing"
                + (v.pending() == 0 ? "" : "; " + v.pending() + " newer " + (v.pending() == 1 ? "record is" : "records are")
                        + " not chained yet (they are chained moments after they are written)")
                : "Broken at record " + v.brokenAt() + ": " + v.problem());
        verification.getStyle().set("color", v.intact() ? "var(--lumo-success-text-color)"
                : "var(--lumo-error-text-color)").set("font-weight", "500");
    }
}
