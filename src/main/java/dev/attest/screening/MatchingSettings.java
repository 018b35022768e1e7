package dev.attest.screening;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How screening matches names ({@code attest.screening.*}).
 *
 * @param threshold the score from which an entry is a potential hit (default 0.88); at least 0.5 (below, nearly
 *        every name would hit) and at most 1.0
 * @param maxHits the most hits one search answers, best first (default 50, at most 500)
 */
@ConfigurationProperties(prefix = "attest.screening")
public record MatchingSettings(@DefaultValue("0.88") double threshold, @DefaultValue("50") int maxHits) {

    public MatchingSettings {
        if (!(threshold >= 0.5 && threshold <= 1.0)) {
            throw new IllegalArgumentException("attest.screening.threshold must be between 0.5 and 1.0, not "
                    + threshold);
        }
        if (maxHits < 1 || maxHits > 500) {
            throw new IllegalArgumentException("attest.screening.max-hits must be between 1 and 500, not " + maxHits);
        }
    }
}
