package dev.attest.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Business days skip weekends and keep the clock time. */
class BusinessCalendarTests {

    final BusinessCalendar calendar = new BusinessCalendar(ZoneId.of("America/New_York"));

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

    @ParameterizedTest(name = "{0} + {1} business days = {2}")
    @CsvSource({
            // Thanksgiving 2026 (Thursday 26 November) is a holiday: Wednesday + 1 = Friday
            "2026-11-25T15:00:00Z, 1, 2026-11-27T15:00:00Z",
            // across the year end: Christmas (Fri), the weekend, New Year's Day 2027 (Fri)
            "2026-12-24T15:00:00Z, 2, 2026-12-29T15:00:00Z",
            "2026-12-31T15:00:00Z, 1, 2027-01-04T15:00:00Z",
            // 4 July 2026 is a Saturday, observed on Friday 3 July
            "2026-07-02T14:00:00Z, 1, 2026-07-06T14:00:00Z",
            // New Year's Day 2028 is a Saturday, observed on Friday 31 December 2027
            "2027-12-30T15:00:00Z, 1, 2028-01-03T15:00:00Z",
    })
    void holidaysAreDaysOff(Instant start, int days, Instant expected) {
        assertThat(calendar.addBusinessDays(start, days)).isEqualTo(expected);
    }

    @Test
    void federalHolidaysOfAYear() {
        assertThat(BusinessCalendar.usFederalHolidays(2026)).contains(LocalDate.of(2026, 1, 19),
                LocalDate.of(2026, 5, 25), LocalDate.of(2026, 9, 7),
                LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25)).hasSize(11);
        var configured = new BusinessCalendar(ZoneId.of("America/New_York"), false, List.of("2026-12-24"));
        assertThat(configured.isHoliday(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(configured.isHoliday(LocalDate.of(2026, 12, 25))).as("federal holidays switched off").isFalse();
    }

    @ParameterizedTest(name = "{0} + {1} business hours = {2}")
    @CsvSource({
            // Friday 16:00 New York + 2 h = Monday 10:00
            "2026-11-20T21:00:00Z, 2, 2026-11-23T15:00:00Z",
            // before opening: Monday 07:00 + 1 h = 10:00
            "2026-11-23T12:00:00Z, 1, 2026-11-23T15:00:00Z",
            // Wednesday 15:00 + 4 h skips Thanksgiving: Friday 11:00
            "2026-11-25T20:00:00Z, 4, 2026-11-27T16:00:00Z",
    })
    void addsBusinessHours(Instant start, double hours, Instant expected) {
        assertThat(calendar.addBusinessHours(start, hours)).isEqualTo(expected);
    }

    @Test
    void policiesSetDueAndFollowUpDates() {
        SlaPolicies policies = new SlaPolicies(calendar);
        policies.setPolicies(Map.of("Task_ReviewDocument", "1d", "Task_FollowUpClient", "4h"));
        Instant monday10 = Instant.parse("2026-11-23T15:00:00Z");
        var review = policies.datesFor("Task_ReviewDocument", monday10).orElseThrow();
        assertThat(review.due()).isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
        assertThat(review.followUp()).as("75 %% of 8 business hours").isEqualTo(Instant.parse("2026-11-23T21:00:00Z"));
        var followUp = policies.datesFor("Task_FollowUpClient", monday10).orElseThrow();
        assertThat(followUp.due()).isEqualTo(Instant.parse("2026-11-23T19:00:00Z"));
        assertThat(followUp.followUp()).isEqualTo(Instant.parse("2026-11-23T18:00:00Z"));
        assertThat(policies.datesFor("Task_Unknown", monday10)).isEmpty();
    }
}
