package dev.attest;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * The settings all of Attest shares ({@code attest.zone}, {@code attest.data-dir}, {@code attest.demo.enabled}),
 * typed and checked once at start-up. Each module's own settings live beside it, one record per module (for example
 * {@code attest.documents.*} in {@code DocumentSettings}); no class reads an {@code attest.*} property on its own, so
 * a bad value stops start-up naming the property instead of failing later, and a setting has one default.
 * <p>
 * The zone: business days and hours, daily roll-ups and every date shown to a user are in this zone.
 *
 * @param zone a region id ({@code Europe/Berlin}), {@code UTC}, or a fixed offset written {@code GMT+02:00};
 *        default New York. The nightly jobs' schedules read the same value, so it must be a zone both Java's
 *        {@code ZoneId} and the scheduler's {@code TimeZone} know ({@code +02:00} alone is not)
 * @param dataDir the folder of the H2 database and the encrypted documents (default {@code ./data})
 * @param demo demo mode: demo users with a known password and demo cases (off unless set; application.yml turns it
 *        on through {@code ATTEST_DEMO}, default true, for the embedded set-up)
 */
@ConfigurationProperties(prefix = "attest")
public record AttestSettings(@DefaultValue(AttestSettings.DEFAULT_ZONE) String zone,
        @DefaultValue("./data") String dataDir, @DefaultValue Demo demo) {

    /** The zone when {@code attest.zone} is not set; application.yml sets the same through {@code ATTEST_ZONE}. */
    public static final String DEFAULT_ZONE = "America/New_York";

    /** @param enabled whether demo users and demo cases exist */
    public record Demo(@DefaultValue("false") boolean enabled) {
    }

    public AttestSettings {
        zoneId(zone);
        dataPath(dataDir);
    }

    /** The configured zone. */
    public ZoneId zoneId() {
        return zoneId(zone);
    }

    /** The data folder, absolute. */
    public Path dataPath() {
        return dataPath(dataDir);
    }

    /** Whether demo mode is on. */
    public boolean demoMode() {
        return demo.enabled();
    }

    private static Path dataPath(String dataDir) {
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalArgumentException("attest.data-dir must name a folder, like ./data");
        }
        try {
            return Path.of(dataDir.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("attest.data-dir '" + dataDir + "' is no valid path: " + e.getReason(), e);
        }
    }

    private static ZoneId zoneId(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new IllegalArgumentException("attest.zone must name a time zone, like America/New_York");
        }
        try {
            // the schedules of the nightly jobs (@Scheduled(zone = "${attest.zone}")) read the value as it is
            StringUtils.parseTimeZoneString(zone);
            return ZoneId.of(zone);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new IllegalArgumentException("attest.zone '" + zone + "' is no known time zone (use a region id"
                    + " like America/New_York or Europe/Berlin, UTC, or an offset like GMT+02:00)", e);
        }
    }
}
