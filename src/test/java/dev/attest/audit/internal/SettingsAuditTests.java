package dev.attest.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

import dev.attest.AttestTest;

/**
 * Settings changes are audited at start-up: what was added, changed or removed since the last start, as one
 * record by "system"; nothing when nothing changed; secrets never read.
 */
@AttestTest
class SettingsAuditTests {

    @Autowired SettingsAudit settingsAudit;
    @Autowired JdbcTemplate jdbc;

    static MockEnvironment settings(String retentionYears, String warnAt) {
        MockEnvironment env = new MockEnvironment().withProperty("attest.retention.years", retentionYears)
                .withProperty("attest.sla.policies.Task_ReviewDocument", "1d")
                .withProperty("attest.documents.encryption-key", "c2VjcmV0LWtleS1uZXZlci1pbi10aGUtYXVkaXQ=")
                .withProperty("attest.bootstrap-admin.password", "never-in-the-audit")
                .withProperty("spring.datasource.url", "jdbc:h2:mem:not-attests-own");
        if (warnAt != null) {
            env.setProperty("attest.sla.warn-at", warnAt);
        }
        return env;
    }

    long records() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'SETTINGS_CHANGED'", Long.class);
    }

    @Test
    void aChangedSettingIsRecordedOnceWithItsOldAndNewValueAndSecretsNever() {
        settingsAudit.compare(settings("5", "0.75"));
        long before = records();
        assertThat(SettingsAudit.current(settings("5", "0.75"))).as("names as they were given")
                .containsEntry("attest.sla.policies.Task_ReviewDocument", "1d");
        MockEnvironment withVariables = settings("5", "0.75");
        withVariables.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "systemEnvironment", Map.of("ATTEST_ZONE", "Europe/Berlin", "ATTEST_DOCUMENT_KEY",
                        "c2VjcmV0", "ATTEST_ADMIN_PASSWORD", "secret-secret", "PATH", "/usr/bin")));
        assertThat(SettingsAudit.current(withVariables)).as("variables under their own names, secrets never")
                .containsEntry("ATTEST_ZONE", "Europe/Berlin").doesNotContainKeys("ATTEST_DOCUMENT_KEY",
                        "ATTEST_ADMIN_PASSWORD", "PATH");

        assertThat(settingsAudit.compare(settings("5", "0.75"))).as("nothing changed").isNull();
        assertThat(records()).isEqualTo(before);

        String reason = settingsAudit.compare(settings("1", null));
        assertThat(reason).contains("attest.retention.years: 5 → 1").contains("attest.sla.warn-at removed (was 0.75)")
                .doesNotContain("encryption-key").doesNotContain("password").doesNotContain("spring.");
        assertThat(records()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT who FROM audit_entry WHERE action = 'SETTINGS_CHANGED' ORDER BY id "
                + "DESC LIMIT 1", String.class)).isEqualTo("system");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_setting WHERE setting_name LIKE '%key%' OR "
                + "setting_name LIKE '%password%'", Long.class)).isZero();
    }
}
