package dev.attest.worklist.ui;

import java.util.Map;

import dev.attest.worklist.WorkItem;

/**
 * What a user reads and confirms before a task is completed, added by the module that knows the task (the e-mail a
 * document's rejection sends the client): every Spring bean of this type is asked when Complete is pressed.
 */
public interface TaskCompletionPreview {

    /**
     * What to confirm before completing the task with these values, or {@code null} when nothing needs confirming
     * (also when the values are incomplete: the completion then names the fields to correct).
     *
     * @param variables the task's process variables
     * @param values the form's values
     */
    Confirmation preview(WorkItem task, Map<String, Object> variables, Map<String, Object> values);

    /**
     * A text to read before completing.
     *
     * @param title what it is
     * @param text the text, shown as it is (line breaks kept)
     * @param confirm the label of the button that completes the task
     */
    record Confirmation(String title, String text, String confirm) {
    }
}
