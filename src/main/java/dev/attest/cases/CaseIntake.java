package dev.attest.cases;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.audit.AuditTrail;
import dev.attest.cases.internal.CaseFiles;
import dev.attest.identity.CurrentUser;
import dev.attest.operations.BusinessMetrics;

/**
 * Opens cases. Validation, storing the case file and starting its process are one transaction:
 * on any error nothing is stored.
 */
@Service
public class CaseIntake {

    private static final Logger log = LoggerFactory.getLogger(CaseIntake.class);

    private final CaseFiles caseFiles;
    private final CaseWorkflow workflow;
    private final Clock clock;

    private final BusinessMetrics metrics;

    private final AuditTrail audit;

    CaseIntake(CaseFiles caseFiles, CaseWorkflow workflow, Clock clock, BusinessMetrics metrics,
            AuditTrail audit) {
        this.audit = audit;
        this.metrics = metrics;
        this.caseFiles = caseFiles;
        this.workflow = workflow;
        this.clock = clock;
    }

    /**
     * Opens a case and starts its process.
     *
     * @throws dev.attest.validation.InvalidInputException naming every bad field; nothing is stored
     */
    @Transactional
    @Secured({"ROLE_INTAKE", "ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
    public CaseFile open(CaseIntakeRequest request) {
        NewCase valid = NewCase.from(request);
        CaseFile caseFile = new CaseFile(valid.type(), valid.client(), valid.account(), valid.situation(),
                valid.description(), CurrentUser.require().username(), clock.instant());
        caseFiles.saveAndFlush(caseFile);
        caseFile.assignReference();
        caseFile.attachProcess(workflow.start(caseFile));
        audit.record(AuditTrail.Action.CASE_OPENED, caseFile.getReference(), caseFile.getReference(),
                caseFile.getType().name());
        log.info("Opened case {} ({})", caseFile.getReference(), caseFile.getType());
        metrics.count("attest.cases.opened", "type", caseFile.getType().name());
        return caseFile;
    }
}
