package dev.attest.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Business days skip weekends and keep the clock time. */
class BusinessCalendarTests {

    final BusinessCalendar calendar = new BusinessCalendar("America/New_York");

    @ParameterizedTest(name = "{0} + {1} business days = {2}")
    @CsvSource({
            // Thursday 10:00 New York + 1 = Friday 10:00
            "2026-11-19T15:00:00Z, 1, 2026-11-20T15:00:00Z",
            // Friday + 1 = Monday, same clock time
            "2026-11-20T15:00:00Z, 1, 2026-11-23T15:00:00Z",
            // Saturday counts from Monday: + 1 = Tuesday
            "2026-11-21T15:00:00Z, 1, 2026-11-24T15:00:00Z",
            // Friday + 3 = Wednesday
            "2026-11-20T15:00:00Z, 3, 2026-11-25T15:00:00Z",
            // across the end of daylight saving time (1 Nov 2026): still 10:00 local
            "2026-10-30T14:00:00Z, 1, 2026-11-02T15:00:00Z",
            "2026-11-19T15:00:00Z, 0, 2026-11-19T15:00:00Z",
    })
    void addsBusinessDays(Instant start, int days, Instant expected) {
        assertThat(calendar.addBusinessDays(start, days)).isEqualTo(expected);
    }
}
