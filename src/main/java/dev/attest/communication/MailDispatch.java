package dev.attest.communication;

import java.util.UUID;

/**
 * The engine, as communication sees it: sends a stored message from an engine job that retries with back-off,
 * after the caller's transaction commits. Implemented in {@code communication.internal.engine}.
 */
public interface MailDispatch {

    /** Schedules the message's delivery in the caller's transaction. */
    void dispatch(UUID messageId);
}
