package dev.attest.dashboard;

import java.time.Instant;

/**
 * The numbers of the dashboard whose rows can be listed, and one such row.
 */
public final class DrillDown {

    private DrillDown() {
    }

    /** A number on the dashboard; some need a key (the stage, the analyst, the level, the week's Monday, the type). */
    public enum Figure {
        /** Cases not closed. */
        OPEN_CASES,
        /** Open cases at a stage; key: the stage's key. */
        STAGE,
        /** Open tasks past their due date. */
        OVERDUE,
        /** Open tasks due later today. */
        DUE_TODAY,
        /** Open tasks past their warning date. */
        ABOUT_TO_BREACH,
        /** One analyst's open tasks past their due date; key: the username, or empty for unclaimed tasks. */
        ANALYST_OVERDUE,
        /** One analyst's open tasks past their warning date, not yet due; key: as for {@link #ANALYST_OVERDUE}. */
        ANALYST_AT_RISK,
        /** An analyst's open tasks; key: the username, or empty for unclaimed tasks. */
        WORKLOAD,
        /** Escalations; key: the level, or empty for all. */
        ESCALATIONS,
        /** Tasks completed late in a week; key: the Monday (ISO date). */
        BREACHES,
        /** Cases closed in the range; key: the case type. */
        RESOLVED,
        /** First-round documents rejected in the range. */
        FIRST_ROUND_REJECTED,
        /**
         * Open cases with sanctions screening hits waiting for a reviewer (a decision or the second reviewer's
         * confirmation), of every case type, the longest waiting first.
         */
        SCREENING_OPEN_HITS
    }

    /**
     * One task, case or document behind a number.
     *
     * @param caseReference the case
     * @param caseType its type
     * @param what the task's name, the case's client or the document's kind
     * @param who the assignee, the analyst who decided, or empty
     * @param when the task's due date, the escalation's or decision's time, or the case's closing
     * @param taskId the open task, when the row is one (to open it), else {@code null}
     */
    public record Row(String caseReference, String caseType, String what, String who, Instant when, String taskId) {
    }
}
