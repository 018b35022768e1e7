package dev.attest.communication.process;

import static dev.attest.communication.process.DeliverMailProcess.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

import dev.attest.communication.MailDelivery;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/**
 * Sends the message of its DeliverMail instance. A failure is thrown back to the engine, which retries the job
 * as the BPMN's retry cycle says; on the last retry the message is marked failed. Only the DeliverMail process
 * Attest starts for a message (with no case of its own) sends: a case's process naming this delegate with some
 * message's id would send another case's queued or failed e-mail.
 */
@ModelCallable
@Component("deliverMailDelegate")
class DeliverMailDelegate implements JavaDelegate {

    private final MailDelivery delivery;

    DeliverMailDelegate(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String processCase = CaseProcesses.caseReference(execution);
        if (processCase != null) {
            throw new IllegalStateException("A process of " + processCase + " may not send e-mails from the outbox: "
                    + "only Attest's DeliverMail process does");
        }
        Job job = execution.getProcessEngineServices().getManagementService().createJobQuery()
                .processInstanceId(execution.getProcessInstanceId()).singleResult();
        boolean lastAttempt = job != null && job.getExceptionMessage() != null && job.getRetries() <= 1;
        delivery.deliver(UUID.fromString((String) execution.getVariable(MAIL_ID)), lastAttempt);
    }
}
