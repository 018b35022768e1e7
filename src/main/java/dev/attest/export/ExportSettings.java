package dev.attest.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Exports' settings ({@code attest.export.*}).
 *
 * @param maxRows the most rows one CSV download holds (default 10,000); a longer list is cut there, and says so
 */
@ConfigurationProperties(prefix = "attest.export")
public record ExportSettings(@DefaultValue("10000") int maxRows) {

    public ExportSettings {
        if (maxRows < 1 || maxRows > 1_000_000) {
            throw new IllegalArgumentException("attest.export.max-rows must be between 1 and 1000000, not " + maxRows);
        }
    }
}
