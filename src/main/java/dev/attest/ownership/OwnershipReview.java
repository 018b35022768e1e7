package dev.attest.ownership;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.cases.CaseRecords;
import dev.attest.communication.ClientMessages;
import dev.attest.documents.DocumentGroup;
import dev.attest.documents.DocumentReview;
import dev.attest.identity.CurrentUser;
import dev.attest.ownership.OwnershipAnalysis.FindingCode;
import dev.attest.ownership.internal.OwnershipVersions;

/**
 * The steps of the BeneficialOwnership process: analysing the recorded structure, asking the client for
 * what the findings need, and recording the four-eyes approval. Called by the engine's delegates inside the
 * engine's transaction; the task completions that lead here are checked by the worklist.
 */
@Service
public class OwnershipReview {

    /** Findings that only the client's documents can resolve. */
    static final Set<FindingCode> NEED_DOCUMENTS = EnumSet.of(FindingCode.CORPORATE_OWNER_UNRESOLVED,
            FindingCode.FOREIGN_PARENT_UNDOCUMENTED, FindingCode.NO_OWNER_ABOVE_THRESHOLD);

    /**
     * Where the analysis leaves the process.
     *
     * @param recorded whether a structure is recorded
     * @param version its version
     * @param documentsNeeded whether findings need documents from the client
     * @param summary the findings that need documents, for the request
     */
    public record State(boolean recorded, int version, boolean documentsNeeded, String summary) {
    }

    private final Ownership ownership;
    private final OwnershipVersions versions;
    private final DocumentReview documents;
    private final Clock clock;
    private final CaseRecords records;

    OwnershipReview(Ownership ownership, OwnershipVersions versions, DocumentReview documents, CaseRecords records,
            Clock clock) {
        this.records = records;
        this.ownership = ownership;
        this.versions = versions;
        this.documents = documents;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public State analyse(UUID caseId) {
        Optional<OwnershipVersion> current = versions.findFirstByCaseIdOrderByNumberDesc(caseId);
        if (current.isEmpty()) {
            return new State(false, 0, false, null);
        }
        OwnershipInput input = ownership.read(current.get().getStructureJson());
        var result = OwnershipAnalysis.analyse(OwnershipStructure.from(input), ownership.threshold());
        String needs = result.findings().stream().filter(f -> NEED_DOCUMENTS.contains(f.code()))
                .map(OwnershipAnalysis.Finding::message).collect(Collectors.joining("; "));
        return new State(true, current.get().getNumber(), !needs.isEmpty(), needs.isEmpty() ? null : needs);
    }

    /** Asks the client for the documents the findings need; returns when the reply is due. */
    @Transactional
    public Instant requestDocuments(UUID caseId, String summary) {
        return documents.requestDocument(caseId, 0, "For the ownership structure: " + summary, DocumentGroup.COMPANY,
                ClientMessages.RequestKind.FIRST);
    }

    /**
     * Records that the beneficial owners of a version were approved by the current user.
     *
     * @param confirmedBy who confirmed them
     * @throws FourEyesViolationException when the approver confirmed them too
     */
    @Transactional
    public void approve(UUID caseId, int version, String confirmedBy) {
        String approver = CurrentUser.find().map(CurrentUser::username).orElse(null);
        if (approver == null || approver.equals(confirmedBy)) {
            throw new FourEyesViolationException();
        }
        records.requireOpen(caseId, "approve its beneficial owners");
        versions.findByCaseIdAndNumber(caseId, version)
                .orElseThrow(() -> new OwnershipNotRecordedException(caseId.toString()))
                .approve(approver, clock.instant());
    }
}
