package dev.attest.recovery.process;

import static dev.attest.recovery.process.TwoFactorResetProcess.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.recovery.TwoFactorRecovery;
import dev.attest.cases.CaseProgress;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/**
 * Ends a 2FA reset with its result for the calling CaseIntake (input {@code result}): {@code RECOVERED} closes
 * the case as resolved, {@code SPECIALIST} hands it to the specialist review with the reason.
 */
@ModelCallable
@Component("recoveryResultDelegate")
class RecoveryResultDelegate implements JavaDelegate {

    private final TwoFactorRecovery recovery;
    private final CaseProgress cases;

    RecoveryResultDelegate(TwoFactorRecovery recovery, CaseProgress cases) {
        this.cases = cases;
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = cases.caseOfProcess(execution.getVariable(CASE_ID), CaseProcesses.caseReference(execution));
        String result = (String) execution.getVariable("result");
        String note;
        if ("RECOVERED".equals(result)) {
            note = recovery.recoveredNote(caseId, (String) execution.getVariable(AUTHENTICATOR_APP),
                    Boolean.TRUE.equals(execution.getVariable(PHONE_UPDATED)),
                    (String) execution.getVariable(SWITCH_NOTE));
            execution.setVariable(OUTCOME, "RESOLVED");
            execution.setVariable(OUTCOME_NOTE, note);
        } else {
            note = recovery.specialistReason(caseId, Boolean.TRUE.equals(execution.getVariable(DOCUMENT_ACCEPTED)),
                    "SPECIALIST".equals(execution.getVariable(FOLLOW_UP)));
        }
        execution.setVariable(RECOVERY_RESULT, result);
        execution.setVariable(RECOVERY_NOTE, note);
    }
}
