package dev.attest.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Business days and hours in the consultancy's time zone: Saturdays, Sundays and holidays do not count.
 * Holidays are the US federal holidays (observed on the nearest weekday, computed for every year) unless
 * {@code attest.sla.federal-holidays=false}, plus the dates listed in {@code attest.sla.holidays}.
 * "Due in one business day" is the same clock time on the next business day; business hours run from
 * 09:00 to 17:00.
 */
@Component
@EnableConfigurationProperties(BusinessDaySettings.class)
public class BusinessCalendar {

    static final LocalTime OPENS = LocalTime.of(9, 0);
    static final LocalTime CLOSES = LocalTime.of(17, 0);

    private final ZoneId zone;
    private final boolean federalHolidays;
    private final Set<LocalDate> extraHolidays;
    private final Map<Integer, Set<LocalDate>> federalByYear = new ConcurrentHashMap<>();

    public BusinessCalendar(ZoneId zone) {
        this(zone, true, List.of());
    }

    @Autowired
    BusinessCalendar(ZoneId zone, BusinessDaySettings settings) {
        this(zone, settings.federalHolidays(), settings.holidays());
    }

    public BusinessCalendar(ZoneId zone, boolean federalHolidays, List<String> extraHolidays) {
        this.zone = zone;
        this.federalHolidays = federalHolidays;
        this.extraHolidays = new HashSet<>();
        for (String date : extraHolidays) {
            if (date != null && !date.isBlank()) {
                this.extraHolidays.add(LocalDate.parse(date.strip()));
            }
        }
    }

    /** The same clock time, {@code days} business days later; a start on a day off counts from the next business day. */
    public Instant addBusinessDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        ZonedDateTime t = start.atZone(zone);
        while (!isBusinessDay(t.toLocalDate())) {
            t = t.plusDays(1);
        }
        int left = days;
        while (left > 0) {
            t = t.plusDays(1);
            if (isBusinessDay(t.toLocalDate())) {
                left--;
            }
        }
        return t.toInstant();
    }

    /** {@code hours} business hours later (09:00–17:00 on business days). */
    public Instant addBusinessHours(Instant start, double hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("hours must not be negative");
        }
        ZonedDateTime t = start.atZone(zone);
        long left = Math.round(hours * 60);
        while (true) {
            if (!isBusinessDay(t.toLocalDate()) || !t.toLocalTime().isBefore(CLOSES)) {
                t = t.plusDays(1).with(OPENS);
                continue;
            }
            if (t.toLocalTime().isBefore(OPENS)) {
                t = t.with(OPENS);
            }
            long available = Duration.between(t.toLocalTime(), CLOSES).toMinutes();
            if (left <= available) {
                return t.plusMinutes(left).toInstant();
            }
            left -= available;
            t = t.plusDays(1).with(OPENS);
        }
    }

    /** The business minutes (09:00–17:00 on business days) between two moments; 0 when {@code to} is not after {@code from}. */
    public long businessMinutesBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        ZonedDateTime t = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        long minutes = 0;
        LocalDate day = t.toLocalDate();
        while (!day.isAfter(end.toLocalDate())) {
            if (isBusinessDay(day)) {
                ZonedDateTime open = day.atTime(OPENS).atZone(zone);
                ZonedDateTime close = day.atTime(CLOSES).atZone(zone);
                ZonedDateTime a = t.isAfter(open) ? t : open;
                ZonedDateTime b = end.isBefore(close) ? end : close;
                if (b.isAfter(a)) {
                    minutes += Duration.between(a, b).toMinutes();
                }
            }
            day = day.plusDays(1);
        }
        return minutes;
    }

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    public boolean isHoliday(LocalDate date) {
        return extraHolidays.contains(date) || (federalHolidays
                && federalByYear.computeIfAbsent(date.getYear(), BusinessCalendar::usFederalHolidays).contains(date));
    }

    public ZoneId zone() {
        return zone;
    }

    /** The US federal holidays of a year, as observed (Saturday → Friday, Sunday → Monday). */
    static Set<LocalDate> usFederalHolidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        days.add(observed(LocalDate.of(year, Month.JANUARY, 1)));
        days.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3));
        days.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(observed(LocalDate.of(year, Month.JUNE, 19)));
        days.add(observed(LocalDate.of(year, Month.JULY, 4)));
        days.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));
        days.add(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2));
        days.add(observed(LocalDate.of(year, Month.NOVEMBER, 11)));
        days.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));
        days.add(observed(LocalDate.of(year, Month.DECEMBER, 25)));
        // New Year's Day of the next year observed on 31 December when it falls on a Saturday
        LocalDate nextNewYear = LocalDate.of(year + 1, Month.JANUARY, 1);
        if (nextNewYear.getDayOfWeek() == DayOfWeek.SATURDAY) {
            days.add(nextNewYear.minusDays(1));
        }
        return days;
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    private static LocalDate observed(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.minusDays(1);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }
}
