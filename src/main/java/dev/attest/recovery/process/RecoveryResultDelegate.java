package dev.attest.recovery.process;

import static dev.attest.recovery.process.TwoFactorResetProcess.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseProgress;
import dev.attest.recovery.TwoFactorRecovery;
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
        UUID caseId = cases.caseOfProcess(TwoFactorResetVariables.caseId(execution),
                CaseProcesses.caseReference(execution));
        String result = TwoFactorResetVariables.result(execution);
        String note;
        if ("RECOVERED".equals(result)) {
            note = recovery.recoveredNote(caseId, TwoFactorResetVariables.authenticatorApp(execution),
                    TwoFactorResetVariables.phoneUpdated(execution), TwoFactorResetVariables.switchNote(execution));
            execution.setVariable(OUTCOME, "RESOLVED");
            execution.setVariable(OUTCOME_NOTE, note);
        } else {
            note = recovery.specialistReason(caseId, TwoFactorResetVariables.documentAccepted(execution),
                    TwoFactorResetVariables.handedToSpecialist(execution));
        }
        execution.setVariable(RECOVERY_RESULT, result);
        execution.setVariable(RECOVERY_NOTE, note);
    }
}
