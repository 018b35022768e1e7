package dev.attest.communication.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import dev.attest.communication.MailSettings;

/** Binds {@code attest.mail.*}. */
@Configuration
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {
}
