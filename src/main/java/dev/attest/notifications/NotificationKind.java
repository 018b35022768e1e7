package dev.attest.notifications;

/** What a notification tells, with the one label each kind has wherever it is shown. */
public enum NotificationKind {
    /** Someone mentioned the user in a note. */
    MENTION("Mentioned in a note"),
    /** Someone else (or automatic assignment) gave the user a task. */
    TASK_ASSIGNED("Task assigned to you"),
    /** A task the user holds was escalated by its SLA. */
    TASK_ESCALATED("Your task escalated"),
    /** The client sent a document on a case where the user holds a task, or that the user asked for. */
    CLIENT_UPLOAD("Client sent a document");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
