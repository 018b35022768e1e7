package dev.attest.recovery.process;

import static dev.attest.recovery.process.TwoFactorResetProcess.*;

import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseProgress;
import dev.attest.recovery.TwoFactorRecovery;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/** Records the submission the analyst made and whether a rejection of it may be submitted again. */
@ModelCallable
@Component("recordSubmissionDelegate")
class RecordSubmissionDelegate implements JavaDelegate {

    private final TwoFactorRecovery recovery;
    private final ZoneId zone;
    private final CaseProgress cases;

    RecordSubmissionDelegate(TwoFactorRecovery recovery, ZoneId zone,
            CaseProgress cases) {
        this.cases = cases;
        this.recovery = recovery;
        this.zone = zone;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date submitted = TwoFactorResetVariables.submittedOn(execution);
        var recorded = recovery.recordSubmission(cases.caseOfProcess(TwoFactorResetVariables.caseId(execution),
                CaseProcesses.caseReference(execution)), submitted.toInstant().atZone(zone).toLocalDate(),
                TwoFactorResetVariables.submissionNote(execution));
        execution.setVariable(SUBMISSION_ROUND, recorded.round());
        execution.setVariable(RESUBMISSION_ALLOWED, recorded.resubmissionAllowed());
        execution.removeVariable(MARKETPLACE_DECISION);
    }
}
