package dev.attest.cases;

import java.util.UUID;

/**
 * Published inside the transaction that erases a case after its retention period: every module deletes what it
 * holds about the case (documents and their files, ownership structures, e-mails and upload links, submissions),
 * in that same transaction.
 *
 * @param caseId the case's id
 * @param caseReference its reference
 */
public record CaseErased(UUID caseId, String caseReference) {
}
