package dev.attest.communication;

/** Where an outgoing e-mail stands. */
public enum MailStatus {
    /** Stored; the engine job that sends it has not run yet (or is waiting to retry). */
    QUEUED,
    /** Handed to the SMTP server. */
    SENT,
    /** No SMTP server is configured: kept in the outbox (and the log) for staff to pass on. */
    HELD,
    /** Every retry failed; an incident is open on the delivery job. */
    FAILED
}
