package dev.attest.ownership;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Beneficial ownership's settings ({@code attest.ownership.*}).
 *
 * @param threshold beneficial owners own at least this percentage, inclusive (default 25; some institutions use 10
 *        or 15 for high risk); above 0, at most 100
 */
@ConfigurationProperties(prefix = "attest.ownership")
public record OwnershipSettings(@DefaultValue("25") double threshold) {

    public OwnershipSettings {
        if (!(threshold > 0 && threshold <= 100)) {
            throw new IllegalArgumentException("attest.ownership.threshold must be a percentage above 0 and at most "
                    + "100, not " + threshold);
        }
    }
}
