package dev.attest.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Business minutes between two moments, and the case clock that stands still while the client owes a document. */
class SlaClockTests {

    final BusinessCalendar calendar = new BusinessCalendar(ZoneId.of("America/New_York"));
    final SlaClock clock = new SlaClock(null, calendar, Clock.systemUTC());

    @ParameterizedTest(name = "{0} → {1} = {2} business minutes")
    @CsvSource({
            // Monday 10:00 → 11:30 New York
            "2026-11-23T15:00:00Z, 2026-11-23T16:30:00Z, 90",
            // Monday 16:00 → Tuesday 10:00: one hour on each day
            "2026-11-23T21:00:00Z, 2026-11-24T15:00:00Z, 120",
            // Friday 16:00 → Monday 10:00: the weekend does not count
            "2026-11-20T21:00:00Z, 2026-11-23T15:00:00Z, 120",
            // Wednesday 16:00 → Friday 10:00: Thanksgiving does not count
            "2026-11-25T21:00:00Z, 2026-11-27T15:00:00Z, 120",
            // across the year end: Thursday 31 December 16:00 → Monday 4 January 10:00 (New Year's Day off)
            "2026-12-31T21:00:00Z, 2027-01-04T15:00:00Z, 120",
            // Saturday to Sunday: nothing
            "2026-11-21T15:00:00Z, 2026-11-22T15:00:00Z, 0",
            // backwards: nothing
            "2026-11-24T15:00:00Z, 2026-11-23T15:00:00Z, 0",
    })
    void businessMinutesBetween(Instant from, Instant to, long minutes) {
        assertThat(calendar.businessMinutesBetween(from, to)).isEqualTo(minutes);
    }

    static final Instant MONDAY_9 = Instant.parse("2026-11-23T14:00:00Z");
    static final Instant FRIDAY_17 = Instant.parse("2026-11-27T22:00:00Z");

    ClientWait wait(String from, String to) {
        ClientWait wait = new ClientWait("CASE-1", "pi-" + from, "Waiting for the client", Instant.parse(from));
        if (to != null) {
            wait.end(Instant.parse(to));
        }
        return wait;
    }

    @Test
    void withoutWaitsTheClockCountsEveryBusinessMinute() {
        // Monday to Friday of Thanksgiving week: four business days of 8 hours
        assertThat(clock.workingMinutes(List.of(), MONDAY_9, FRIDAY_17)).isEqualTo(4 * 8 * 60);
    }

    @Test
    void waitingOnTheClientStopsTheClock() {
        // waited Monday 13:00 → Tuesday 13:00 New York: 8 business hours paused
        assertThat(clock.workingMinutes(List.of(wait("2026-11-23T18:00:00Z", "2026-11-24T18:00:00Z")), MONDAY_9,
                FRIDAY_17)).isEqualTo(3 * 8 * 60);
    }

    @Test
    void overlappingWaitsPauseTheClockOnce() {
        assertThat(clock.workingMinutes(List.of(wait("2026-11-23T18:00:00Z", "2026-11-24T18:00:00Z"),
                wait("2026-11-24T14:00:00Z", "2026-11-24T20:00:00Z")), MONDAY_9, FRIDAY_17))
                // paused Monday 13:00 → Tuesday 15:00: 4 + 6 hours
                .isEqualTo(32 * 60 - 10 * 60);
    }

    @Test
    void aWaitStillOpenCountsUntilNow() {
        assertThat(clock.workingMinutes(List.of(wait("2026-11-25T14:00:00Z", null)), MONDAY_9, FRIDAY_17))
                // Wednesday 9:00 on: Wednesday and Friday paused, Thanksgiving off anyway
                .isEqualTo(2 * 8 * 60);
    }
}
