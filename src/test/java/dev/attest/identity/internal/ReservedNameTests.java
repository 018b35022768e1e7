package dev.attest.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import dev.attest.identity.Role;

/** The names Attest writes itself are refused however they are spelled, for administrators and at start-up. */
class ReservedNameTests {

    @Test
    void everySpellingOfAReservedNameIsRefused() {
        for (String name : new String[] {"system", "SYSTEM", " system\t", "\uff53\uff59\uff53\uff54\uff45\uff4d",
                "client", "Client", "portal", "anonymous", "anonymousUser", "engine", "scheduler", "camunda-admin",
                "demo", "you", "me", "ME"}) {
            assertThat(UserAccount.usernameProblem(name)).as(name).startsWith("is reserved");
        }
        assertThat(UserAccount.usernameProblem("systems-lead")).isNull();
        assertThat(UserAccount.usernameProblem("analyst")).isNull();
        assertThat(UserAccount.usernameProblem("Bad Name")).startsWith("must be");
    }

    @Test
    void startUpRefusesThemToo() {
        JpaUserDirectory directory = new JpaUserDirectory(null, null, null, null);
        assertThatThrownBy(() -> directory.createAtStartup("system", "long enough password", "System",
                EnumSet.of(Role.ADMIN), 12)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> directory.createAtStartup("Client", "long enough password", "Client",
                EnumSet.of(Role.ADMIN), 12)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    }
}
