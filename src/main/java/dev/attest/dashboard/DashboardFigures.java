package dev.attest.dashboard;

import java.time.LocalDate;
import java.util.List;

import dev.attest.cases.CaseType;
import dev.attest.recovery.TwoFactorRecovery;

/**
 * The dashboard's figures for one filter, each an aggregate computed by the database.
 *
 * @param openCases cases not closed
 * @param openCasesByStage open cases by where they stand: not yet triaged, waiting for the client, or the open
 *        task they are at (a case with two open tasks counts at both)
 * @param overdue open tasks past their due date
 * @param dueToday open tasks due later today
 * @param aboutToBreach open tasks past their warning (follow-up) date, not yet due
 * @param weeks completed tasks and SLA breaches per week (weeks start on Monday)
 * @param resolution time to resolution of the cases closed in the range, per case type
 * @param workload open tasks per analyst now, and tasks they completed in the range
 * @param escalations escalations in the range, per level
 * @param firstRoundDecided documents decided in the range that were the first of their kind in their case
 * @param firstRoundApproved of those, the approved ones
 * @param marketplace the marketplace's decisions on 2FA resets in the range
 * @param analystLoad open tasks overdue and at risk per analyst now, the most overdue first
 */
public record DashboardFigures(long openCases, List<Stage> openCasesByStage, long overdue, long dueToday, long aboutToBreach,
        List<Week> weeks, List<Resolution> resolution, List<Workload> workload, List<EscalationCount> escalations,
        long firstRoundDecided, long firstRoundApproved, TwoFactorRecovery.Outcomes marketplace,
        List<AnalystLoad> analystLoad) {

    /** First-pass acceptance: the share of first-round documents approved, or {@code null} with none decided. */
    public Double firstPassAcceptance() {
        return firstRoundDecided == 0 ? null : (double) firstRoundApproved / firstRoundDecided;
    }

    /**
     * Open cases at one stage.
     *
     * @param key {@code NOT_TRIAGED}, {@code WAITING_FOR_CLIENT} or {@code task:<task type>} (for drill-down)
     * @param label what managers read
     * @param cases how many
     */
    public record Stage(String key, String label, long cases) {
    }

    /**
     * Tasks completed in one week.
     *
     * @param start the Monday
     * @param completed tasks completed
     * @param withDueDate of those, the ones with a due date
     * @param breached of those, completed after their due date
     */
    public record Week(LocalDate start, long completed, long withDueDate, long breached) {

        /** The share of tasks with a due date that were completed late, or {@code null} with none. */
        public Double breachRate() {
            return withDueDate == 0 ? null : (double) breached / withDueDate;
        }
    }

    /**
     * Time to resolution of one case type, in business hours without the time spent waiting on the client.
     *
     * @param caseType the type
     * @param cases cases closed in the range
     * @param medianHours the median
     * @param p90Hours the 90th percentile
     */
    public record Resolution(CaseType caseType, long cases, double medianHours, double p90Hours) {
    }

    /**
     * One analyst's work.
     *
     * @param analyst the username ({@code ""} for tasks nobody has claimed)
     * @param open open tasks assigned now
     * @param overdue of those, past their due date
     * @param completed tasks completed in the range
     */
    public record Workload(String analyst, long open, long overdue, long completed) {
    }

    /**
     * Escalations of one level.
     *
     * @param level {@code WARNING}, {@code SENIOR_ANALYSTS} or {@code MANAGERS}
     * @param count how many in the range
     */
    public record EscalationCount(String level, long count) {
    }

    /**
     * One analyst's open tasks now, for "who is overloaded".
     *
     * @param analyst the username ({@code ""} for tasks nobody has claimed)
     * @param open open tasks assigned now
     * @param overdue of those, past their due date
     * @param dueToday of those, due later today
     * @param atRisk of those, past their warning (follow-up) date and not yet due
     */
    public record AnalystLoad(String analyst, long open, long overdue, long dueToday, long atRisk) {
    }
}
