package dev.attest.designer.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import dev.attest.designer.ActivityCount;
import dev.attest.designer.DeployedModel;
import dev.attest.designer.Designer;
import dev.attest.designer.MigrationPreview;
import dev.attest.designer.ModelKind;
import dev.attest.designer.OpenIncident;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.ui.Formats;

/**
 * Where the cases of one process version stand: the diagram with a count on every activity that has instances
 * waiting, the open incidents with a retry action, and the migration of running instances to another version.
 */
@Route("designer/model")
@PageTitle("Process version · Attest")
@RolesAllowed({Role.Names.DESIGNER, Role.Names.ADMIN})
public class ModelView extends VerticalLayout implements HasUrlParameter<String> {

    private final Designer designer;
    private final ZoneId zone;
    private DeployedModel model;
    final Grid<OpenIncident> incidents = new Grid<>();
    final Grid<MigrationPreview.InstanceMove> moves = new Grid<>();
    final ComboBox<DeployedModel> target = new ComboBox<>("Move running instances to");
    final UnorderedList planProblems = new UnorderedList();
    final Button check = new Button("Check migration");
    final Button migrate = new Button("Migrate");

    public ModelView(Designer designer, ZoneId zone) {
        this.designer = designer;
        this.zone = zone;
        setWidthFull();
    }

    @Override
    public void setParameter(BeforeEvent event, String definitionId) {
        removeAll();
        add(backToDesigner());
        try {
            model = designer.model(definitionId);
        } catch (NoSuchElementException e) {
            add(new H2("No such process version"), new Paragraph(e.getMessage()));
            return;
        }
        add(new H2((model.name() == null ? model.key() : model.name()) + " · v" + model.version()),
                new Paragraph(model.runningInstances() + " running instance(s), " + model.incidents()
                        + " open incident(s). File " + fileName(model) + ", deployed "
                        + Formats.dateTime(model.deployedAt(), zone) + "."),
                download(designer, model));
        if (model.kind() != ModelKind.BPMN) {
            return;
        }
        BpmnEditor viewer = new BpmnEditor(false);
        viewer.show(designer.xml(model.id()));
        viewer.showCounts(designer.activityCounts(model.id()));
        add(viewer);

        incidents.addColumn(i -> Formats.dateTime(i.at(), zone)).setHeader("Raised").setAutoWidth(true);
        incidents.addColumn(i -> i.caseReference() == null ? "" : i.caseReference()).setHeader("Case").setAutoWidth(true);
        incidents.addColumn(OpenIncident::activityLabel).setHeader("Step").setAutoWidth(true)
                .setTooltipGenerator(OpenIncident::activityId);
        incidents.addColumn(OpenIncident::message).setHeader("Error").setFlexGrow(1)
                .setTooltipGenerator(OpenIncident::message);
        incidents.addComponentColumn(i -> {
            Button retry = new Button("Retry", e -> {
                designer.retry(i.id());
                Notification.show("The job runs again shortly", 3000, Notification.Position.TOP_CENTER);
                e.getSource().setEnabled(false);
            });
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            retry.setEnabled(i.retryable());
            return retry;
        }).setAutoWidth(true);
        incidents.setAllRowsVisible(true);
        incidents.addThemeVariants(GridVariant.LUMO_COMPACT);
        incidents.setItems(designer.incidents(model.id()));
        add(new H3("Open incidents"), incidents);

        if (CurrentUser.require().has(Role.DESIGNER)) {
            add(migrationPanel());
        }
    }

    private Component migrationPanel() {
        List<DeployedModel> others = designer.deployed().stream()
                .filter(m -> m.kind() == ModelKind.BPMN && m.key().equals(model.key()) && !m.id().equals(model.id()))
                .toList();
        target.setItems(others);
        target.setItemLabelGenerator(m -> "v" + m.version() + (m.latest() ? " (latest)" : ""));
        others.stream().filter(DeployedModel::latest).findFirst().ifPresent(target::setValue);
        target.setWidth("220px");
        moves.addColumn(m -> m.caseReference() == null ? "" : m.caseReference()).setHeader("Case").setAutoWidth(true);
        moves.addColumn(m -> String.join(", ", m.steps())).setHeader("Waiting in").setAutoWidth(true);
        moves.addComponentColumn(m -> Formats.badge(m.canMove() ? "can move" : "stays",
                m.canMove() ? Formats.Tone.SUCCESS : Formats.Tone.ERROR)).setHeader("").setAutoWidth(true);
        moves.addColumn(m -> m.reason() == null ? "" : m.reason()).setHeader("Why not").setFlexGrow(1);
        moves.setAllRowsVisible(true);
        moves.addThemeVariants(GridVariant.LUMO_COMPACT);
        moves.setVisible(false);
        migrate.setEnabled(false);
        migrate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickListener(e -> preview());
        migrate.addClickListener(e -> {
            try {
                Designer.MigrationStarted started = designer.migrate(model.id(), target.getValue().id());
                Notification.show(started.moving() + " instance(s) are moving to v" + target.getValue().version()
                        + (started.staying() > 0 ? "; " + started.staying() + " stay" : ""), 5000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                migrate.setEnabled(false);
            } catch (IllegalStateException | IllegalArgumentException ex) {
                DesignerView.error(ex.getMessage());
            }
        });
        HorizontalLayout row = new HorizontalLayout(target, check, migrate);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout panel = new VerticalLayout(new H3("Migration"), new Paragraph(others.isEmpty()
                ? "There is no other version of this process to move to."
                : "Running cases stay on their version unless you move them. Check first: the engine validates the "
                        + "plan and every instance."), row, planProblems, moves);
        panel.setPadding(false);
        row.setVisible(!others.isEmpty());
        return panel;
    }

    void preview() {
        if (target.getValue() == null) {
            target.setInvalid(true);
            target.setErrorMessage("Choose a version");
            return;
        }
        MigrationPreview preview = designer.previewMigration(model.id(), target.getValue().id());
        planProblems.removeAll();
        preview.planProblems().forEach(p -> planProblems.add(new ListItem(p)));
        moves.setItems(preview.instances());
        moves.setVisible(true);
        migrate.setText("Migrate " + preview.movable().size() + " instance(s)");
        migrate.setEnabled(preview.planValid() && !preview.movable().isEmpty());
    }

    /** The way back to the designer's home, on every designer page. */
    static RouterLink backToDesigner() {
        RouterLink back = new RouterLink("← Back to the designer", DesignerView.class);
        back.setId("back");
        return back;
    }

    /** A link that downloads the deployed file, to commit to the repository's bpmn/ folder. */
    static Anchor download(Designer designer, DeployedModel m) {
        String file = fileName(m);
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] xml = designer.xml(m.id()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(xml), file, "application/xml", xml.length);
        }), AttachmentType.DOWNLOAD, "");
        var icon = VaadinIcon.DOWNLOAD_ALT.create();
        icon.setSize("var(--lumo-icon-size-s)");
        a.add(icon);
        a.getElement().setAttribute("title", "Download " + file);
        return a;
    }

    static String fileName(DeployedModel m) {
        String path = m.resourceName().replace('\\', '/');
        return path.substring(path.lastIndexOf('/') + 1);
    }

    List<ActivityCount> counts() {
        return designer.activityCounts(model.id());
    }
}
