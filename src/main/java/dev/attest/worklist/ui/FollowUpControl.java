package dev.attest.worklist.ui;

import java.time.LocalDate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import dev.attest.validation.InvalidInputException;
import dev.attest.worklist.TaskConflictException;
import dev.attest.worklist.TaskNotFoundException;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.Worklist;

/**
 * Snoozes a task until a day (after today, at most a year ahead): it leaves "My tasks" until then and is listed under
 * "Snoozed" meanwhile; or wakes it again.
 */
public class FollowUpControl extends HorizontalLayout {

    final DatePicker day = new DatePicker();
    final Button snooze = new Button("Snooze");
    final Button wake = new Button("Wake up");

    public FollowUpControl(Worklist worklist, WorkItem task, LocalDate today, Runnable changed) {
        setId("follow-up");
        setAlignItems(Alignment.BASELINE);
        setSpacing(true);
        day.setId("follow-up-day");
        day.setPlaceholder("Snooze until…");
        day.setAriaLabel("Snooze until");
        day.setMin(today.plusDays(1));
        day.setMax(today.plusYears(1));
        day.setValue(task.followUp() != null && task.followUp().isAfter(today) ? task.followUp() : null);
        snooze.setId("follow-up-set");
        snooze.addThemeVariants(ButtonVariant.LUMO_SMALL);
        wake.setId("follow-up-clear");
        wake.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        wake.setVisible(task.followUp() != null);
        snooze.addClickListener(e -> set(worklist, task, day.getValue(), changed));
        wake.addClickListener(e -> set(worklist, task, null, changed));
        add(day, snooze, wake);
    }

    private void set(Worklist worklist, WorkItem task, LocalDate until, Runnable changed) {
        if (until == null && day.getValue() == null && task.followUp() == null) {
            day.setInvalid(true);
            day.setErrorMessage("Pick a day after today");
            return;
        }
        try {
            worklist.followUp(task.id(), until);
            Notification.show(until == null ? "Back in My tasks." : "Snoozed until " + until
                    + ": out of My tasks until then.", 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            changed.run();
        } catch (InvalidInputException e) {
            day.setInvalid(true);
            day.setErrorMessage(e.errors().get(0).message());
        } catch (TaskConflictException | TaskNotFoundException e) {
            Notification.show(e.getMessage(), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            changed.run();
        }
    }
}
