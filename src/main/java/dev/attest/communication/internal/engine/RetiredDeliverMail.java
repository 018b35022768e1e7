package dev.attest.communication.internal.engine;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.attest.communication.internal.OutboxMessages;

/**
 * Upgrades a database written by a version that delivered each e-mail through a {@code DeliverMail} process
 * instance. The outbox row's status is the truth, so at start-up every queued row without a due time is queued
 * for the relay, and the old instances still running (waiting to send, to retry, or in an incident) are ended:
 * the relay sends what they would have; a failed one stays failed, an incident in the designer's list of failed
 * e-mails. The old process definition stays deployed, unused, with its history. Idempotent, on every node.
 */
@Component
class RetiredDeliverMail {

    static final String KEY = "DeliverMail";
    private static final Logger log = LoggerFactory.getLogger(RetiredDeliverMail.class);
    private static final int PAGE = 200;

    private final OutboxMessages outbox;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;

    RetiredDeliverMail(OutboxMessages outbox, RuntimeService runtime, TransactionTemplate transactions) {
        this.outbox = outbox;
        this.runtime = runtime;
        this.transactions = transactions;
    }

    @EventListener(ApplicationStartedEvent.class)
    void upgrade() {
        Integer queued = transactions.execute(s -> outbox.queueUndated());
        if (queued != null && queued > 0) {
            log.info("{} queued e-mail(s) of an earlier version handed to the mail relay", queued);
        }
        int ended = 0;
        try {
            List<String> previous = List.of();
            for (List<String> ids = page(); !ids.isEmpty() && !ids.equals(previous); ids = page()) {
                previous = ids;
                runtime.deleteProcessInstancesIfExists(ids, "E-mails are delivered by the mail relay", true, true,
                        true);
                ended += ids.size();
            }
        } catch (ProcessEngineException e) {
            // another node ends them at the same moment: what is left, it ends
            log.info("Ending the old DeliverMail instances stopped, another node may be at it: {}", e.getMessage());
        }
        if (ended > 0) {
            log.info("{} DeliverMail process instance(s) of an earlier version ended; the mail relay sends their "
                    + "e-mails", ended);
        }
    }

    private List<String> page() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(KEY).listPage(0, PAGE).stream()
                .map(ProcessInstance::getId).toList();
    }
}
