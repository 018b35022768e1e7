package dev.attest.notifications;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.identity.CurrentUser;
import dev.attest.notifications.internal.StaffNotifications;
import dev.attest.validation.InvalidInputException;

/**
 * The current user's inbox: analysts, senior analysts and managers (the staff notifications are written for). Each
 * user sees and marks only their own notifications; another user's id is not found.
 */
@Service
@Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
public class Notifications {

    /** The most notifications one call lists. */
    public static final int MAX_LIMIT = 200;

    private final StaffNotifications notifications;
    private final Clock clock;

    Notifications(StaffNotifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * The inbox's page.
     *
     * @param unread how many of the user's notifications are unread (all of them, not only those listed)
     * @param notifications the newest first
     */
    public record Inbox(long unread, List<StaffNotification> notifications) {
    }

    /**
     * The current user's notifications, newest first.
     *
     * @param unreadOnly only those not read yet
     * @param limit how many, 1 to {@value #MAX_LIMIT}
     */
    @Transactional(readOnly = true)
    public Inbox mine(boolean unreadOnly, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String me = CurrentUser.require().username();
        var page = PageRequest.of(0, limit);
        return new Inbox(notifications.countByRecipientAndReadAtIsNull(me), unreadOnly
                ? notifications.findByRecipientAndReadAtIsNullOrderByCreatedAtDescNumberDesc(me, page)
                : notifications.findByRecipientOrderByCreatedAtDescNumberDesc(me, page));
    }

    /** How many of the current user's notifications are unread (the bell's count; one indexed count). */
    @Transactional(readOnly = true)
    public long unreadCount() {
        return notifications.countByRecipientAndReadAtIsNull(CurrentUser.require().username());
    }

    /**
     * Marks one of the current user's notifications read (again: no change).
     *
     * @throws NotificationNotFoundException when the user has no such notification
     */
    @Transactional
    public StaffNotification markRead(UUID id) {
        StaffNotification n = id == null ? null
                : notifications.findByIdAndRecipient(id, CurrentUser.require().username()).orElse(null);
        if (n == null) {
            throw new NotificationNotFoundException(String.valueOf(id));
        }
        n.markRead(clock.instant());
        return n;
    }

    /** Marks all the current user's notifications read; answers how many were unread. */
    @Transactional
    public int markAllRead() {
        return notifications.markAllRead(CurrentUser.require().username(), clock.instant());
    }
}
