package dev.attest.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Business days in the consultancy's time zone: Saturdays and Sundays do not count. "Due in one business
 * day" is the same clock time on the next business day. Holidays per region come with the SLA policies.
 */
@Component
public class BusinessCalendar {

    private final ZoneId zone;

    public BusinessCalendar(@Value("${attest.zone:UTC}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    /** The same clock time, {@code days} business days later; a start on a weekend counts from Monday. */
    public Instant addBusinessDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        ZonedDateTime t = start.atZone(zone);
        while (!isBusinessDay(t)) {
            t = t.plusDays(1);
        }
        int left = days;
        while (left > 0) {
            t = t.plusDays(1);
            if (isBusinessDay(t)) {
                left--;
            }
        }
        return t.toInstant();
    }

    public boolean isBusinessDay(ZonedDateTime t) {
        DayOfWeek d = t.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    public ZoneId zone() {
        return zone;
    }
}
