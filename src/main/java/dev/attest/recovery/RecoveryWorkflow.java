package dev.attest.recovery;

/** The engine, as the recovery module sees it. Implemented in {@code recovery.internal.engine}. */
public interface RecoveryWorkflow {

    /** Whether the case's 2FA reset waits for the marketplace's decision (also while the analyst follows up). */
    boolean awaitingDecision(String caseReference);

    /**
     * Hands the marketplace's decision to the case's waiting 2FA reset, in the caller's transaction.
     *
     * @return {@code false} when none waits
     */
    boolean decisionArrived(String caseReference, MarketplaceDecision decision);
}
