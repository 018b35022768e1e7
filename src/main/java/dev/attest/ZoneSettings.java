package dev.attest;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The consultancy's time zone ({@code attest.zone}, default America/New_York): business days and hours, daily
 * roll-ups and every date shown to a user are in this zone. One typed setting instead of a fallback per class, so
 * that all of Attest agrees on the zone; an unknown zone is refused at start-up, naming the property and the value.
 *
 * @param zone a region id ({@code Europe/Berlin}) or an offset ({@code UTC}, {@code +02:00})
 */
@ConfigurationProperties(prefix = "attest")
public record ZoneSettings(@DefaultValue(ZoneSettings.DEFAULT_ZONE) String zone) {

    /** The zone when {@code attest.zone} is not set; application.yml sets the same through {@code ATTEST_ZONE}. */
    public static final String DEFAULT_ZONE = "America/New_York";

    public ZoneSettings {
        zoneId(zone);
    }

    /** The configured zone. */
    public ZoneId zoneId() {
        return zoneId(zone);
    }

    private static ZoneId zoneId(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new IllegalArgumentException("attest.zone must name a time zone, like America/New_York");
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("attest.zone '" + zone + "' is no known time zone (use a region id"
                    + " like America/New_York or Europe/Berlin, or an offset like UTC or +02:00)", e);
        }
    }
}
