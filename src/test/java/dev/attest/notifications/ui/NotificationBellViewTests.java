package dev.attest.notifications.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.notes.Notes;
import dev.attest.notifications.Notifications;
import dev.attest.ui.KaribuTest;

/**
 * The bell in the layout: its count of unread notifications, the list it opens, and a click on a notification that
 * marks it read and opens its case; no bell for roles without an inbox.
 */
class NotificationBellViewTests extends KaribuTest {

    @Autowired CaseIntake intake;
    @Autowired Notes notes;
    @Autowired Notifications notifications;

    @Test
    void theBellCountsUnreadNotificationsAndOpensTheirCase() {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper().convertValue(CaseRequests.valid(),
                CaseIntakeRequest.class)), Role.INTAKE);
        RunAs.user("manager", () -> notifications.markAllRead(), Role.MANAGER);
        RunAs.user("analyst", () -> notes.add(c.getReference(), "@manager please look at the chart"), Role.ANALYST);

        login("manager", Role.MANAGER);
        UI.getCurrent().navigate("cases");
        Span count = _get(Span.class, spec -> spec.withId("notification-count"));
        assertThat(count.isVisible()).isTrue();
        assertThat(count.getText()).isEqualTo("1");

        _click(_get(Button.class, spec -> spec.withId("notification-bell")));
        // the inbox lists read notifications too (of other tests in this context): the unread one is this mention
        var items = _find(Div.class, spec -> spec.withClasses("notification-item unread"));
        assertThat(items).hasSize(1);
        assertThat(items.get(0).getClassNames()).contains("unread");
        assertThat(items.get(0).getElement().getTextRecursively()).contains("Mentioned in a note")
                .contains("Ana Lyst mentioned you on " + c.getReference());

        _click(items.get(0));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("cases/" + c.getReference());
        assertThat(count.isVisible()).as("read: nothing unread").isFalse();
        assertThat(RunAs.user("manager", () -> notifications.unreadCount(), Role.MANAGER)).isZero();
    }

    @Test
    void noBellForRolesWithoutAnInbox() {
        login("intake", Role.INTAKE);
        UI.getCurrent().navigate("cases");
        assertThat(_find(Button.class, spec -> spec.withId("notification-bell"))).isEmpty();
    }
}
