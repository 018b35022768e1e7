package dev.attest.worklist.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.attest.identity.Availability;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.worklist.Worklist;

/**
 * Availability: staff mark themselves away until a day (they get no new work meanwhile) and give the tasks they hold
 * back to their groups; managers do the same for anyone on the team.
 */
@Route("availability")
@PageTitle("Availability · Attest")
@RolesAllowed({Role.Names.ANALYST, Role.Names.SENIOR_ANALYST, Role.Names.MANAGER})
public class AvailabilityView extends VerticalLayout implements BeforeEnterObserver {

    private final Availability availability;
    private final Worklist worklist;
    private final Clock clock;
    private final ZoneId zone;
    AvailabilityPanel panel;

    public AvailabilityView(Availability availability, Worklist worklist, Clock clock, ZoneId zone) {
        this.availability = availability;
        this.worklist = worklist;
        this.clock = clock;
        this.zone = zone;
        setMaxWidth("60em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        CurrentUser me = CurrentUser.require();
        panel = new AvailabilityPanel(availability, worklist, me, today);
        add(new H2(me.has(Role.MANAGER) ? "Availability" : "My availability"), panel);
    }
}
