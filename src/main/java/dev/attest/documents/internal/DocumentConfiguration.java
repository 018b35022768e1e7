package dev.attest.documents.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import dev.attest.documents.FileInspection;

/** The limits uploads are held to, from {@code attest.documents.*}. */
@Configuration
class DocumentConfiguration {

    @Bean
    FileInspection fileInspection(@Value("${attest.documents.max-size:10MB}") DataSize maxSize,
            @Value("${attest.documents.max-pixels:100000000}") long maxPixels,
            @Value("${attest.documents.max-zip-entries:2000}") int maxZipEntries,
            @Value("${attest.documents.max-zip-inflated:200MB}") DataSize maxInflated,
            @Value("${attest.documents.max-zip-ratio:100}") int maxRatio) {
        return new FileInspection(maxSize.toBytes(), maxPixels, maxZipEntries, maxInflated.toBytes(), maxRatio);
    }
}
