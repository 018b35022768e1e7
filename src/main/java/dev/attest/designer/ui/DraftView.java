package dev.attest.designer.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

import jakarta.annotation.security.RolesAllowed;

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
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import dev.attest.designer.DeployedModel;
import dev.attest.designer.DeploymentRefusedException;
import dev.attest.designer.Designer;
import dev.attest.designer.DraftModel;
import dev.attest.designer.ModelChanges;
import dev.attest.designer.ModelKind;
import dev.attest.designer.Violation;
import dev.attest.identity.Role;
import dev.attest.ui.Formats;

/**
 * Edits one draft in bpmn-js or dmn-js. Every edit is saved (debounced) so nothing is lost, and the time of the
 * last save is shown in the consultancy's zone; Validate runs the deployment guard and the engine's parser and
 * marks the offending elements; Changes lists what the draft changes against the deployed version; Deploy makes it
 * the new version, saying how many running cases stay on the old one with a link to their migration. A draft
 * that changes nothing cannot be deployed: the button is disabled and says why.
 */
@Route("designer/draft")
@PageTitle("Edit draft · Attest")
@RolesAllowed(Role.Names.DESIGNER)
public class DraftView extends VerticalLayout implements BeforeEnterObserver,
        HasUrlParameter<Long> {

    private static final DateTimeFormatter SAVED_TODAY = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SAVED_BEFORE = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final Designer designer;
    private final ZoneId zone;
    private final Clock clock;
    private DraftModel draft;
    private long version;
    private String savedXml;
    private BpmnEditor bpmn;
    private DmnEditor dmn;
    final Span status = new Span();
    final Span saved = new Span();
    final Span deployBlocked = new Span();
    final UnorderedList problems = new UnorderedList();
    final Button validate = new Button("Validate", e -> withXml(xml -> showProblems(validateNow())));
    final Button changes = new Button("Changes", e -> withXml(xml -> showChanges()));
    final Button deploy = new Button("Deploy", e -> withXml(xml -> confirmDeploy()));

    public DraftView(Designer designer, ZoneId zone, Clock clock) {
        this.designer = designer;
        this.zone = zone;
        this.clock = clock;
        setSizeFull();
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        validate.setId("validate");
        changes.setId("changes");
        deploy.setId("deploy");
        status.setId("draft-status");
        saved.setId("draft-saved");
        deployBlocked.setId("deploy-blocked");
        problems.setId("problems");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
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
                    new RouterLink("Back to the designer", DesignerView.class));
            return;
        }
        version = draft.version();
        savedXml = draft.xml();
        Button back = new Button("Back to the designer", e -> getUI().ifPresent(ui -> ui.navigate(DesignerView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        back.setId("back");
        VerticalLayout state = new VerticalLayout(status, saved);
        state.setPadding(false);
        state.setSpacing(false);
        state.setDefaultHorizontalComponentAlignment(FlexComponent.Alignment.END);
        HorizontalLayout bar = new HorizontalLayout(back, new H2(draft.name()), state, validate, changes, deploy,
                deployBlocked);
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.expand(state);
        status.getStyle().set("color", "var(--lumo-secondary-text-color)").set("text-align", "right");
        saved.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        deployBlocked.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size",
                "var(--lumo-font-size-s)").set("max-width", "16em");
        showSaved(draft.updatedBy(), draft.updatedAt());
        refreshDeployable();
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
            DraftModel result = designer.save(draft.id(), version, xml);
            version = result.version();
            savedXml = xml;
            showSaved(result.updatedBy(), result.updatedAt());
            refreshDeployable();
        } catch (ConcurrentModificationException | IllegalArgumentException e) {
            DesignerView.error(e.getMessage());
        }
    }

    /** "Saved 16:56 by designer" in the consultancy's zone; the day as well when it was not today. */
    private void showSaved(String by, Instant at) {
        if (at == null) {
            saved.setText("");
            return;
        }
        var local = at.atZone(zone);
        boolean today = local.toLocalDate().equals(clock.instant().atZone(zone).toLocalDate());
        saved.setText("Saved " + (today ? SAVED_TODAY : SAVED_BEFORE).format(local) + " by " + by);
    }

    /** Enables Deploy only when the draft changes something; otherwise says why beside the button. */
    void refreshDeployable() {
        Designer.DeployImpact impact = designer.impact(draft.id());
        deploy.setEnabled(impact.deployable());
        deployBlocked.setText(impact.deployable() ? "" : impact.refusal());
        deployBlocked.setVisible(!impact.deployable());
        if (impact.deployable()) {
            deploy.getElement().removeAttribute("title");
        } else {
            deploy.getElement().setAttribute("title", impact.refusal());
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
        Designer.DeployImpact impact = designer.impact(draft.id());
        if (!impact.deployable()) {
            refreshDeployable();
            DesignerView.error(impact.refusal());
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Deploy " + draft.resourceName() + " as a new version?");
        dialog.add(stayingNote(impact.replaces(), "New cases will use the new version."),
                changesView(impact.changes()));
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

    /**
     * Says how many running cases stay on the version being replaced, with a link to where they are migrated.
     */
    static Paragraph stayingNote(DeployedModel replaced, String lead) {
        Paragraph note = new Paragraph(lead + " ");
        note.setId("staying-note");
        if (replaced == null) {
            note.add(new Text("No running case is affected: this is a new model."));
            return note;
        }
        long staying = replaced.runningInstances();
        if (staying == 0) {
            note.add(new Text("No running case is on v" + replaced.version() + "."));
            return note;
        }
        note.add(new Text((staying == 1 ? "1 running case stays" : staying + " running cases stay") + " on v"
                + replaced.version() + " until you move them: "));
        RouterLink migrate = new RouterLink("migrate them from v" + replaced.version(), ModelView.class,
                replaced.id());
        migrate.setId("migration-link");
        note.add(migrate, new Text("."));
        return note;
    }

    void deployNow() {
        try {
            Designer.Deployed result = designer.deploy(draft.id());
            String versions = String.join(", ", result.versions().stream()
                    .map(v -> v.key() + " v" + v.version()).toList());
            Notification done = new Notification();
            done.setDuration(10000);
            done.setPosition(Notification.Position.TOP_CENTER);
            done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            done.add(stayingNote(result.replaced().isEmpty() ? null : result.replaced().get(0),
                    "Deployed " + versions + "."));
            done.open();
            getUI().ifPresent(ui -> ui.navigate(DesignerView.class));
        } catch (DeploymentRefusedException e) {
            showProblems(e.violations());
            DesignerView.error("Not deployed: " + e.violations().size() + " problem(s)");
        }
    }
}
