package dev.attest.documents.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.attest.documents.DocumentSettings;
import dev.attest.documents.UploadReadingSettings;
import dev.attest.documents.FileInspection;

/** The documents' settings ({@code attest.documents.*}) and the limits uploads are held to. */
@Configuration
@EnableConfigurationProperties({DocumentSettings.class, UploadReadingSettings.class})
class DocumentConfiguration {

    @Bean
    FileInspection fileInspection(DocumentSettings settings) {
        return new FileInspection(settings.maxSize().toBytes(), settings.maxPixels(), settings.maxZipEntries(),
                settings.maxZipInflated().toBytes(), settings.maxZipRatio());
    }
}
