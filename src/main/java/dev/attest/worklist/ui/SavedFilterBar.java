package dev.attest.worklist.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.validation.FieldError;
import dev.attest.validation.InvalidInputException;
import dev.attest.worklist.SavedFilter;
import dev.attest.worklist.SavedFilterNotFoundException;
import dev.attest.worklist.SavedFilters;
import dev.attest.worklist.TaskFilter;

/**
 * The task list's saved filters: choose one (each shows its count of tasks, capped: "1000+"), save the list's
 * current filter under a name (managers: for the team), delete one's own (managers: a team filter). Choosing a
 * filter hands it to {@code apply}, which sets the list's fields.
 */
class SavedFilterBar extends HorizontalLayout {

    final Select<SavedFilter> choice = new Select<>();
    final Button saveAs = new Button("Save as…", VaadinIcon.BOOKMARK.create());
    final Button delete = new Button(VaadinIcon.TRASH.create());
    /** The open "save as" dialog's fields, while it is open. */
    TextField name;
    Checkbox team;
    Dialog dialog;

    private final SavedFilters filters;
    private final Supplier<TaskFilter> current;
    private final Consumer<TaskFilter> apply;
    private boolean applying;

    SavedFilterBar(SavedFilters filters, Supplier<TaskFilter> current, Consumer<TaskFilter> apply) {
        this.filters = filters;
        this.current = current;
        this.apply = apply;
        choice.setId("saved-filters");
        choice.setAriaLabel("Saved filters");
        choice.setPlaceholder("Saved filters");
        choice.setEmptySelectionAllowed(true);
        choice.setEmptySelectionCaption("Saved filters");
        choice.setItemLabelGenerator(SavedFilterBar::label);
        choice.addValueChangeListener(e -> {
            delete.setEnabled(e.getValue() != null && deletable(e.getValue()));
            if (e.getValue() != null && !applying) {
                apply.accept(e.getValue().filter());
            }
        });
        saveAs.setId("save-filter");
        saveAs.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        saveAs.addClickListener(e -> openSaveDialog());
        delete.setId("delete-filter");
        delete.setAriaLabel("Delete the chosen filter");
        delete.setTooltipText("Delete the chosen filter");
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
        delete.setEnabled(false);
        delete.addClickListener(e -> deleteChosen());
        add(choice, saveAs, delete);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setSpacing(false);
        addClassName("saved-filter-bar");
        reload();
    }

    /** "Team · Urgent 2FA (12)"; a count that is not the caller's to see (a manager's scope) shows none. */
    static String label(SavedFilter f) {
        if (f == null) {
            return "Saved filters";
        }
        return (f.team() ? "Team · " : "") + f.name() + (f.count() == null ? "" : " (" + f.count().label() + ")");
    }

    /** Reads the filters and their counts again, keeping the chosen one chosen. */
    void reload() {
        Long chosen = choice.getValue() == null ? null : choice.getValue().id();
        List<SavedFilter> all = filters.list();
        applying = true;
        try {
            choice.setItems(all);
            choice.setValue(all.stream().filter(f -> chosen != null && f.id() == chosen).findFirst().orElse(null));
        } finally {
            applying = false;
        }
    }

    /** Forgets the chosen filter (the list's fields were changed by hand), without touching the fields. */
    void clearChoice() {
        if (choice.getValue() != null && !current.get().equals(choice.getValue().filter())) {
            applying = true;
            try {
                choice.clear();
            } finally {
                applying = false;
            }
        }
    }

    private static boolean deletable(SavedFilter f) {
        CurrentUser me = CurrentUser.require();
        return f.team() ? me.has(Role.MANAGER) : f.owner().equals(me.username());
    }

    void openSaveDialog() {
        dialog = new Dialog();
        dialog.setHeaderTitle("Save this filter");
        dialog.setId("save-filter-dialog");
        name = new TextField("Name");
        name.setId("filter-name");
        name.setMaxLength(SavedFilters.MAX_NAME);
        name.setRequired(true);
        name.setWidthFull();
        team = new Checkbox("Publish to the team (all staff see it)");
        team.setId("filter-team");
        team.setVisible(CurrentUser.require().has(Role.MANAGER));
        Button save = new Button("Save", e -> save());
        save.setId("filter-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.add(name, team);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        name.focus();
    }

    void save() {
        try {
            SavedFilter saved = filters.save(name.getValue(), team.getValue(), current.get());
            dialog.close();
            reload();
            applying = true;
            try {
                choice.setValue(choice.getListDataView().getItems().filter(f -> f.id() == saved.id()).findFirst()
                        .orElse(null));
            } finally {
                applying = false;
            }
            notify("Saved: " + saved.name(), NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException e) {
            FieldError first = e.errors().get(0);
            name.setInvalid(true);
            name.setErrorMessage((first.field().equals("name") ? "" : first.field() + ": ") + first.message());
        } catch (AccessDeniedException e) {
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
        }
    }

    void deleteChosen() {
        SavedFilter f = choice.getValue();
        if (f == null) {
            return;
        }
        try {
            filters.delete(f.id());
            choice.clear();
            notify("Deleted: " + f.name(), NotificationVariant.LUMO_SUCCESS);
        } catch (AccessDeniedException | SavedFilterNotFoundException e) {
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        reload();
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
