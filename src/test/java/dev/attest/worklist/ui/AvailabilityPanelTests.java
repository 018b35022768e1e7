package dev.attest.worklist.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNoNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.UI;

import dev.attest.identity.Availability;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.identity.StaffMember;
import dev.attest.ui.KaribuTest;

/** The availability page's one panel: for the user themself, or for a manager anyone of the staff. */
class AvailabilityPanelTests extends KaribuTest {

    @Autowired Availability availability;
    @Autowired JdbcTemplate jdbc;
    @Autowired ZoneId zone;

    @AfterEach
    void everyoneAvailable() {
        jdbc.update("UPDATE user_account SET away_until = NULL WHERE username IN ('analyst', 'senior', 'manager')");
    }

    AvailabilityPanel open(String username, Role... roles) {
        login(username, roles);
        UI.getCurrent().navigate(AvailabilityView.class);
        return _get(AvailabilityView.class).panel;
    }

    LocalDate awayUntil(String username, Role... roles) {
        return RunAs.user(username, () -> availability.mine(), roles);
    }

    static StaffMember member(AvailabilityPanel panel, String username) {
        return panel.whom.getListDataView().getItems().filter(s -> s.username().equals(username)).findFirst()
                .orElseThrow();
    }

    @Test
    void anAnalystSeesOnlyThemselves() {
        AvailabilityPanel panel = open("analyst", Role.ANALYST);

        assertThat(panel.whom.isVisible()).as("no choice of whom").isFalse();
        assertThat(panel.team.isVisible()).as("no team list").isFalse();
        assertThat(panel.whom.getListDataView().getItems()).as("nobody else was read").isEmpty();
        assertThat(panel.forMe()).isTrue();
        assertThat(panel.state.getText()).isEqualTo("You are available: new work may be given to you.");

        LocalDate until = LocalDate.now(zone).plusDays(3);
        _setValue(panel.awayUntil, until);
        _click(panel.markAway);
        expectNotifications("You are away until " + until + ".");
        assertThat(awayUntil("analyst", Role.ANALYST)).isEqualTo(until);
        assertThat(awayUntil("senior", Role.ANALYST, Role.SENIOR_ANALYST)).isNull();
        // the rule is the service's: an analyst cannot mark someone else, whatever a page would send
        assertThatThrownBy(() -> RunAs.user("analyst", () -> availability.set("senior", until), Role.ANALYST))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aManagerPicksAnotherUserAndThenThemself() {
        AvailabilityPanel panel = open("manager", Role.MANAGER);
        assertThat(panel.whom.isVisible()).isTrue();
        assertThat(panel.whom.getValue().username()).as("at first for the manager themself").isEqualTo("manager");
        assertThat(panel.state.getText()).startsWith("You are available");
        assertThat(panel.whom.getListDataView().getItems().map(StaffMember::username).toList())
                .contains("analyst", "senior", "manager").doesNotContain("admin", "intake", "designer");

        panel.whom.setValue(member(panel, "analyst"));
        assertThat(panel.forMe()).isFalse();
        assertThat(panel.state.getText()).isEqualTo("Ana Lyst is available: new work may be given to them.");
        LocalDate until = LocalDate.now(zone).plusDays(5);
        _setValue(panel.awayUntil, until);
        _click(panel.markAway);
        expectNotifications("Ana Lyst is away until " + until + ".");
        assertThat(awayUntil("analyst", Role.ANALYST)).isEqualTo(until);
        assertThat(awayUntil("manager", Role.MANAGER)).as("not the manager").isNull();
        assertThat(panel.whom.getValue().label()).isEqualTo("Ana Lyst (analyst) · away until " + until);

        // a row of the team's list picks its person
        List<StaffMember> rows = panel.team.getListDataView().getItems().toList();
        _clickItem(panel.team, rows.indexOf(rows.stream().filter(s -> s.username().equals("manager")).findFirst()
                .orElseThrow()));
        assertThat(panel.forMe()).isTrue();
        assertThat(panel.state.getText()).startsWith("You are available");
        assertThat(panel.awayUntil.getValue()).isNull();
        _setValue(panel.awayUntil, until.minusDays(1));
        _click(panel.markAway);
        expectNotifications("You are away until " + until.minusDays(1) + ".");
        assertThat(awayUntil("manager", Role.MANAGER)).isEqualTo(until.minusDays(1));
        assertThat(awayUntil("analyst", Role.ANALYST)).isEqualTo(until);
    }

    @Test
    void aPastDateIsRefusedWithAClearMessage() {
        LocalDate today = LocalDate.now(zone);
        AvailabilityPanel mine = open("analyst", Role.ANALYST);
        _setValue(mine.awayUntil, today.minusDays(1));
        _click(mine.markAway);
        expectNoNotifications();
        assertThat(mine.awayUntil.isInvalid()).isTrue();
        assertThat(mine.awayUntil.getErrorMessage()).isEqualTo("The last day away must be today or later (" + today
                + ")");
        assertThat(awayUntil("analyst", Role.ANALYST)).isNull();
        assertThat(mine.state.getText()).startsWith("You are available");

        AvailabilityPanel managers = open("manager", Role.MANAGER);
        managers.whom.setValue(member(managers, "senior"));
        _setValue(managers.awayUntil, today.minusDays(2));
        _click(managers.markAway);
        expectNoNotifications();
        assertThat(managers.awayUntil.getErrorMessage()).isEqualTo("The last day away must be today or later ("
                + today + ")");
        assertThat(awayUntil("senior", Role.ANALYST, Role.SENIOR_ANALYST)).isNull();

        _setValue(managers.awayUntil, today);
        _click(managers.markAway);
        expectNotifications("Sam Senior is away until " + today + ".");
        assertThat(managers.awayUntil.isInvalid()).as("the error goes once a good day is saved").isFalse();
    }

    @Test
    void clearingTheDateMarksTheUserAvailable() {
        LocalDate until = LocalDate.now(zone).plusDays(4);
        RunAs.user("analyst", () -> availability.setMine(until), Role.ANALYST);
        RunAs.user("manager", () -> availability.set("senior", until), Role.MANAGER);

        AvailabilityPanel mine = open("analyst", Role.ANALYST);
        assertThat(mine.awayUntil.getValue()).isEqualTo(until);
        assertThat(mine.available.isEnabled()).isTrue();
        _setValue(mine.awayUntil, null);
        _click(mine.markAway);
        expectNotifications("You are available.");
        assertThat(awayUntil("analyst", Role.ANALYST)).isNull();
        assertThat(mine.state.getText()).isEqualTo("You are available: new work may be given to you.");
        assertThat(mine.available.isEnabled()).isFalse();

        AvailabilityPanel managers = open("manager", Role.MANAGER);
        managers.whom.setValue(member(managers, "senior"));
        assertThat(managers.awayUntil.getValue()).isEqualTo(until);
        _setValue(managers.awayUntil, null);
        _click(managers.markAway);
        expectNotifications("Sam Senior is available.");
        assertThat(awayUntil("senior", Role.ANALYST, Role.SENIOR_ANALYST)).isNull();
        assertThat(member(managers, "senior").away()).isFalse();
    }
}
