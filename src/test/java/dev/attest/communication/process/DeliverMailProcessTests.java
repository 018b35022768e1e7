package dev.attest.communication.process;

import static dev.attest.communication.process.DeliverMailProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailSendException;

import dev.attest.ProcessTestSupport;
import dev.attest.communication.MailDelivery;
import dev.attest.communication.MailDispatch;
import dev.attest.communication.internal.engine.EngineMailDispatches;

/**
 * {@code bpmn/deliver-mail.bpmn}: the send step runs as a job after the dispatching transaction; a failing mail
 * server makes the job retry on the BPMN's back-off (1, 5, 15, 60, 240 minutes) and the last failure opens an
 * incident, telling the delivery it was the last attempt.
 */
@Deployment(resources = "bpmn/deliver-mail.bpmn")
@ExtendWith(ProcessTestSupport.ResetEngineClock.class)
class DeliverMailProcessTests {

    static final MailDelivery delivery = mock(MailDelivery.class);
    static final Map<Object, Object> beans = new HashMap<>();

    static {
        beans.put("deliverMailDelegate", new DeliverMailDelegate(delivery));
    }

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(engineConfiguration())
            .assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    final UUID mail = UUID.randomUUID();

    static StandaloneInMemProcessEngineConfiguration engineConfiguration() {
        return ProcessTestSupport.engine("deliver-mail-process-tests", beans);
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        reset(delivery);
    }

    ProcessInstance dispatch() {
        MailDispatch dispatch = EngineMailDispatches.on(runtimeService());
        dispatch.dispatch(mail);
        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .variableValueEquals(MAIL_ID, mail.toString()).singleResult();
        assertThat(pi).isWaitingAt(TASK_SEND);
        verify(delivery, times(0)).deliver(any(), anyBoolean());
        return pi;
    }

    @Test
    void theMailIsSentByAJobAfterTheDispatch() {
        ProcessInstance pi = dispatch();

        execute(job(pi));

        assertThat(pi).isEnded().hasPassed(TASK_SEND, "EndEvent_MailSent");
        verify(delivery).deliver(mail, false);
    }

    @Test
    void aFailingMailServerIsRetriedWithBackOffThenRaisesAnIncident() {
        ProcessTestSupport.setEngineClock("2026-11-23T10:00:00Z");
        doThrow(new MailSendException("connection refused")).when(delivery).deliver(eq(mail), anyBoolean());
        ProcessInstance pi = dispatch();
        var management = processEngine.getManagementService();
        String[] retryAt = {"2026-11-23T10:01:00Z", "2026-11-23T10:06:00Z", "2026-11-23T10:21:00Z",
                "2026-11-23T11:21:00Z", "2026-11-23T15:21:00Z"};

        executeFailing(management, job(pi).getId());
        for (int i = 0; i < retryAt.length; i++) {
            var job = job(pi);
            org.assertj.core.api.Assertions.assertThat(job.getRetries()).isEqualTo(retryAt.length - i);
            org.assertj.core.api.Assertions.assertThat(job.getDuedate().toInstant())
                    .isEqualTo(java.time.Instant.parse(retryAt[i]));
            ProcessTestSupport.setEngineClock(retryAt[i]);
            executeFailing(management, job.getId());
        }

        org.assertj.core.api.Assertions.assertThat(job(pi).getRetries()).isZero();
        org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery()
                .processInstanceId(pi.getId()).count()).isOne();
        verify(delivery, times(5)).deliver(mail, false);
        verify(delivery).deliver(mail, true);
        assertThat(pi).isWaitingAt(TASK_SEND);
    }

    static void executeFailing(org.camunda.bpm.engine.ManagementService management, String jobId) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> management.executeJob(jobId))
                .hasMessageContaining("connection refused");
    }
}
