package dev.attest.notifications.ui;

import java.time.ZoneId;

import org.springframework.stereotype.Component;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.notifications.Notifications;
import dev.attest.ui.NavbarItem;

/** Puts the notifications' bell in the layout's bar for analysts, senior analysts and managers. */
@Component
class NotificationBellItem implements NavbarItem {

    private final Notifications notifications;
    private final ZoneId zone;

    NotificationBellItem(Notifications notifications, ZoneId zone) {
        this.notifications = notifications;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public com.vaadin.flow.component.Component create(CurrentUser user) {
        return user.hasAny(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER)
                ? new NotificationBell(notifications, zone) : null;
    }
}
