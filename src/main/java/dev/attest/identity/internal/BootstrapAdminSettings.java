package dev.attest.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator outside demo mode ({@code attest.bootstrap-admin.*}, from {@code ATTEST_ADMIN_PASSWORD}).
 *
 * @param password the password of {@code admin}, created when the database has no user yet (empty: none is
 *        created; it needs at least 12 characters then); never printed
 */
@ConfigurationProperties(prefix = "attest.bootstrap-admin")
public record BootstrapAdminSettings(@DefaultValue("") String password) {

    /** Whether a password is set. */
    public boolean present() {
        return password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "BootstrapAdminSettings[password=" + (present() ? "(set)" : "(none)") + "]";
    }
}
