package dev.attest.designer.ui;

import java.time.ZoneId;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.attest.communication.MailIncidents;
import dev.attest.communication.ui.FailedMailsSection;
import dev.attest.designer.DeployedModel;
import dev.attest.designer.Designer;
import dev.attest.designer.DraftModel;
import dev.attest.designer.ModelKind;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.ui.Formats;

/**
 * The process designer's home: every deployed version with its running cases and incidents, the e-mails that
 * could not be sent (incidents of the mail relay), the drafts being edited, new models, a case's whereabouts, and
 * the recent deployments.
 */
@Route("designer")
@PageTitle("Designer · Attest")
@RolesAllowed({Role.Names.DESIGNER, Role.Names.ADMIN})
public class DesignerView extends VerticalLayout {

    private final Designer designer;
    private final ZoneId zone;
    private final boolean canEdit;
    final Grid<DeployedModel> deployed = new Grid<>();
    final Grid<DraftModel> drafts = new Grid<>();
    final Grid<Designer.DeploymentEntry> history = new Grid<>();

    final FailedMailsSection failedMails;

    public DesignerView(Designer designer, MailIncidents mailIncidents, ZoneId zone) {
        this.designer = designer;
        this.zone = zone;
        this.canEdit = CurrentUser.require().has(Role.DESIGNER);
        setWidthFull();

        Button newProcess = new Button("New process", VaadinIcon.PLUS.create(), e -> askName(ModelKind.BPMN));
        Button newDecision = new Button("New decision", VaadinIcon.PLUS.create(), e -> askName(ModelKind.DMN));
        newProcess.setVisible(canEdit);
        newDecision.setVisible(canEdit);
        TextField caseReference = new TextField();
        caseReference.setPlaceholder("Case reference");
        caseReference.setAriaLabel("Case reference");
        Button whereIsCase = new Button("Where does this case stand?", e -> {
            String ref = caseReference.getValue().strip();
            if (!ref.matches("[A-Za-z0-9-]{1,20}")) {
                caseReference.setInvalid(true);
                caseReference.setErrorMessage("A case reference looks like ATT-2026-00042");
                return;
            }
            getUI().ifPresent(ui -> ui.navigate(CaseStandView.class, ref.toUpperCase(Locale.ROOT)));
        });
        HorizontalLayout tools = new HorizontalLayout(newProcess, newDecision, caseReference, whereIsCase);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        deployed.addColumn(m -> m.kind().name()).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        deployed.addColumn(DeployedModel::key).setHeader("Key").setAutoWidth(true);
        deployed.addColumn(m -> m.name() == null ? "" : m.name()).setHeader("Name").setAutoWidth(true);
        deployed.addComponentColumn(m -> Formats.badge("v" + m.version() + (m.latest() ? " · latest" : ""),
                m.latest() ? Formats.Tone.SUCCESS : Formats.Tone.NEUTRAL)).setHeader("Version").setAutoWidth(true);
        deployed.addColumn(DeployedModel::runningInstances).setHeader("Running").setAutoWidth(true).setFlexGrow(0);
        deployed.addColumn(DeployedModel::incidents).setHeader("Incidents").setAutoWidth(true).setFlexGrow(0);
        deployed.addColumn(m -> Formats.dateTime(m.deployedAt(), this.zone)).setHeader("Deployed").setAutoWidth(true);
        deployed.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        deployed.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        deployed.setAllRowsVisible(true);
        deployed.setId("deployed-models");
        drafts.setId("drafts");
        history.setId("deployments");

        drafts.addColumn(DraftModel::name).setHeader("Draft").setAutoWidth(true);
        drafts.addColumn(d -> d.kind().name()).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        drafts.addColumn(DraftModel::resourceName).setHeader("File").setAutoWidth(true);
        drafts.addColumn(d -> d.updatedBy() + ", " + Formats.dateTime(d.updatedAt(), this.zone)).setHeader("Saved")
                .setAutoWidth(true);
        drafts.addComponentColumn(d -> {
            Button open = new Button("Edit", e -> getUI().ifPresent(ui -> ui.navigate(DraftView.class, d.id())));
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            Button delete = new Button("Discard", e -> {
                designer.deleteDraft(d.id());
                refresh();
            });
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return new HorizontalLayout(open, delete);
        }).setAutoWidth(true);
        drafts.setAllRowsVisible(true);
        drafts.addThemeVariants(GridVariant.LUMO_COMPACT);

        history.addColumn(r -> Formats.dateTime(r.deployedAt(), this.zone)).setHeader("When").setAutoWidth(true);
        history.addColumn(Designer.DeploymentEntry::deployedBy).setHeader("Who").setAutoWidth(true);
        history.addColumn(Designer.DeploymentEntry::definitions).setHeader("Versions").setAutoWidth(true);
        history.addColumn(Designer.DeploymentEntry::resources).setHeader("File and SHA-256").setAutoWidth(true);
        history.addColumn(r -> r.changes().lines().count() + " change line(s)").setHeader("Changes")
                .setTooltipGenerator(Designer.DeploymentEntry::changes).setAutoWidth(true);
        history.setAllRowsVisible(true);
        history.addThemeVariants(GridVariant.LUMO_COMPACT);

        failedMails = new FailedMailsSection(mailIncidents, this.zone);
        add(new H2("Process designer"), tools, new H3("Deployed processes and decisions"), deployed, failedMails);
        if (canEdit) {
            add(new H3("Drafts"), drafts);
        }
        add(new H3("Recent deployments from Attest"), history);
        refresh();
    }

    private HorizontalLayout actions(DeployedModel m) {
        HorizontalLayout row = new HorizontalLayout();
        if (canEdit) {
            Button edit = new Button("Edit a copy", e -> {
                DraftModel d = designer.draftFrom(m.id());
                getUI().ifPresent(ui -> ui.navigate(DraftView.class, d.id()));
            });
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.setId("edit-" + m.key() + "-v" + m.version());
            row.add(edit);
        }
        if (m.kind() == ModelKind.BPMN) {
            Button stand = new Button("Cases", e -> getUI().ifPresent(ui -> ui.navigate(ModelView.class, m.id())));
            stand.setId("cases-" + m.key() + "-v" + m.version());
            stand.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            row.add(stand);
        }
        row.add(ModelView.download(designer, m));
        return row;
    }

    private void askName(ModelKind kind) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(kind == ModelKind.BPMN ? "New process" : "New decision");
        TextField name = new TextField("Name");
        name.setRequired(true);
        name.setMaxLength(100);
        name.setWidth("320px");
        Button create = new Button("Create", e -> {
            try {
                DraftModel d = designer.newDraft(kind, name.getValue());
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(DraftView.class, d.id()));
            } catch (IllegalArgumentException ex) {
                name.setInvalid(true);
                name.setErrorMessage(ex.getMessage());
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("The new model starts as a draft; nothing runs until you deploy it."), name);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
    }

    void refresh() {
        deployed.setItems(designer.deployed());
        if (canEdit) {
            drafts.setItems(designer.drafts());
        }
        history.setItems(designer.deployments());
    }

    static void error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
