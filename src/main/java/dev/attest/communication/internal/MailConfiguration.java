package dev.attest.communication.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import dev.attest.communication.MailSettings;
import dev.attest.communication.PortalSettings;

/** Binds {@code attest.mail.*} and {@code attest.portal.*}. */
@Configuration
@EnableConfigurationProperties({MailSettings.class, PortalSettings.class})
class MailConfiguration {
}
