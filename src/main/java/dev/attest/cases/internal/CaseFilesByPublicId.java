package dev.attest.cases.internal;

import java.util.Optional;
import java.util.UUID;

import dev.attest.cases.CaseFile;

/**
 * Case files by their public id, read through Hibernate's natural-id access: a case already loaded in the current
 * transaction comes from the persistence context without another query. The steps of one user action (a task's
 * completion, its delegates, the audit and the SLA records) each ask for the case; only the first one reads it.
 */
public interface CaseFilesByPublicId {

    /** The case with this public id, from the persistence context when the transaction has it already. */
    Optional<CaseFile> findById(UUID id);
}
