package dev.attest.worklist.ui;

import java.time.LocalDate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.attest.identity.Availability;
import dev.attest.identity.Role;
import dev.attest.identity.StaffMember;
import dev.attest.validation.InvalidInputException;
import dev.attest.worklist.TaskConflictException;
import dev.attest.worklist.Worklist;

/**
 * The manager's view of the team: who is away until when; for the selected person, mark them away or available, and
 * give every task they hold back to its groups (someone ill).
 */
public class TeamAvailabilityPanel extends VerticalLayout {

    final Grid<StaffMember> grid = new Grid<>();
    final DatePicker awayUntil = new DatePicker("Away until");
    final Button markAway = new Button("Mark away");
    final Button available = new Button("Available");
    final Button returnTasks = new Button("Return everything they hold");

    private final Availability availability;
    private final Worklist worklist;

    public TeamAvailabilityPanel(Availability availability, Worklist worklist, LocalDate today) {
        this.availability = availability;
        this.worklist = worklist;
        setPadding(false);
        grid.setId("team");
        grid.addColumn(StaffMember::displayName).setHeader("Name").setFlexGrow(2);
        grid.addColumn(StaffMember::username).setHeader("User name").setFlexGrow(1);
        grid.addColumn(s -> String.join(", ", s.roles().stream().filter(Availability.STAFF::contains)
                .map(Role::name).map(n -> n.toLowerCase().replace('_', ' ')).sorted().toList()))
                .setHeader("Roles").setFlexGrow(1);
        grid.addColumn(s -> s.away() ? "away until " + s.awayUntil() : "available").setHeader("Availability")
                .setKey("availability").setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> enable());
        awayUntil.setId("team-away-until");
        awayUntil.setMin(today);
        awayUntil.setMax(today.plusDays(Availability.MAX_DAYS_AHEAD));
        markAway.setId("team-mark-away");
        markAway.addClickListener(e -> change(awayUntil.getValue()));
        available.setId("team-available");
        available.addClickListener(e -> change(null));
        returnTasks.setId("team-return-tasks");
        returnTasks.addThemeVariants(ButtonVariant.LUMO_ERROR);
        returnTasks.addClickListener(e -> returnTasks());
        HorizontalLayout controls = new HorizontalLayout(awayUntil, markAway, available, returnTasks);
        controls.setAlignItems(Alignment.BASELINE);
        add(grid, controls);
        reload();
    }

    private void reload() {
        grid.setItems(availability.team());
        enable();
    }

    private void enable() {
        boolean one = grid.getSelectedItems().size() == 1;
        markAway.setEnabled(one);
        available.setEnabled(one);
        returnTasks.setEnabled(one);
    }

    private StaffMember selected() {
        return grid.getSelectedItems().stream().findFirst().orElse(null);
    }

    void change(LocalDate until) {
        StaffMember who = selected();
        if (who == null) {
            return;
        }
        if (until == null && awayUntil.getValue() == null && !who.away()) {
            return;
        }
        try {
            availability.set(who.username(), until);
            awayUntil.setInvalid(false);
            notify(who.displayName() + (until == null ? " is available." : " is away until " + until + "."),
                    NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException e) {
            awayUntil.setInvalid(true);
            awayUntil.setErrorMessage(e.errors().get(0).message());
            return;
        }
        reload();
    }

    void returnTasks() {
        StaffMember who = selected();
        if (who == null) {
            return;
        }
        try {
            int returned = worklist.returnAllHeldBy(who.username());
            notify(returned + (returned == 1 ? " task of " : " tasks of ") + who.displayName()
                    + " went back to their groups.", NotificationVariant.LUMO_SUCCESS);
        } catch (TaskConflictException e) {
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        reload();
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
