package dev.attest.ownership.internal.engine;

import static dev.attest.ownership.process.BeneficialOwnershipProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import dev.attest.ownership.OwnershipWorkflow;
import dev.attest.workflow.EngineAuthentication;

/** Moves on the case's BeneficialOwnership process when a structure is recorded. */
@Component
class CamundaOwnershipWorkflow implements OwnershipWorkflow {

    private final RuntimeService runtimeService;
    private final EngineAuthentication engine;

    CamundaOwnershipWorkflow(RuntimeService runtimeService, EngineAuthentication engine) {
        this.runtimeService = runtimeService;
        this.engine = engine;
    }

    @Override
    public void structureRecorded(String caseReference) {
        engine.asCurrentUser(() -> runtimeService.createExecutionQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(caseReference).messageEventSubscriptionName(MESSAGE_OWNERSHIP_RECORDED)
                .list().forEach(execution -> runtimeService.messageEventReceived(MESSAGE_OWNERSHIP_RECORDED,
                        execution.getId())));
    }
}
