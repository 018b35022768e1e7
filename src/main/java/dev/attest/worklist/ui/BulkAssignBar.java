package dev.attest.worklist.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

import dev.attest.identity.StaffMember;
import dev.attest.validation.InvalidInputException;
import dev.attest.worklist.AssignmentResult;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.Worklist;

/**
 * The task list's actions on the selected rows: give them to a user (picked from those who may work every one of them,
 * those away shown as away and not pickable) or back to their groups, with an optional note (an analyst handing over
 * their own tasks must write one). Shown while rows are selected; each task is done on its own and what could not be
 * done is said per task.
 */
public class BulkAssignBar extends HorizontalLayout {

    final Span selected = new Span();
    final ComboBox<StaffMember> assignee = new ComboBox<>();
    final TextField note = new TextField();
    final Button assign = new Button("Assign to…");
    final Button returnToGroup = new Button("Return to group");

    private final Worklist worklist;
    private final Runnable done;
    private Set<WorkItem> tasks = Set.of();
    /**
     * Who may work each selected task, read once when it is ticked and kept while it stays selected: a tick costs
     * one task's read, not a read of every task selected so far.
     */
    private final Map<String, List<StaffMember>> candidatesOf = new LinkedHashMap<>();

    /**
     * @param done called after an action, to refresh the list and clear the selection
     */
    public BulkAssignBar(Worklist worklist, Runnable done) {
        this.worklist = worklist;
        this.done = done;
        setId("bulk-bar");
        addClassName("bulk-bar");
        setAlignItems(Alignment.BASELINE);
        selected.setId("bulk-selected");
        assignee.setId("bulk-assignee");
        assignee.setPlaceholder("Assign to…");
        assignee.setItemLabelGenerator(StaffMember::label);
        assignee.setClearButtonVisible(true);
        assignee.setWidth("18em");
        assignee.setAriaLabel("The user to give the selected tasks to");
        note.setId("bulk-note");
        note.setPlaceholder("Note (required to hand over your tasks)");
        note.setMaxLength(1000);
        note.setWidth("18em");
        assign.setId("bulk-assign");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        assign.addClickListener(e -> assign());
        returnToGroup.setId("bulk-return");
        returnToGroup.addThemeVariants(ButtonVariant.LUMO_SMALL);
        returnToGroup.addClickListener(e -> apply(null));
        assignee.addValueChangeListener(e -> assign.setEnabled(e.getValue() != null && !e.getValue().away()));
        add(selected, assignee, note, assign, returnToGroup);
        show(Set.of());
    }

    /** The rows now selected: the bar shows when there are any, with the users who may take all of them. */
    public void show(Set<WorkItem> selection) {
        tasks = Set.copyOf(selection);
        Set<String> ids = tasks.stream().map(WorkItem::id).collect(Collectors.toSet());
        candidatesOf.keySet().retainAll(ids);
        setVisible(!tasks.isEmpty());
        if (tasks.isEmpty()) {
            return;
        }
        selected.setText(tasks.size() + (tasks.size() == 1 ? " task selected" : " tasks selected"));
        StaffMember before = assignee.getValue();
        List<StaffMember> candidates = candidates();
        assignee.setItems(candidates);
        assignee.setValue(before != null && candidates.contains(before) ? before : null);
        assign.setEnabled(assignee.getValue() != null && !assignee.getValue().away());
    }

    /**
     * The users who may work every selected task ({@link Worklist#candidates} of each, those in all of them, as the
     * newest read shows them: away or not), a task's read only when it was newly ticked.
     */
    private List<StaffMember> candidates() {
        tasks.forEach(t -> candidatesOf.computeIfAbsent(t.id(), id -> worklist.candidates(List.of(id))));
        List<StaffMember> newest = List.of();
        for (List<StaffMember> of : candidatesOf.values()) {
            newest = of; // in the order they were read
        }
        return newest.stream().filter(s -> candidatesOf.values().stream()
                .allMatch(of -> of.stream().anyMatch(o -> o.username().equals(s.username())))).toList();
    }

    void assign() {
        StaffMember to = assignee.getValue();
        if (to == null) {
            notify("Pick the user to give the tasks to.", NotificationVariant.LUMO_ERROR);
            return;
        }
        if (to.away()) {
            notify(to.displayName() + " is away until " + to.awayUntil() + ".", NotificationVariant.LUMO_ERROR);
            return;
        }
        apply(to.username());
    }

    private void apply(String username) {
        List<AssignmentResult> results;
        try {
            results = worklist.assignAll(tasks.stream().map(WorkItem::id).toList(), username, note.getValue());
        } catch (InvalidInputException | AccessDeniedException e) {
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
            return;
        }
        long ok = results.stream().filter(AssignmentResult::done).count();
        List<AssignmentResult> refused = results.stream().filter(r -> !r.done()).toList();
        String what = username == null ? "returned to their groups" : "given to " + assignee.getValue().displayName();
        if (refused.isEmpty()) {
            notify(ok + (ok == 1 ? " task " : " tasks ") + what + ".", NotificationVariant.LUMO_SUCCESS);
        } else {
            StringBuilder text = new StringBuilder(ok + " of " + results.size() + " " + what + ". Not done: ");
            refused.forEach(r -> text.append(name(r.id())).append(" (").append(r.message()).append(") "));
            notify(text.toString().strip(), NotificationVariant.LUMO_ERROR);
        }
        if (ok > 0) {
            note.clear();
        }
        done.run();
    }

    private String name(String taskId) {
        return tasks.stream().filter(t -> t.id().equals(taskId)).findFirst()
                .map(t -> t.name() + (t.caseReference() == null ? "" : ", " + t.caseReference())).orElse(taskId);
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 6000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
