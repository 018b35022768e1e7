package dev.attest.worklist;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The task list's settings ({@code attest.worklist.*}).
 *
 * @param filterCountCap how far a saved filter's count counts (default 1000; more shows as "1000+")
 * @param maxSavedFilters how many filters one user may save (default 50)
 */
@ConfigurationProperties(prefix = "attest.worklist")
public record WorklistSettings(@DefaultValue("1000") int filterCountCap, @DefaultValue("50") int maxSavedFilters) {

    public WorklistSettings {
        if (filterCountCap < 1 || filterCountCap > 100_000) {
            throw new IllegalArgumentException("attest.worklist.filter-count-cap must be between 1 and 100000, not "
                    + filterCountCap);
        }
        if (maxSavedFilters < 1) {
            throw new IllegalArgumentException("attest.worklist.max-saved-filters must be at least 1, not "
                    + maxSavedFilters);
        }
    }
}
