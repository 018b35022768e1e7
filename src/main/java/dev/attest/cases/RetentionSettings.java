package dev.attest.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Record keeping ({@code attest.retention.*}).
 *
 * @param years how long a closed case is kept before it is erased, unless on legal hold (default 5, at least 1)
 */
@ConfigurationProperties(prefix = "attest.retention")
public record RetentionSettings(@DefaultValue("5") int years) {

    public RetentionSettings {
        if (years < 1) {
            throw new IllegalArgumentException("attest.retention.years must be at least 1, not " + years);
        }
    }
}
