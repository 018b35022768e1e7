package dev.attest.notifications.ui;

import java.time.ZoneId;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;

import dev.attest.notifications.Notifications;
import dev.attest.notifications.StaffNotification;
import dev.attest.ui.Formats;

/**
 * The bell in the layout's bar: the number of unread notifications (read again on every navigation), opening the
 * newest notifications; clicking one marks it read and goes to its case or task.
 */
class NotificationBell extends Div implements AfterNavigationObserver {

    static final int SHOWN = 30;

    private final Notifications notifications;
    private final ZoneId zone;
    private final Button bell;
    private final Span count = new Span();

    NotificationBell(Notifications notifications, ZoneId zone) {
        this.notifications = notifications;
        this.zone = zone;
        count.setId("notification-count");
        count.addClassName("notification-count");
        bell = new Button(VaadinIcon.BELL.create(), e -> open());
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addClassName("notification-bell");
        add(bell, count);
        refresh();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refresh();
    }

    /** Reads the unread count again. */
    void refresh() {
        long unread = notifications.unreadCount();
        count.setText(unread > 99 ? "99+" : Long.toString(unread));
        count.setVisible(unread > 0);
        bell.setAriaLabel(unread == 0 ? "Notifications: none unread" : "Notifications: " + unread + " unread");
    }

    private void open() {
        Dialog dialog = new Dialog();
        dialog.setId("notifications-dialog");
        dialog.setHeaderTitle("Notifications");
        dialog.setWidth("32em");
        var inbox = notifications.mine(false, SHOWN);
        if (inbox.notifications().isEmpty()) {
            dialog.add(new Paragraph("No notifications."));
        }
        for (StaffNotification n : inbox.notifications()) {
            dialog.add(item(n, dialog));
        }
        Button readAll = new Button("Mark all read", e -> {
            notifications.markAllRead();
            refresh();
            dialog.close();
        });
        readAll.setId("notifications-read-all");
        readAll.setEnabled(inbox.unread() > 0);
        Button close = new Button("Close", e -> dialog.close());
        dialog.getFooter().add(readAll, close);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                refresh();
            }
        });
        dialog.open();
    }

    private Div item(StaffNotification n, Dialog dialog) {
        Span label = new Span(n.getKind().label() + " · " + Formats.dateTime(n.getCreatedAt(), zone));
        label.addClassName("notification-meta");
        Div text = new Div();
        text.setText(n.getText());
        Div item = new Div(label, text);
        item.addClassName("notification-item");
        if (!n.isRead()) {
            item.addClassName("unread");
        }
        item.addClickListener(e -> {
            notifications.markRead(n.getId());
            dialog.close();
            refresh();
            getUI().ifPresent(ui -> ui.navigate(n.getLink()));
        });
        return item;
    }
}
