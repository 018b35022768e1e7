package dev.attest.worklist.ui;

import java.time.LocalDate;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.attest.identity.Availability;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.identity.StaffMember;
import dev.attest.validation.FieldError;
import dev.attest.validation.InvalidInputException;
import dev.attest.worklist.TaskConflictException;
import dev.attest.worklist.TaskFilter;
import dev.attest.worklist.Worklist;

/**
 * Whether someone is away until a day (given no new work until then) or available, and every task they hold back to
 * its groups. For whom: the user themself; a manager picks anyone of the staff instead (the team's list beside it shows
 * who is away until when, a row picks its person). Who may change whom is the services' decision ({@link Availability}
 * and {@link Worklist#returnAllHeldBy}); this panel only offers what they allow.
 */
public class AvailabilityPanel extends VerticalLayout {

    /** For whom (managers only): the staff, the manager first chosen. */
    final ComboBox<StaffMember> whom = new ComboBox<>("For whom");
    /** Who is away until when (managers only); a row picks its person. */
    final Grid<StaffMember> team = new Grid<>();
    final Paragraph state = new Paragraph();
    final DatePicker awayUntil = new DatePicker("Away until (the last day away)");
    final Button markAway = new Button("Mark away");
    final Button available = new Button("Available");
    final Button returnTasks = new Button("Give the tasks back to their groups");

    private final Availability availability;
    private final Worklist worklist;
    private final CurrentUser me;
    private final boolean manager;
    /** While the team is read again: the choice is set back, and shown once after. */
    private boolean reloading;

    public AvailabilityPanel(Availability availability, Worklist worklist, CurrentUser me, LocalDate today) {
        this.availability = availability;
        this.worklist = worklist;
        this.me = me;
        this.manager = me.has(Role.MANAGER);
        setPadding(false);
        whom.setId("availability-whom");
        whom.setItemLabelGenerator(StaffMember::label);
        whom.setWidth("24em");
        whom.setVisible(manager);
        team.setId("team");
        team.addColumn(StaffMember::displayName).setHeader("Name").setFlexGrow(2);
        team.addColumn(StaffMember::username).setHeader("User name").setFlexGrow(1);
        team.addColumn(s -> String.join(", ", s.roles().stream().filter(Availability.STAFF::contains)
                .map(Role::name).map(n -> n.toLowerCase().replace('_', ' ')).sorted().toList()))
                .setHeader("Roles").setFlexGrow(1);
        team.addColumn(s -> s.away() ? "away until " + s.awayUntil() : "available").setHeader("Availability")
                .setKey("availability").setFlexGrow(1);
        team.setAllRowsVisible(true);
        team.setVisible(manager);
        state.setId("availability-state");
        awayUntil.setId("away-until");
        awayUntil.setWidth("16em"); // the label whole, not cut after "the last day a…"
        awayUntil.setMin(today);
        awayUntil.setMax(today.plusDays(Availability.MAX_DAYS_AHEAD));
        markAway.setId("mark-away");
        markAway.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        markAway.addClickListener(e -> change(awayUntil.getValue()));
        available.setId("mark-available");
        available.addClickListener(e -> change(null));
        returnTasks.setId("return-tasks");
        returnTasks.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        returnTasks.addClickListener(e -> returnTasks());
        HorizontalLayout controls = new HorizontalLayout(awayUntil, markAway, available);
        controls.setAlignItems(Alignment.BASELINE);
        add(whom, state, controls, returnTasks, team);
        if (manager) {
            reloadTeam(me.username());
            whom.addValueChangeListener(e -> {
                if (!reloading) {
                    show();
                }
            });
            team.addItemClickListener(e -> whom.setValue(e.getItem()));
        }
        show();
    }

    /** Whether the panel is for the user themself (an analyst's always is; a manager's unless they picked another). */
    boolean forMe() {
        return !manager || whom.getValue() == null || whom.getValue().username().equals(me.username());
    }

    private void reloadTeam(String chosen) {
        List<StaffMember> staff = availability.team();
        reloading = true;
        try {
            team.setItems(staff);
            whom.setItems(staff);
            whom.setValue(staff.stream().filter(s -> s.username().equals(chosen)).findFirst().orElse(null));
        } finally {
            reloading = false;
        }
    }

    private void show() {
        LocalDate until;
        long held;
        if (forMe()) {
            until = availability.mine();
            held = worklist.count(TaskFilter.of(TaskFilter.Scope.MINE))
                    + worklist.count(TaskFilter.of(TaskFilter.Scope.SNOOZED));
            state.setText(until == null ? "You are available: new work may be given to you."
                    : "You are away until " + until + ": nobody can give you new work until then.");
            returnTasks.setText("Give my " + tasks(held) + " back to their groups");
        } else {
            StaffMember who = whom.getValue();
            until = who.awayUntil();
            held = worklist.count(TaskFilter.of(TaskFilter.Scope.ALL).withAssignee(who.username())
                    .withFollowUp(TaskFilter.FollowUp.INCLUDE_SNOOZED));
            state.setText(who.displayName() + (until == null ? " is available: new work may be given to them."
                    : " is away until " + until + ": nobody can give them new work until then."));
            returnTasks.setText("Give the " + tasks(held) + " " + who.displayName() + " holds back to their groups");
        }
        awayUntil.setValue(until);
        awayUntil.setInvalid(false);
        available.setEnabled(until != null);
        returnTasks.setEnabled(held > 0);
    }

    private static String tasks(long count) {
        return count + (count == 1 ? " task" : " tasks");
    }

    /** Marks the chosen person away through {@code until}, or available with {@code null}. */
    void change(LocalDate until) {
        boolean self = forMe();
        StaffMember who = whom.getValue();
        LocalDate now = self ? availability.mine() : who.awayUntil();
        if (until == null && now == null) {
            return; // available already
        }
        try {
            if (self) {
                availability.setMine(until);
            } else {
                availability.set(who.username(), until);
            }
        } catch (InvalidInputException e) {
            FieldError error = e.errors().get(0);
            if ("awayUntil".equals(error.field())) {
                awayUntil.setErrorMessage("The last day away " + error.message());
                awayUntil.setInvalid(true);
            } else {
                notify(error.message(), NotificationVariant.LUMO_ERROR);
            }
            return;
        }
        notify(self ? (until == null ? "You are available." : "You are away until " + until + ".")
                : who.displayName() + (until == null ? " is available." : " is away until " + until + "."),
                NotificationVariant.LUMO_SUCCESS);
        refresh(who);
    }

    /** Gives every task the chosen person holds back to its groups. */
    void returnTasks() {
        boolean self = forMe();
        StaffMember who = whom.getValue();
        try {
            int returned = worklist.returnAllHeldBy(self ? me.username() : who.username());
            notify(self ? tasks(returned) + " went back to their groups."
                    : returned + (returned == 1 ? " task of " : " tasks of ") + who.displayName()
                            + " went back to their groups.", NotificationVariant.LUMO_SUCCESS);
        } catch (TaskConflictException e) {
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        refresh(who);
    }

    private void refresh(StaffMember who) {
        if (manager) {
            reloadTeam(who == null ? me.username() : who.username());
        }
        show();
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
