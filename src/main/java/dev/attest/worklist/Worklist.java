package dev.attest.worklist;

import java.util.List;
import java.util.Map;

/**
 * The tasks people work on. Every method checks the caller: only analysts, senior analysts and managers
 * have a worklist; a task is visible to its assignee, to members of its candidate groups and to managers;
 * only the assignee may complete it.
 */
public interface Worklist {

    /** One page of tasks, most urgent first (priority, then due date, then age). */
    List<WorkItem> page(TaskFilter filter, int offset, int limit);

    /** How many tasks {@link #page} would list in all. */
    long count(TaskFilter filter);

    /**
     * How many tasks {@link #page} would list, counted up to {@code cap} only (cheap for a long list: the engine
     * looks for the task after the cap, and counts only when there is none).
     */
    TaskCount countUpTo(TaskFilter filter, int cap);

    /**
     * One task.
     *
     * @throws TaskNotFoundException when it does not exist or the caller may not see it
     */
    WorkItem get(String taskId);

    /**
     * Claims a task for the caller. Claiming a task one already holds changes nothing.
     *
     * @throws TaskConflictException when someone else holds it (also when they won a race for it)
     */
    void claim(String taskId);

    /** Gives a held task back to its groups. Only the assignee (or a manager) may. */
    void unclaim(String taskId);

    /** The process variables the task sees (ids and routing facts only). */
    Map<String, Object> variables(String taskId);

    /** The fields of the task's form. */
    List<FormFieldSpec> form(String taskId);

    /**
     * Completes a task held by the caller with the form's values, and moves the case on.
     *
     * @param values field id to value (strings, booleans or numbers as in JSON)
     * @throws dev.attest.validation.InvalidInputException naming every bad field; nothing changes
     * @throws TaskNotHeldException when the caller does not hold the task
     */
    void complete(String taskId, Map<String, Object> values);
}
