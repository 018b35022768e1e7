package dev.attest.worklist;

import java.util.List;
import java.util.Map;

/**
 * A module's rules for the form of one kind of task, beyond what its BPMN declares (a Spring bean; the worklist asks
 * the one whose {@link #taskKey()} is the task's). The form shows {@link #fields}; a completion is checked against
 * those and the declared ones (so a declared field that does not apply to this task is still accepted, and ignored by
 * the rules), then by {@link #check}, before anything changes.
 */
public interface TaskFormRules {

    /** The BPMN element id of the tasks these rules are for ({@code Task_ReviewDocument}). */
    String taskKey();

    /**
     * The form's fields for one task: the declared ones as they apply to it (labels fitting it), and any the module
     * adds.
     *
     * @param declared the fields the BPMN declares
     * @param variables the task's process variables
     */
    List<FormFieldSpec> fields(List<FormFieldSpec> declared, Map<String, Object> variables);

    /**
     * Checks a completion's values, already checked field by field, as a whole.
     *
     * @throws dev.attest.validation.InvalidInputException naming every bad field
     */
    void check(Map<String, Object> values, Map<String, Object> variables);
}
