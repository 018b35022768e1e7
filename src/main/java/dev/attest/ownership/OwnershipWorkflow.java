package dev.attest.ownership;

/** The engine, as the ownership module sees it. Implemented in {@code ownership.internal.engine}. */
public interface OwnershipWorkflow {

    /** A structure was recorded for the case: moves on a BeneficialOwnership process waiting for one. */
    void structureRecorded(String caseReference);
}
