package dev.attest.identity;

import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import dev.attest.AttestTest;
import dev.attest.identity.internal.UserAccounts;

/**
 * The web UI needs a login, posted with the CSRF token; engine paths are reserved to administrators; passwords are
 * BCrypt hashes; names Attest writes itself are no account's.
 */
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
        Assertions.assertThat(analyst.getPasswordHash()).startsWith("$2a$")
                .isNotEqualTo("demo");
        Assertions.assertThat(encoder.matches("demo", analyst.getPasswordHash())).isTrue();
    }

    @Test
    void theLoginPostNeedsTheCsrfToken() throws Exception {
        // without the token: refused before the password is looked at, and no session is logged in
        var refused = mvc.perform(post("/login").param("username", "analyst").param("password", "demo"))
                .andExpect(status().isForbidden()).andReturn();
        Assertions.assertThat(refused.getRequest().getSession(false) == null
                || refused.getRequest().getSession(false).getAttribute("SPRING_SECURITY_CONTEXT") == null).isTrue();
        // dressed up as one of Vaadin's own requests (which carry Vaadin's token instead): refused all the same
        mvc.perform(post("/login").param("v-r", "uidl").param("username", "analyst").param("password", "demo"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login?v-r=uidl&v-uiId=0").param("username", "analyst").param("password", "demo"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "analyst").param("password", "demo").with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        // with it: logged in
        mvc.perform(post("/login").param("username", "analyst").param("password", "demo").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.not(
                        Matchers.containsString("error"))));
    }

    @Test
    void namesAttestUsesItselfCannotBeAccountNames() throws Exception {
        long before = accounts.count();
        for (String name : new String[] {"system", "client", "portal", "anonymous", "anonymoususer", "engine",
                "scheduler", "System", " client ", "\uff53\uff59\uff53\uff54\uff45\uff4d", "CAMUNDA-ADMIN", "demo"}) {
            mvc.perform(post("/api/v1/users").with(httpBasic("admin", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"" + name + "\",\"displayName\":\"Impostor\",\"roles\":[\"ANALYST\"]}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("username"))
                    .andExpect(jsonPath("$.errors[0].message").value(Matchers.startsWith("is reserved")));
        }
        Assertions.assertThat(accounts.count()).as("nothing stored").isEqualTo(before);
        // names that merely contain one are ordinary names
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"systems-lead\",\"displayName\":\"Sy Stems\",\"roles\":[\"ANALYST\"]}"))
                .andExpect(status().isCreated());
    }
}
