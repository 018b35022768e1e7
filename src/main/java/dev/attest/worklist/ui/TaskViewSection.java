package dev.attest.worklist.ui;

import java.util.Map;

import com.vaadin.flow.component.Component;

import dev.attest.worklist.TaskDetails;
import dev.attest.worklist.WorkItem;

/**
 * A section other modules add to the task view for the tasks they know (a document beside its checks for
 * a document review): every Spring bean of this type is asked, in {@link #order()}.
 */
public interface TaskViewSection {

    int order();

    /**
     * The section for a task, or {@code null} when it has nothing to show.
     *
     * @param variables the task's process variables (ids and routing facts)
     */
    Component render(WorkItem task, Map<String, Object> variables);

    /**
     * The section for a task's page, from what the page read of the task (its form too: a section that needs it
     * reads nothing again), or {@code null}; by default {@link #render(WorkItem, Map)} with the task and its variables.
     */
    default Component render(TaskDetails details) {
        return render(details.task(), details.variables());
    }
}
