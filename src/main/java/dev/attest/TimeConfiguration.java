package dev.attest;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Time for every service: the one {@link Clock} (UTC instants; tests replace it) and the one {@link ZoneId} of the
 * consultancy ({@link AttestSettings#zone()}, {@code attest.zone}). Services and views inject these beans rather than read
 * {@code attest.zone} themselves, so they cannot disagree on the zone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttestSettings.class)
public class TimeConfiguration {

    /** The clock every service reads the time from; tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The consultancy's time zone, from {@code attest.zone}. */
    @Bean
    ZoneId zone(AttestSettings settings) {
        return settings.zoneId();
    }
}
