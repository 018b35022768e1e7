package dev.attest.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A path in a log line never carries an upload link's token or a query string; record ids stay readable. */
class LoggedPathsTests {

    @Test
    void tokensAndQueriesAreLeftOutIdsStay() {
        String token = "k9ZabgdXhxQcR1-NWluStwi9UdbDwcMahIkIsD2CD3g";
        assertThat(LoggedPaths.redact("/portal/upload/" + token)).isEqualTo("/portal/upload/[redacted]");
        assertThat(LoggedPaths.redact("/portal/upload/" + token + "/x?y=1")).isEqualTo("/portal/upload/[redacted]/x");
        assertThat(LoggedPaths.redact("/tasks?token=" + token)).isEqualTo("/tasks");
        assertThat(LoggedPaths.redact("/api/v1/cases/6f1c2a3b-0d4e-4f5a-8b9c-0123456789ab/documents"))
                .isEqualTo("/api/v1/cases/6f1c2a3b-0d4e-4f5a-8b9c-0123456789ab/documents");
        assertThat(LoggedPaths.redact("/cases/CASE-2026-000123")).isEqualTo("/cases/CASE-2026-000123");
    }
}
