package dev.attest.recovery.internal.engine;

import static dev.attest.recovery.process.TwoFactorResetProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
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
     * Hands the decision to the case's TwoFactorReset waiting for it, found by its process definition: a
     * correlation by business key and message name alone would also reach any other model of the case that
     * waits for the same message, and tell the caller the decision arrived when TwoFactorReset never got it.
     */
    @Override
    public boolean decisionArrived(String caseReference, MarketplaceDecision decision) {
        return engine.asCurrentUser(() -> {
            Execution waiting = runtimeService.createExecutionQuery().processDefinitionKey(KEY)
                    .processInstanceBusinessKey(caseReference).messageEventSubscriptionName(MESSAGE_DECISION)
                    .listPage(0, 1).stream().findFirst().orElse(null);
            if (waiting == null) {
                return false;
            }
            runtimeService.createMessageCorrelation(MESSAGE_DECISION).processInstanceId(waiting.getProcessInstanceId())
                    .setVariable(MARKETPLACE_DECISION, decision.name()).correlate();
            return true;
        });
    }
}
