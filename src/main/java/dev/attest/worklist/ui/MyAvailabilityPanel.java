package dev.attest.worklist.ui;

import java.time.LocalDate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.attest.identity.Availability;
import dev.attest.identity.CurrentUser;
import dev.attest.validation.InvalidInputException;
import dev.attest.worklist.TaskConflictException;
import dev.attest.worklist.TaskFilter;
import dev.attest.worklist.Worklist;

/** The user's own availability: away until a day, or available; and their held tasks back to their groups. */
public class MyAvailabilityPanel extends VerticalLayout {

    final Paragraph state = new Paragraph();
    final DatePicker awayUntil = new DatePicker("Away until (the last day away)");
    final Button save = new Button("Mark me away");
    final Button available = new Button("I am available");
    final Button returnTasks = new Button("Give my tasks back to their groups");

    private final Availability availability;
    private final Worklist worklist;

    public MyAvailabilityPanel(Availability availability, Worklist worklist, LocalDate today) {
        this.availability = availability;
        this.worklist = worklist;
        setPadding(false);
        state.setId("my-availability");
        awayUntil.setId("my-away-until");
        awayUntil.setMin(today);
        awayUntil.setMax(today.plusDays(Availability.MAX_DAYS_AHEAD));
        save.setId("my-away-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> change(awayUntil.getValue()));
        available.setId("my-available");
        available.addClickListener(e -> change(null));
        returnTasks.setId("my-return-tasks");
        returnTasks.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        returnTasks.addClickListener(e -> giveBack());
        HorizontalLayout controls = new HorizontalLayout(awayUntil, save, available);
        controls.setAlignItems(Alignment.BASELINE);
        add(state, controls, returnTasks);
        show();
    }

    private void show() {
        LocalDate until = availability.mine();
        state.setText(until == null ? "You are available: new work may be given to you."
                : "You are away until " + until + ": nobody can give you new work until then.");
        awayUntil.setValue(until);
        available.setEnabled(until != null);
        long held = worklist.count(TaskFilter.of(TaskFilter.Scope.MINE))
                + worklist.count(TaskFilter.of(TaskFilter.Scope.SNOOZED));
        returnTasks.setText("Give my " + held + (held == 1 ? " task" : " tasks") + " back to their groups");
        returnTasks.setEnabled(held > 0);
    }

    void change(LocalDate until) {
        if (until == null && awayUntil.getValue() == null && availability.mine() == null) {
            return;
        }
        try {
            availability.setMine(until);
            awayUntil.setInvalid(false);
            notify(until == null ? "You are available." : "You are away until " + until + ".");
        } catch (InvalidInputException e) {
            awayUntil.setInvalid(true);
            awayUntil.setErrorMessage(e.errors().get(0).message());
            return;
        }
        show();
    }

    void giveBack() {
        try {
            int returned = worklist.returnAllHeldBy(CurrentUser.require().username());
            notify(returned + (returned == 1 ? " task" : " tasks") + " went back to their groups.");
        } catch (TaskConflictException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        show();
    }

    private static void notify(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
