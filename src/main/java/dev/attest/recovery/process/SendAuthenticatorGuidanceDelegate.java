package dev.attest.recovery.process;

import static dev.attest.recovery.process.TwoFactorResetProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseProgress;
import dev.attest.recovery.TwoFactorRecovery;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/** E-mails the client how to log in again and switch to an authenticator app. */
@ModelCallable
@Component("sendAuthenticatorGuidanceDelegate")
class SendAuthenticatorGuidanceDelegate implements JavaDelegate {

    private final TwoFactorRecovery recovery;
    private final CaseProgress cases;

    SendAuthenticatorGuidanceDelegate(TwoFactorRecovery recovery, CaseProgress cases) {
        this.cases = cases;
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recovery.sendGuidance(cases.caseOfProcess(TwoFactorResetVariables.caseId(execution),
                CaseProcesses.caseReference(execution)));
    }
}
