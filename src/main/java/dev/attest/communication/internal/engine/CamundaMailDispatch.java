package dev.attest.communication.internal.engine;

import static dev.attest.communication.process.DeliverMailProcess.*;

import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import dev.attest.communication.MailDispatch;

/**
 * Starts a DeliverMail instance for a message: the instance stops at once before its asynchronous send step,
 * so the job is created in the caller's transaction and runs after it commits.
 */
@Component
class CamundaMailDispatch implements MailDispatch {

    private final RuntimeService runtimeService;

    CamundaMailDispatch(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void dispatch(UUID messageId) {
        runtimeService.startProcessInstanceByKey(KEY, Variables.createVariables().putValue(MAIL_ID, messageId.toString()));
    }
}
