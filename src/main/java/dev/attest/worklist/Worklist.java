package dev.attest.worklist;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.attest.identity.StaffMember;

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
     * One task with its variables and its form, for its page: what {@link #get}, {@link #variables} and {@link #form}
     * return, read in one go (the task is read once, with the same check of who may see it).
     *
     * @throws TaskNotFoundException when it does not exist or the caller may not see it
     */
    TaskDetails details(String taskId);

    /**
     * Completes a task held by the caller with the form's values, and moves the case on.
     *
     * @param values field id to value (strings, booleans or numbers as in JSON)
     * @throws dev.attest.validation.InvalidInputException naming every bad field; nothing changes
     * @throws TaskNotHeldException when the caller does not hold the task
     */
    void complete(String taskId, Map<String, Object> values);

    /**
     * Gives a task to a named user, or back to its groups ({@code assignee} {@code null}). Senior analysts and
     * managers may give any task they see to anyone who may work it; an analyst may hand a task they hold to
     * another candidate, with a note, or give it back. The new holder is told ({@link TaskAssigned}); audited.
     *
     * @param note why (required when an analyst hands their task over; at most 1000 characters)
     * @throws dev.attest.validation.InvalidInputException naming {@code assignee} (not a candidate of the task's
     *         groups, disabled, or away) or {@code note}
     * @throws org.springframework.security.access.AccessDeniedException when the caller's role may not do this
     * @throws TaskNotFoundException when there is no such task or the caller may not see it
     * @throws TaskConflictException when it ended or changed meanwhile (someone claimed it at the same moment)
     */
    void assign(String taskId, String assignee, String note);

    /**
     * {@link #assign} for each task, each in its own transaction: the refusal of one leaves the others done.
     *
     * @return one result per task, in the order asked
     */
    List<AssignmentResult> assignAll(List<String> taskIds, String assignee, String note);

    /**
     * Gives every task a user holds back to its groups, in one transaction: one's own (anyone with a worklist), or
     * anyone's (managers). Audited per task.
     *
     * @return how many tasks went back
     */
    int returnAllHeldBy(String username);

    /**
     * The people who may be given every one of these tasks (candidates of their groups, enabled), those away
     * included and marked so; all staff when no task is named. For the user pickers.
     */
    List<StaffMember> candidates(Collection<String> taskIds);

    /**
     * Snoozes a task until a day (the engine's follow-up date, at the start of that day in attest.zone): it leaves
     * "My tasks" until then and comes back by itself; {@code null} clears it. A task someone else holds only
     * senior analysts and managers may snooze. Audited.
     *
     * @throws dev.attest.validation.InvalidInputException (field {@code followUp}) unless the day is after today and
     *         at most a year ahead
     */
    void followUp(String taskId, LocalDate followUp);
}
