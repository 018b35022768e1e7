package dev.attest.dashboard.ui;

import dev.attest.dashboard.DrillDown.Figure;

/**
 * What a click on the dashboard asks to list: a figure, its key (the stage, analyst, week, …, or {@code null}) and
 * the title the list gets.
 */
record Drill(Figure figure, String key, String title) {

    /** Whether the figure counts what is open now (the range does not apply), rather than what happened in it. */
    boolean now() {
        return switch (figure) {
            case OPEN_CASES, STAGE, OVERDUE, DUE_TODAY, ABOUT_TO_BREACH, WORKLOAD, ANALYST_OVERDUE, ANALYST_AT_RISK,
                    SCREENING_OPEN_HITS -> true;
            case ESCALATIONS, BREACHES, RESOLVED, FIRST_ROUND_REJECTED -> false;
        };
    }
}
