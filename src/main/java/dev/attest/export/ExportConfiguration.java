package dev.attest.export;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Makes {@link ExportSettings} a bean. */
@Configuration
@EnableConfigurationProperties(ExportSettings.class)
class ExportConfiguration {
}
