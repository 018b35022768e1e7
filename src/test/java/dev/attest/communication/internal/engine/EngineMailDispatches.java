package dev.attest.communication.internal.engine;

import org.camunda.bpm.engine.RuntimeService;

import dev.attest.communication.MailDispatch;

/** The engine's mail dispatch on a test's own engine, for the process tests of another package. */
public final class EngineMailDispatches {

    private EngineMailDispatches() {
    }

    public static MailDispatch on(RuntimeService runtimeService) {
        return new CamundaMailDispatch(runtimeService);
    }
}
