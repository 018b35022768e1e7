package dev.attest.notifications;

/** The caller has no notification with the given id (someone else's is not found either). */
public class NotificationNotFoundException extends RuntimeException {

    public NotificationNotFoundException(String id) {
        super("No notification " + id);
    }
}
