package dev.attest.recovery.process;

import static dev.attest.recovery.process.TwoFactorResetProcess.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.recovery.TwoFactorRecovery;
import dev.attest.workflow.ModelCallable;

/** E-mails the client how to log in again and switch to an authenticator app. */
@ModelCallable
@Component("sendAuthenticatorGuidanceDelegate")
class SendAuthenticatorGuidanceDelegate implements JavaDelegate {

    private final TwoFactorRecovery recovery;

    SendAuthenticatorGuidanceDelegate(TwoFactorRecovery recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recovery.sendGuidance(UUID.fromString((String) execution.getVariable(CASE_ID)));
    }
}
