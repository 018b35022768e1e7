package dev.attest.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import dev.attest.cases.CaseType;
import dev.attest.validation.InvalidInputException;

/**
 * What the dashboard covers: a range of days (both included, in Attest's time zone) for the figures over time,
 * and one case type or all. "Now" figures (open cases, overdue tasks) ignore the range.
 *
 * @param from the first day
 * @param to the last day
 * @param caseType only cases of this type, or all when {@code null}
 */
public record DashboardFilter(LocalDate from, LocalDate to, CaseType caseType) {

    /** The longest range one dashboard shows. */
    public static final int MAX_DAYS = 3 * 366;

    public DashboardFilter {
        if (from == null || to == null) {
            throw new InvalidInputException("range", "Choose the first and the last day.");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("range", "The last day must not be before the first.");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInputException("range", "Choose at most " + MAX_DAYS + " days.");
        }
    }

    /** The last {@code weeks} weeks up to and including {@code today}. */
    public static DashboardFilter lastWeeks(LocalDate today, int weeks, CaseType caseType) {
        return new DashboardFilter(today.minusWeeks(weeks).plusDays(1), today, caseType);
    }
}
