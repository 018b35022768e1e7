package dev.attest.workflow;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import dev.attest.identity.CurrentUser;

/**
 * Runs engine calls as the current Attest user, with the candidate groups of their roles, so that the
 * engine's history (user operation log, initiator) records who acted, also outside web requests (start-up
 * data, scheduled work). The engine's previous authentication is restored afterwards.
 */
@Component
public class EngineAuthentication {

    private final IdentityService identityService;

    EngineAuthentication(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T asCurrentUser(Supplier<T> work) {
        var user = CurrentUser.find();
        if (user.isEmpty()) {
            return work.get();
        }
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(user.get().username(), user.get().groups());
        try {
            return work.get();
        } finally {
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
    }

    public void asCurrentUser(Runnable work) {
        asCurrentUser(() -> {
            work.run();
            return null;
        });
    }
}
