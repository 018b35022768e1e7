package dev.attest.communication;

/** Where an outgoing e-mail stands. */
public enum MailStatus {
    /** Stored; the mail relay sends it when its next attempt is due (at once, or after a failed attempt). */
    QUEUED,
    /** Handed to the SMTP server. */
    SENT,
    /** No SMTP server is configured: kept in the outbox (and the log) for staff to pass on. */
    HELD,
    /** Every attempt failed: an incident for operators, who may give it one more attempt. */
    FAILED
}
