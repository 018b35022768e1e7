package dev.attest.cases;

import java.time.Instant;
import java.util.List;

/**
 * The engine, as the cases module sees it: start a case's process and read what happened to it.
 * Implemented in {@code cases.internal.engine}.
 */
public interface CaseWorkflow {

    /**
     * Starts the case's process in the caller's transaction.
     *
     * @return the process instance id
     */
    String start(CaseFile caseFile);

    /** The open tasks of the case (of its process and any process it called), oldest first. */
    List<OpenTask> openTasks(String caseReference);

    /**
     * An open task of a case.
     *
     * @param id the engine's task id
     * @param name what to do
     * @param assignee who holds it, or {@code null}
     * @param created when it was created
     * @param due when it is due, or {@code null}
     */
    record OpenTask(String id, String name, String assignee, Instant created, Instant due) {
    }

    /**
     * What happened on the case so far, in all its processes (the case's own and those it called), oldest
     * first: steps started and finished, with who did them.
     */
    List<TimelineEntry> timeline(String caseReference);

    /** Keeps the engine's history of the case until released (a legal hold): its removal time is cleared. */
    default void holdHistory(String caseReference) {
    }

    /**
     * Lets the engine's history cleanup remove the case's history again: at {@code removeAt}, or, when null, at
     * the time its time-to-live gives.
     */
    default void releaseHistory(String caseReference, Instant removeAt) {
    }

    /** Deletes the engine's history of the case's (finished) process instances. */
    default void deleteHistory(String caseReference) {
    }

    /**
     * One step on a case's timeline.
     *
     * @param at when it happened
     * @param what what happened, in words
     * @param who the user, or {@code null} for the system
     * @param activityId the BPMN element
     */
    record TimelineEntry(Instant at, String what, String who, String activityId) {
    }
}
