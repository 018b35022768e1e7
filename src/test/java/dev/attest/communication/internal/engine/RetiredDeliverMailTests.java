package dev.attest.communication.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.attest.AttestTest;
import dev.attest.communication.MailStatus;
import dev.attest.communication.internal.OutboxMessages;

/**
 * A database of a version that sent each e-mail through a DeliverMail process instance: at start-up the queued
 * e-mail without a due time goes to the relay (held here: no SMTP in tests), the old instances are ended, and the
 * old definition stays deployed. Running it again changes nothing.
 */
@AttestTest
class RetiredDeliverMailTests {

    @Autowired RetiredDeliverMail retired;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;
    @Autowired OutboxMessages outbox;

    @Test
    void queuedMailsOfTheOldProcessGoToTheRelayAndItsInstancesEnd() {
        // the old definition, as far as this test needs it: instances waiting before their send step
        String deployment = repository.createDeployment().name("an earlier version")
                .addModelInstance("deliver-mail.bpmn", Bpmn.createExecutableProcess(RetiredDeliverMail.KEY)
                        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_SendMail").endEvent().done())
                .deploy().getId();
        UUID mail = UUID.randomUUID();
        jdbc.update("INSERT INTO mail_outbox (id, version, case_reference, template, recipient, subject, body, status,"
                + " attempts, created_at) VALUES (?, 0, 'CASE-2026-990020', 'REMINDER', 'old@example.com',"
                + " 'Reminder', 'Please reply.', 'QUEUED', 0, ?)", mail, Timestamp.from(Instant.now()));
        runtime.startProcessInstanceByKey(RetiredDeliverMail.KEY);
        runtime.startProcessInstanceByKey(RetiredDeliverMail.KEY);

        retired.upgrade();

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RetiredDeliverMail.KEY).count()).isZero();
        assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment).count())
                .as("the old definition stays").isOne();
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.findById(mail).orElseThrow().getStatus()
                == MailStatus.HELD);

        retired.upgrade();
        assertThat(outbox.findById(mail).orElseThrow().getStatus()).isEqualTo(MailStatus.HELD);
        repository.deleteDeployment(deployment, true);
    }
}
