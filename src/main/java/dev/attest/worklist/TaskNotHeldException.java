package dev.attest.worklist;

import org.springframework.security.access.AccessDeniedException;

/** Only the user holding a task may complete it. */
public class TaskNotHeldException extends AccessDeniedException {

    public TaskNotHeldException(String message) {
        super(message);
    }
}
