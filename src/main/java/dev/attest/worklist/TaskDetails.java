package dev.attest.worklist;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a task's page shows of the task, read together ({@link Worklist#details}): one reading of the task, so
 * its parts agree with each other.
 *
 * @param task the task with its case
 * @param variables the process variables the task sees (ids and routing facts only)
 * @param form the fields of the task's form, as they apply to these variables
 */
public record TaskDetails(WorkItem task, Map<String, Object> variables, List<FormFieldSpec> form) {

    public TaskDetails {
        // the engine's variables may hold nulls, which Map.copyOf refuses
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        form = List.copyOf(form);
    }
}
