package dev.attest.designer.ui;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.attest.designer.Designer;
import dev.attest.designer.DeploymentRefusedException;
import dev.attest.designer.DraftModel;
import dev.attest.designer.ModelChanges;
import dev.attest.designer.ModelKind;
import dev.attest.designer.Violation;
import dev.attest.identity.Role;
import dev.attest.ui.Formats;
import jakarta.annotation.security.RolesAllowed;

/**
 * Edits one draft in bpmn-js or dmn-js. Every edit is saved (debounced) so nothing is lost; Validate runs the
 * deployment guard and the engine's parser and marks the offending elements; Changes lists what the draft
 * changes against the deployed version; Deploy makes it the new version.
 */
@Route("designer/draft")
@PageTitle("Edit draft · Attest")
@RolesAllowed(Role.Names.DESIGNER)
public class DraftView extends VerticalLayout implements BeforeEnterObserver,
        com.vaadin.flow.router.HasUrlParameter<Long> {

    private final Designer designer;
    private DraftModel draft;
    private long version;
    private String savedXml;
    private BpmnEditor bpmn;
    private DmnEditor dmn;
    final Span status = new Span();
    final UnorderedList problems = new UnorderedList();
    final Button validate = new Button("Validate", e -> withXml(xml -> showProblems(validateNow())));
    final Button changes = new Button("Changes", e -> withXml(xml -> showChanges()));
    final Button deploy = new Button("Deploy", e -> withXml(xml -> confirmDeploy()));

    public DraftView(Designer designer) {
        this.designer = designer;
        setSizeFull();
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        validate.setId("validate");
        changes.setId("changes");
        deploy.setId("deploy");
        status.setId("draft-status");
        problems.setId("problems");
    }

    @Override
    public void setParameter(com.vaadin.flow.router.BeforeEvent event, Long id) {
        try {
            draft = designer.draft(id);
        } catch (NoSuchElementException e) {
            draft = null;
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        if (draft == null) {
            add(new H2("No such draft"), new Paragraph("It may have been deployed or discarded."),
                    new Button("Back to the designer", e -> getUI().ifPresent(ui -> ui.navigate(DesignerView.class))));
            return;
        }
        version = draft.version();
        savedXml = draft.xml();
        Button back = new Button("Back", e -> getUI().ifPresent(ui -> ui.navigate(DesignerView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(back, new H2(draft.name()), status, validate, changes, deploy);
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.expand(status);
        status.getStyle().set("color", "var(--lumo-secondary-text-color)").set("text-align", "right");
        String[] base = draft.basedOn() == null ? new String[0] : draft.basedOn().split(":");
        status.setText(draft.resourceName() + (base.length < 2 ? " · new" : " · from " + base[0] + " v" + base[1]));
        Component editor;
        if (draft.kind() == ModelKind.DMN) {
            dmn = new DmnEditor();
            dmn.onChange(this::autosave);
            dmn.onImported(this::imported);
            dmn.show(draft.xml());
            editor = dmn;
        } else {
            bpmn = new BpmnEditor(true);
            bpmn.onChange(this::autosave);
            bpmn.onImported(this::imported);
            bpmn.show(draft.xml());
            editor = bpmn;
        }
        editor.getElement().getStyle().set("height", "calc(100vh - 260px)").set("min-height", "420px");
        add(bar, editor, problems);
        setFlexGrow(1, editor);
    }

    private void imported(String error) {
        if (!error.isEmpty()) {
            problems.removeAll();
            problems.add(new ListItem("The diagram could not be shown: " + error));
        }
    }

    /** Saves what the browser holds, unless it is what was saved last. */
    void autosave(String xml) {
        if (xml == null || xml.equals(savedXml)) {
            return;
        }
        try {
            DraftModel saved = designer.save(draft.id(), version, xml);
            version = saved.version();
            savedXml = xml;
            status.setText("Saved " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")));
        } catch (ConcurrentModificationException | IllegalArgumentException e) {
            DesignerView.error(e.getMessage());
        }
    }

    private void withXml(Consumer<String> then) {
        Consumer<String> step = xml -> {
            autosave(xml);
            then.accept(xml);
        };
        if (bpmn != null) {
            bpmn.currentXml(step);
        } else if (dmn != null) {
            dmn.currentXml(step);
        }
    }

    List<Violation> validateNow() {
        return designer.validate(draft.id());
    }

    void showProblems(List<Violation> found) {
        problems.removeAll();
        if (bpmn != null) {
            bpmn.showProblems(found);
        }
        if (found.isEmpty()) {
            Notification.show("Valid: the guard and the engine accept this model", 4000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            return;
        }
        for (Violation v : found) {
            ListItem item = new ListItem();
            if (v.elementId() != null) {
                item.add(Formats.badge(v.elementId(), Formats.Tone.ERROR), new Text(" "));
            }
            item.add(new Text(v.message() + (v.line() > 0 ? " (line " + v.line() + ")" : "")));
            problems.add(item);
        }
    }

    void showChanges() {
        ModelChanges diff = designer.changes(draft.id());
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Changes against the deployed version");
        dialog.add(changesView(diff));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.setWidth("720px");
        dialog.open();
    }

    static Component changesView(ModelChanges diff) {
        Pre text = new Pre(diff.describe());
        text.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
        return new Div(new Paragraph(diff.added().size() + " added, " + diff.removed().size() + " removed, "
                + diff.changed().size() + " changed"), text);
    }

    void confirmDeploy() {
        List<Violation> found = validateNow();
        if (!found.isEmpty()) {
            showProblems(found);
            DesignerView.error("Fix the problems listed below the diagram before deploying");
            return;
        }
        ModelChanges diff = designer.changes(draft.id());
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Deploy " + draft.resourceName() + " as a new version?");
        dialog.add(new Paragraph("New cases will use the new version. Running cases stay on theirs until you "
                + "migrate them."), changesView(diff));
        Button confirm = new Button("Deploy", e -> {
            dialog.close();
            deployNow();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("confirm-deploy");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.setWidth("720px");
        dialog.open();
    }

    void deployNow() {
        try {
            Designer.Deployed result = designer.deploy(draft.id());
            Notification.show("Deployed " + String.join(", ", result.versions().stream()
                    .map(v -> v.key() + " v" + v.version()).toList()), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(DesignerView.class));
        } catch (DeploymentRefusedException e) {
            showProblems(e.violations());
            DesignerView.error("Not deployed: " + e.violations().size() + " problem(s)");
        }
    }
}
