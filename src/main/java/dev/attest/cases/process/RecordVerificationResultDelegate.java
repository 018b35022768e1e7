package dev.attest.cases.process;

import static dev.attest.cases.process.CaseIntakeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseOutcome;
import dev.attest.cases.CaseProgress;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/**
 * Records the seller verification's result on the case and, when it passed, the outcome the case closes
 * with.
 */
@ModelCallable
@Component("recordVerificationResultDelegate")
class RecordVerificationResultDelegate implements JavaDelegate {

    private final CaseProgress progress;

    RecordVerificationResultDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean identity = SellerVerificationVariables.identityAccepted(execution);
        boolean address = SellerVerificationVariables.addressAccepted(execution);
        boolean company = SellerVerificationVariables.companyAccepted(execution);
        boolean screening = SellerVerificationVariables.screeningCleared(execution);
        String summary = progress.recordVerification(progress.caseOfProcess(CaseIntakeVariables.caseId(execution),
                CaseProcesses.caseReference(execution)), identity, address, company, screening);
        boolean passed = identity && address && company && screening;
        execution.setVariable(VERIFICATION_PASSED, passed);
        execution.setVariable(OUTCOME, passed ? CaseOutcome.RESOLVED.name() : null);
        execution.setVariable(OUTCOME_NOTE, summary);
    }
}
