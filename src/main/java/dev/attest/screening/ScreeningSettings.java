package dev.attest.screening;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.util.unit.DataSize;

/**
 * Sanctions screening's settings ({@code attest.screening.*}).
 *
 * @param maxFileSize the largest list file read, uploaded or from a path, and the most a zip may inflate to (default
 *        200 MB); uploads are also bounded by {@code spring.servlet.multipart.max-file-size}
 * @param maxEntries the most entries one list version may hold (default 1,000,000)
 * @param nightlyCron when the configured list files are read again, a Spring cron expression in {@code attest.zone}
 *        (default {@code 0 30 4 * * *}, 4:30 every night)
 * @param sources list files read at start-up and nightly, each {@code path} and {@code format} (for
 *        {@code OFAC_SDN_CSV} also {@code aliases}, the path of {@code alt.csv}); a file whose SHA-256 is the one
 *        in force loads nothing
 */
@ConfigurationProperties(prefix = "attest.screening")
public record ScreeningSettings(@DefaultValue("200MB") DataSize maxFileSize,
        @DefaultValue("1000000") int maxEntries, @DefaultValue(ScreeningSettings.DEFAULT_CRON) String nightlyCron,
        @DefaultValue List<Source> sources) {

    /** The nightly schedule when {@code attest.screening.nightly-cron} is not set. */
    public static final String DEFAULT_CRON = "0 30 4 * * *";

    /**
     * One list file on this server.
     *
     * @param path the file (e.g. {@code /srv/lists/sdn.xml})
     * @param format its format
     * @param aliases for {@code OFAC_SDN_CSV}: the {@code alt.csv} beside {@code sdn.csv} (optional)
     */
    public record Source(String path, ListFormat format, String aliases) {

        public Source {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("attest.screening.sources[].path must name a list file");
            }
            if (format == null) {
                throw new IllegalArgumentException("attest.screening.sources[].format is required for " + path
                        + " (one of OFAC_SDN_XML, OFAC_SDN_CSV, UN_XML, EU_XML, UK_CSV, FTM_JSON)");
            }
            checkPath(path);
            if (aliases != null && !aliases.isBlank()) {
                if (format != ListFormat.OFAC_SDN_CSV) {
                    throw new IllegalArgumentException("attest.screening.sources[].aliases is only for OFAC_SDN_CSV, "
                            + "not " + format);
                }
                checkPath(aliases);
            }
        }

        private static void checkPath(String path) {
            try {
                Path.of(path.strip());
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("attest.screening.sources[].path '" + path + "' is no valid path: "
                        + e.getReason(), e);
            }
        }
    }

    public ScreeningSettings {
        if (maxFileSize == null || maxFileSize.toBytes() < 1) {
            throw new IllegalArgumentException("attest.screening.max-file-size must be at least 1 byte");
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("attest.screening.max-entries must be at least 1, not " + maxEntries);
        }
        if (nightlyCron == null || !CronExpression.isValidExpression(nightlyCron)) {
            throw new IllegalArgumentException("attest.screening.nightly-cron '" + nightlyCron + "' is no cron "
                    + "expression (six fields, e.g. 0 30 4 * * *)");
        }
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
