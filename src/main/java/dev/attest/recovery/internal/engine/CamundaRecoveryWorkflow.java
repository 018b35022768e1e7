package dev.attest.recovery.internal.engine;

import static dev.attest.recovery.process.TwoFactorResetProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import dev.attest.recovery.MarketplaceDecision;
import dev.attest.recovery.RecoveryWorkflow;
import dev.attest.workflow.EngineAuthentication;

/** Finds the case's TwoFactorReset waiting for the marketplace and hands it the decision. */
@Component
class CamundaRecoveryWorkflow implements RecoveryWorkflow {

    private final RuntimeService runtimeService;
    private final EngineAuthentication engine;

    CamundaRecoveryWorkflow(RuntimeService runtimeService, EngineAuthentication engine) {
        this.runtimeService = runtimeService;
        this.engine = engine;
    }

    @Override
    public boolean awaitingDecision(String caseReference) {
        return runtimeService.createExecutionQuery().processDefinitionKey(KEY).processInstanceBusinessKey(caseReference)
                .messageEventSubscriptionName(MESSAGE_DECISION).count() > 0;
    }

    /**
     * Correlates the decision in one go, by the case's business key and the message's name: nothing waiting is an
     * empty result (the caller refuses the decision), not a look-up first and a correlation after it. Only
     * TwoFactorReset waits for this message (a designer's model cannot start on it, see the deployment guard).
     */
    @Override
    public boolean decisionArrived(String caseReference, MarketplaceDecision decision) {
        return !engine.asCurrentUser(() -> runtimeService.createMessageCorrelation(MESSAGE_DECISION)
                .processInstanceBusinessKey(caseReference)
                .setVariable(MARKETPLACE_DECISION, decision.name())
                .correlateAllWithResult()).isEmpty();
    }
}
