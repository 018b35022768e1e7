package dev.attest.ownership;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseRecords;
import dev.attest.identity.CurrentUser;
import dev.attest.ownership.internal.OwnershipVersions;

/**
 * Records a case's ownership structure (a new version each time) and analyses it with the configured
 * threshold ({@code attest.ownership.threshold}, default 25 %, inclusive).
 */
@Service
@EnableConfigurationProperties(OwnershipSettings.class)
public class Ownership {

    /**
     * A recorded structure with its analysis.
     *
     * @param version the version number, from 1
     * @param recordedBy who recorded it
     * @param recordedAt when
     * @param approvedBy who approved its beneficial owners, if anyone yet
     * @param structure the structure as recorded
     * @param analysis its analysis
     */
    public record View(int version, String recordedBy, Instant recordedAt, String approvedBy, OwnershipInput structure,
            OwnershipAnalysis.Result analysis) {
    }

    private final OwnershipVersions versions;
    private final CaseLookup cases;
    private final ObjectMapper json;
    private final Clock clock;
    private final double threshold;

    private final OwnershipWorkflow workflow;
    private final CaseRecords records;

    Ownership(OwnershipVersions versions, CaseLookup cases, CaseRecords records, ObjectMapper json, Clock clock,
            OwnershipWorkflow workflow, OwnershipSettings settings) {
        this.workflow = workflow;
        this.records = records;
        this.versions = versions;
        this.cases = cases;
        this.json = json;
        this.clock = clock;
        this.threshold = settings.threshold();
    }

    /**
     * Validates, analyses and records a structure as the case's newest version.
     *
     * @throws dev.attest.validation.InvalidInputException naming every problem; nothing is recorded
     * @throws dev.attest.cases.CaseClosedException when the case is closed; nothing is recorded
     */
    @Transactional
    @Secured({"ROLE_INTAKE", "ROLE_ANALYST", "ROLE_SENIOR_ANALYST"})
    public View record(String caseIdOrReference, OwnershipInput input) {
        CaseFile caseFile = records.requireOpen(caseIdOrReference, "record an ownership structure");
        OwnershipStructure structure = OwnershipStructure.from(input);
        OwnershipAnalysis.Result analysis = OwnershipAnalysis.analyse(structure, threshold);
        int next = versions.findFirstByCaseIdOrderByNumberDesc(caseFile.getId()).map(v -> v.getNumber() + 1).orElse(1);
        OwnershipVersion version = versions.save(new OwnershipVersion(caseFile.getId(), next, write(input),
                CurrentUser.require().username(), clock.instant()));
        workflow.structureRecorded(caseFile.getReference());
        return new View(version.getNumber(), version.getRecordedBy(), version.getRecordedAt(), null, input, analysis);
    }

    /** The case's newest structure with its analysis, if one was recorded. */
    @Transactional(readOnly = true)
    @Secured({"ROLE_INTAKE", "ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER", "ROLE_ADMIN"})
    public Optional<View> current(String caseIdOrReference) {
        return versions.findFirstByCaseIdOrderByNumberDesc(cases.get(caseIdOrReference).getId()).map(this::view);
    }

    /** One version of the case's structure, as it was. */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER", "ROLE_ADMIN"})
    public Optional<View> version(String caseIdOrReference, int number) {
        return versions.findByCaseIdAndNumber(cases.get(caseIdOrReference).getId(), number).map(this::view);
    }

    /** Every version of the case's structure, oldest first. */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER", "ROLE_ADMIN"})
    public List<View> versions(String caseIdOrReference) {
        return versions.findByCaseIdOrderByNumberAsc(cases.get(caseIdOrReference).getId()).stream().map(this::view)
                .toList();
    }

    public double threshold() {
        return threshold;
    }

    private View view(OwnershipVersion v) {
        OwnershipInput input = read(v.getStructureJson());
        return new View(v.getNumber(), v.getRecordedBy(), v.getRecordedAt(), v.getApprovedBy(), input,
                OwnershipAnalysis.analyse(OwnershipStructure.from(input), threshold));
    }

    private String write(OwnershipInput input) {
        try {
            return json.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    OwnershipInput read(String text) {
        try {
            return json.readValue(text, OwnershipInput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored ownership structure cannot be read", e);
        }
    }
}
