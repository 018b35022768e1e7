package dev.attest.cases.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.attest.ProcessTestSupport;
import dev.attest.cases.CaseProgress;

/**
 * Every path of {@code bpmn/seller-verification.bpmn}: the three document checks and the beneficial
 * ownership run side by side (called processes stubbed: each is tested on its own), then the result is
 * recorded.
 */
@Deployment(resources = "bpmn/seller-verification.bpmn")
class SellerVerificationProcessTests {

    static final CaseProgress progress = mock(CaseProgress.class);
    static final Map<Object, Object> beans = new HashMap<>();

    static {
        beans.put("recordVerificationResultDelegate", new RecordVerificationResultDelegate(progress));
    }

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(engineConfiguration())
            .assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    final UUID caseId = UUID.randomUUID();

    static StandaloneInMemProcessEngineConfiguration engineConfiguration() {
        return ProcessTestSupport.engine("seller-verification-process-tests", beans);
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        reset(progress);
        ProcessTestSupport.scopeCases(progress);
        when(progress.recordVerification(any(), anyBoolean(), anyBoolean(), anyBoolean(), anyBoolean())).thenReturn("summary");
        ProcessTestSupport.deployStubs(repositoryService(), "DocumentCheck", "BeneficialOwnership", "Screening");
    }

    ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("SellerVerification", "CASE-2026-000001",
                Variables.createVariables().putValue("caseId", caseId.toString()).putValue("caseType", "SELLER_VERIFICATION"));
        assertThat(pi).isWaitingAt("CallActivity_CheckIdentity", "CallActivity_CheckProofOfAddress",
                "CallActivity_CheckCompanyDocuments", "CallActivity_BeneficialOwnership", "CallActivity_ScreenClient");
        return pi;
    }

    /** Finishes each called process; document checks end with the given acceptance by group. */
    void finish(Map<String, Boolean> acceptedByGroup) {
        finish(acceptedByGroup, true, true);
    }

    /** The same, with the screenings' results (the client's and the owners'). */
    void finish(Map<String, Boolean> acceptedByGroup, boolean clientCleared, boolean ownersCleared) {
        List<ProcessInstance> called = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("CASE-2026-000001")
                .list().stream().filter(p -> !p.getProcessDefinitionId().startsWith("SellerVerification")).toList();
        Assertions.assertThat(called).hasSize(5);
        for (ProcessInstance p : called) {
            Object group = runtimeService().getVariable(p.getId(), "documentGroup");
            Map<String, Object> variables = group == null ? Map.of()
                    : Map.of("documentAccepted", acceptedByGroup.get((String) group));
            if (p.getProcessDefinitionId().startsWith("Screening")) {
                assertThat(p).variables().containsEntry("screeningTrigger", "INTAKE")
                        .containsEntry("caseId", caseId.toString());
                variables = Map.of("screeningCleared", clientCleared);
            } else if (p.getProcessDefinitionId().startsWith("BeneficialOwnership")) {
                variables = Map.of("ownersScreeningCleared", ownersCleared);
            }
            if (group != null) {
                assertThat(p).variables().containsEntry("hasDocument", false).containsEntry("caseId", caseId.toString());
            }
            complete(task(p), variables);
        }
    }

    @Test
    void everythingAcceptedPassesTheVerification() {
        ProcessInstance pi = start();
        finish(Map.of("IDENTITY", true, "ADDRESS", true, "COMPANY", true));

        assertThat(pi).isEnded().hasPassed("Task_RecordVerificationResult", "EndEvent_VerificationDone")
                .variables().containsEntry("verificationPassed", true).containsEntry("outcome", "RESOLVED")
                .containsEntry("outcomeNote", "summary");
        verify(progress).recordVerification(caseId, true, true, true, true);
    }

    @Test
    void aRefusedProofOfAddressFailsTheVerification() {
        ProcessInstance pi = start();
        finish(Map.of("IDENTITY", true, "ADDRESS", false, "COMPANY", true));

        assertThat(pi).isEnded().variables().containsEntry("verificationPassed", false);
        verify(progress).recordVerification(eq(caseId), eq(true), eq(false), eq(true), eq(true));
    }

    @Test
    void aConfirmedSanctionsMatchOnTheClientFailsTheVerification() {
        ProcessInstance pi = start();
        finish(Map.of("IDENTITY", true, "ADDRESS", true, "COMPANY", true), false, true);

        assertThat(pi).isEnded().variables().containsEntry("verificationPassed", false)
                .containsEntry("clientScreeningCleared", false);
        verify(progress).recordVerification(caseId, true, true, true, false);
    }

    @Test
    void aConfirmedSanctionsMatchOnAnOwnerFailsTheVerification() {
        ProcessInstance pi = start();
        finish(Map.of("IDENTITY", true, "ADDRESS", true, "COMPANY", true), true, false);

        assertThat(pi).isEnded().variables().containsEntry("verificationPassed", false);
        verify(progress).recordVerification(caseId, true, true, true, false);
    }
}
