package dev.attest.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The portal's settings refuse a bad value at start-up, naming the property; good ones come out tidied. */
class PortalSettingsTests {

    static PortalSettings bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("attest.portal",
                PortalSettings.class);
    }

    @Test
    void defaultsLeaveThePublicAddressToTheStartedServer() {
        PortalSettings s = bind(Map.of());
        assertThat(s.publicUrl()).isEmpty();
        assertThat(s.linkValidity()).isEqualTo(Duration.ofDays(7));
        assertThat(s.organisationName()).isEqualTo("Attest");
        assertThat(s.logoUrl()).isEmpty();
        assertThat(s.contactEmail()).isEmpty();
    }

    @Test
    void goodValuesAreKept() {
        PortalSettings s = bind(Map.of("attest.portal.public-url", "https://portal.example.com/",
                "attest.portal.organisation-name", " Rossi & Partners ", "attest.portal.logo-url",
                "https://cdn.example.com/logo.png", "attest.portal.contact-email", "cases@Example.COM",
                "attest.portal.contact-phone", "+1 (512) 555-0100"));
        assertThat(s.publicUrl()).isEqualTo("https://portal.example.com");
        assertThat(s.organisationName()).isEqualTo("Rossi & Partners");
        assertThat(s.contactEmail()).isEqualTo("cases@example.com");
        assertThat(bind(Map.of("attest.portal.logo-url", "/images/logo.svg")).logoUrl()).isEqualTo("/images/logo.svg");
    }

    @Test
    void badValuesAreRefusedNamingTheProperty() {
        for (var bad : Map.of("attest.portal.public-url", "localhost:8080", "attest.portal.logo-url",
                "javascript:alert(1)", "attest.portal.contact-email", "not an address", "attest.portal.contact-phone",
                "call us", "attest.portal.organisation-name", "   ", "attest.portal.link-validity", "0s")
                .entrySet()) {
            assertThatThrownBy(() -> bind(Map.of(bad.getKey(), bad.getValue()))).as(bad.getKey())
                    .hasStackTraceContaining(bad.getKey());
        }
        assertThatThrownBy(() -> bind(Map.of("attest.portal.logo-url", "/../../etc/passwd")))
                .hasStackTraceContaining("attest.portal.logo-url");
        // "a path on this server": a protocol-relative address is another server's, whatever scheme the page has
        assertThatThrownBy(() -> bind(Map.of("attest.portal.logo-url", "//tracker.example/pixel.png")))
                .hasStackTraceContaining("attest.portal.logo-url");
    }
}
