package dev.attest.identity;

import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import dev.attest.AttestTest;
import dev.attest.identity.internal.UserAccounts;

/** The web UI needs a login; engine paths are reserved to administrators; passwords are BCrypt hashes. */
@AttestTest
class WebSecurityTests {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired PasswordEncoder encoder;

    @Test
    void anonymousUsersAreSentToTheLogin() throws Exception {
        mvc.perform(get("/cases")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", endsWith("/login")));
    }

    @Test
    void engineRestAndCamundaWebappsAreForAdministratorsOnly() throws Exception {
        for (String path : new String[] {"/engine-rest/engine", "/engine-rest/task", "/camunda/app/cockpit/"}) {
            mvc.perform(get(path)).andExpect(status().is3xxRedirection());
            mvc.perform(get(path).with(user("analyst").roles("ANALYST"))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(user("manager").roles("MANAGER"))).andExpect(status().isForbidden());
        }
    }

    @Test
    void demoPasswordsAreStoredAsBcryptHashes() {
        var analyst = accounts.findByUsername("analyst").orElseThrow();
        org.assertj.core.api.Assertions.assertThat(analyst.getPasswordHash()).startsWith("$2a$")
                .isNotEqualTo("demo");
        org.assertj.core.api.Assertions.assertThat(encoder.matches("demo", analyst.getPasswordHash())).isTrue();
    }
}
