package dev.attest.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The REST API's settings ({@code attest.api.*}).
 *
 * @param maxJsonSize the largest JSON body the API reads (default 1 MB; larger ones are refused with 413)
 */
@ConfigurationProperties(prefix = "attest.api")
public record ApiSettings(@DefaultValue("1MB") DataSize maxJsonSize) {

    public ApiSettings {
        if (maxJsonSize == null || maxJsonSize.toBytes() < 1024 || maxJsonSize.toMegabytes() > 100) {
            throw new IllegalArgumentException("attest.api.max-json-size must be between 1KB and 100MB, not "
                    + maxJsonSize);
        }
    }
}
