package dev.attest.worklist;

import dev.attest.cases.CaseType;

/**
 * Which tasks a list shows.
 *
 * @param scope mine, my groups' unclaimed tasks, or all open tasks (managers)
 * @param caseType only tasks of cases of this type, or all when {@code null}
 * @param text only tasks whose name, case reference or client matches, or all when blank
 * @param escalatedOnly only tasks escalated for running late (offered to senior analysts or managers)
 */
public record TaskFilter(Scope scope, CaseType caseType, String text, boolean escalatedOnly) {

    public TaskFilter(Scope scope, CaseType caseType, String text) {
        this(scope, caseType, text, false);
    }

    /** The tabs of the task list. */
    public enum Scope {
        /** Tasks assigned to me, except those snoozed until a later day. */
        MINE,
        /** Tasks assigned to me that are snoozed until a later day (they come back to MINE by themselves). */
        SNOOZED,
        /** Unclaimed tasks of the candidate groups of my roles. */
        GROUP,
        /** Every open task (managers only). */
        ALL
    }

    public static TaskFilter of(Scope scope) {
        return new TaskFilter(scope, null, null, false);
    }
}
