package dev.attest.screening;

import java.util.UUID;

/** The engine, as screening sees it. Implemented in {@code screening.internal.engine}. */
public interface ScreeningWorkflow {

    /**
     * Starts a Screening process for the case on the hits a list update found (screening run {@code runId}), in the
     * caller's transaction.
     */
    void startReview(String caseReference, UUID caseId, long runId);
}
