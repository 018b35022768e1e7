package dev.attest.sla;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which days are business days ({@code attest.sla.federal-holidays}, {@code attest.sla.holidays}).
 *
 * @param federalHolidays whether the US federal holidays (observed) are days off (default true)
 * @param holidays further days off, as ISO dates ({@code 2026-12-24})
 */
@ConfigurationProperties(prefix = "attest.sla")
public record BusinessDaySettings(@DefaultValue("true") boolean federalHolidays, @DefaultValue List<String> holidays) {

    public BusinessDaySettings {
        holidays = holidays == null ? List.of()
                : holidays.stream().filter(date -> date != null && !date.isBlank()).map(String::strip).toList();
        holidays.forEach(date -> {
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("attest.sla.holidays: '" + date + "' is no ISO date like 2026-12-24");
            }
        });
    }
}
