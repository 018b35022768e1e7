package dev.attest.ownership;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.cases.CaseRecords;
import dev.attest.communication.ClientMessages;
import dev.attest.communication.RequestedItem;
import dev.attest.documents.DocumentGroup;
import dev.attest.documents.DocumentKind;
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

    /**
     * An individual a structure version names: a traced beneficial owner or the control person (screened against the
     * sanctions lists).
     *
     * @param party the party's id in the structure
     * @param name the name as recorded
     * @param country the country recorded for the party, if any
     * @param controlPerson {@code true} for the control person, {@code false} for a beneficial owner
     */
    public record Individual(String party, String name, dev.attest.cases.CountryCode country, boolean controlPerson) {
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

    /**
     * The beneficial owners traced in a version of the case's structure and its control person (each once per role;
     * empty when there is no such version).
     */
    @Transactional(readOnly = true)
    public List<Individual> tracedIndividuals(UUID caseId, int version) {
        Optional<OwnershipVersion> found = versions.findByCaseIdAndNumber(caseId, version);
        if (found.isEmpty()) {
            return List.of();
        }
        OwnershipStructure structure = OwnershipStructure.from(ownership.read(found.get().getStructureJson()));
        var result = OwnershipAnalysis.analyse(structure, ownership.threshold());
        List<Individual> individuals = new ArrayList<>();
        for (OwnershipAnalysis.BeneficialOwner owner : result.beneficialOwners()) {
            OwnershipStructure.Party party = structure.parties().get(owner.party());
            individuals.add(new Individual(owner.party(), owner.name(), party == null ? null : party.country(), false));
        }
        if (structure.controlPerson() != null && structure.parties().containsKey(structure.controlPerson())) {
            OwnershipStructure.Party party = structure.parties().get(structure.controlPerson());
            individuals.add(new Individual(party.id(), party.name(), party.country(), true));
        }
        return individuals;
    }

    /**
     * Asks the client for the documents the findings need, one item each, in words for the client (the findings
     * themselves are written for analysts); returns when the reply is due.
     *
     * @param summary the analysts' summary of the findings, used only when the recorded structure is gone
     */
    @Transactional
    public Instant requestDocuments(UUID caseId, String summary) {
        List<RequestedItem> items = versions.findFirstByCaseIdOrderByNumberDesc(caseId)
                .map(v -> clientItems(OwnershipStructure.from(ownership.read(v.getStructureJson()))))
                .orElse(List.of());
        if (items.isEmpty()) {
            return documents.requestDocument(caseId, 0, "To confirm who owns and controls your company, we need "
                    + "documents about its owners.", DocumentGroup.COMPANY, ClientMessages.RequestKind.FIRST);
        }
        return documents.requestDocument(caseId, 0, "To confirm who owns and controls your company, we need the "
                + "documents below.", DocumentGroup.COMPANY, items, ClientMessages.RequestKind.FIRST);
    }

    /** One item per finding that needs a document from the client, written for the client. */
    List<RequestedItem> clientItems(OwnershipStructure structure) {
        var result = OwnershipAnalysis.analyse(structure, ownership.threshold());
        List<RequestedItem> items = new ArrayList<>();
        for (OwnershipAnalysis.Finding f : result.findings()) {
            OwnershipStructure.Party party = f.parties().isEmpty() ? null : structure.parties().get(f.parties().get(0));
            String name = party == null ? "your company" : party.name();
            switch (f.code()) {
                case CORPORATE_OWNER_UNRESOLVED -> items.add(new RequestedItem("Who owns " + name,
                        "We cannot yet see who stands behind " + name + ". Please send a chart of its owners, up to "
                                + "the people at the top, signed by a legal representative and dated within the "
                                + "last 180 days.", List.of(DocumentKind.ORGANIZATION_CHART.name())));
                case FOREIGN_PARENT_UNDOCUMENTED -> items.add(new RequestedItem("Registration of " + name,
                        name + " is registered in " + (party == null || party.country() == null ? "another country"
                                : party.country().displayName()) + ". Please send an official extract from the "
                                + "company register there (or its equivalent) showing its name, number and owners, "
                                + "so that we can confirm who stands behind it.",
                        List.of(DocumentKind.COMPANY_REGISTRATION.name())));
                case NO_OWNER_ABOVE_THRESHOLD -> items.add(new RequestedItem("Who runs the company",
                        "No single person owns " + BigDecimal.valueOf(result.threshold()).stripTrailingZeros().toPlainString() + " % or more of the company, so the "
                                + "rules ask us to name the person who manages it instead. Please send a statement, "
                                + "signed by a legal representative, naming that person and their role.",
                        List.of(DocumentKind.SELF_ATTESTATION.name())));
                default -> {
                }
            }
        }
        return items.size() <= 10 ? items : items.subList(0, 10);
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
