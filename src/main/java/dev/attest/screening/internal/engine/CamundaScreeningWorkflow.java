package dev.attest.screening.internal.engine;

import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import dev.attest.screening.ScreeningTrigger;
import dev.attest.screening.ScreeningWorkflow;
import dev.attest.screening.process.ScreeningProcess;

/** Starts a case's Screening process on what a list update found. */
@Component
class CamundaScreeningWorkflow implements ScreeningWorkflow {

    private final RuntimeService runtimeService;

    CamundaScreeningWorkflow(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void startReview(String caseReference, UUID caseId, long runId) {
        runtimeService.startProcessInstanceByKey(ScreeningProcess.KEY, caseReference, Variables.createVariables()
                .putValue(ScreeningProcess.CASE_ID, caseId.toString())
                .putValue(ScreeningProcess.TRIGGER, ScreeningTrigger.LIST_UPDATE.name())
                .putValue(ScreeningProcess.RUN_ID, runId));
    }
}
