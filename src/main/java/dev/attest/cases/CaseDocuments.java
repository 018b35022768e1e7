package dev.attest.cases;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The documents of a case, as the case file shows them. Implemented by the documents module.
 */
public interface CaseDocuments {

    List<DocumentSummary> of(UUID caseId);

    /**
     * What happened to the case's documents, in words for the case's history: received, approved (with any
     * override), rejected with the reason and whether the client was asked for a new one.
     */
    default List<CaseWorkflow.TimelineEntry> history(UUID caseId) {
        return List.of();
    }

    /** The process steps (BPMN element ids) that {@link #history} tells in words: the timeline leaves them out. */
    default Set<String> toldSteps() {
        return Set.of();
    }

    /**
     * A document in the case file.
     *
     * @param id the document's id
     * @param kind what it is
     * @param fileName the client's file name
     * @param sha256 the checksum of its bytes
     * @param sizeBytes its size
     * @param mediaType the type detected from its bytes
     * @param status RECEIVED, APPROVED or REJECTED
     * @param checks the automated checks
     * @param extraction what was read off it (the documents module's {@code Extraction}), absent for documents
     *        stored before Attest read documents
     */
    record DocumentSummary(String id, String kind, String fileName, String sha256, long sizeBytes, String mediaType,
            String status, List<Check> checks,
            @JsonInclude(JsonInclude.Include.NON_NULL) Object extraction) {
    }

    /**
     * One check of a document.
     *
     * @param code which check
     * @param outcome PASS, FAIL or NEEDS_REVIEW
     * @param detail what it found
     */
    record Check(String code, String outcome, String detail) {
    }
}
