package dev.attest.worklist.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import dev.attest.cases.Priority;
import dev.attest.ui.Formats;
import dev.attest.worklist.TaskFilter;
import dev.attest.worklist.TaskFilter.FollowUp;
import dev.attest.worklist.TaskFilter.Scope;

/**
 * The task list's further filter fields: the case's priority, the due range, snoozed tasks, and (managers, on all
 * open tasks) who holds the task. Fires {@code onChange} when any changes.
 */
class TaskFilterFields extends HorizontalLayout {

    final Select<Priority> priority = new Select<>();
    final DatePicker dueFrom = new DatePicker();
    final DatePicker dueTo = new DatePicker();
    final Select<FollowUp> followUp = new Select<>();
    final TextField assignee = new TextField();

    TaskFilterFields(boolean manager, Runnable onChange) {
        priority.setItems(Priority.values());
        priority.setEmptySelectionAllowed(true);
        priority.setItemLabelGenerator(p -> p == null ? "Any priority" : Formats.label(p));
        priority.setPlaceholder("Any priority");
        priority.setId("task-priority");
        priority.setAriaLabel("Priority");
        dueFrom.setPlaceholder("Due from");
        dueFrom.setId("task-due-from");
        dueFrom.setAriaLabel("Due from");
        dueFrom.setClearButtonVisible(true);
        dueTo.setPlaceholder("Due to");
        dueTo.setId("task-due-to");
        dueTo.setAriaLabel("Due to");
        dueTo.setClearButtonVisible(true);
        followUp.setItems(FollowUp.values());
        followUp.setEmptySelectionAllowed(true);
        followUp.setItemLabelGenerator(f -> f == null ? "Snoozed: as the tab shows" : f.label());
        followUp.setPlaceholder("Snoozed: as the tab shows");
        followUp.setId("task-follow-up");
        followUp.setAriaLabel("Snoozed tasks");
        assignee.setPlaceholder("Held by (user name)");
        assignee.setId("task-assignee");
        assignee.setAriaLabel("Held by");
        assignee.setValueChangeMode(ValueChangeMode.LAZY);
        assignee.setClearButtonVisible(true);
        assignee.setMaxLength(64);
        assignee.setVisible(manager);
        priority.addValueChangeListener(e -> onChange.run());
        dueFrom.addValueChangeListener(e -> onChange.run());
        dueTo.addValueChangeListener(e -> onChange.run());
        followUp.addValueChangeListener(e -> onChange.run());
        assignee.addValueChangeListener(e -> onChange.run());
        add(priority, dueFrom, dueTo, followUp, assignee);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        addClassName("task-filter-fields");
    }

    /** The filter with these fields applied; the holder only on all open tasks (the others have theirs). */
    TaskFilter applyTo(TaskFilter filter) {
        return filter.withPriority(priority.getValue()).withDue(dueFrom.getValue(), dueTo.getValue())
                .withFollowUp(followUp.getValue())
                .withAssignee(filter.scope() == Scope.ALL && assignee.isVisible() ? assignee.getValue() : null);
    }

    /** Shows a filter's fields. */
    void show(TaskFilter filter) {
        priority.setValue(filter.priority());
        dueFrom.setValue(filter.dueFrom());
        dueTo.setValue(filter.dueTo());
        followUp.setValue(filter.followUp());
        assignee.setValue(filter.assignee() == null ? "" : filter.assignee());
    }
}
