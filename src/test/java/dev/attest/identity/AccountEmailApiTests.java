package dev.attest.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.attest.AttestTest;

/**
 * An administrator sets, changes and removes a staff account's e-mail address (where the notification digest goes)
 * over the API: validated by the shared e-mail syntax, audited on the account, refused to every other role.
 */
@AttestTest
class AccountEmailApiTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    String username;

    @BeforeEach
    void newAnalyst() throws Exception {
        username = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"displayName\":\"Eve Mail\",\"roles\":[\"ANALYST\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.account.email").doesNotExist());
    }

    ResultActions setEmail(String who, String body) throws Exception {
        return mvc.perform(put("/api/v1/users/" + username + "/email").with(httpBasic(who, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    String storedEmail() {
        return jdbc.queryForObject("select email from user_account where username = ?", String.class, username);
    }

    List<String> audited() {
        return jdbc.queryForList("select reason from audit_entry where subject = ? and action = 'SETTINGS_CHANGED' "
                + "order by id", String.class, username);
    }

    @Test
    void anAdministratorSetsChangesAndRemovesTheAddressEachChangeAudited() throws Exception {
        setEmail("admin", "{\"email\":\" Eve.Mail@Example.COM \"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.email").value("Eve.Mail@example.com"));
        mvc.perform(get("/api/v1/users").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$[?(@.username == '" + username + "')].email").value("Eve.Mail@example.com"));

        setEmail("admin", "{\"email\":\"Eve.Mail@example.com\"}").andExpect(status().isOk());
        assertThat(audited()).as("the same address again changes nothing")
                .containsExactly("e-mail address set to Eve.Mail@example.com");

        setEmail("admin", "{\"email\":\"eve@attest.example.org\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("eve@attest.example.org"));
        setEmail("admin", "{\"email\":null}").andExpect(status().isOk())
                .andExpect(jsonPath("$.email").doesNotExist());
        assertThat(storedEmail()).isNull();
        assertThat(audited()).containsExactly("e-mail address set to Eve.Mail@example.com",
                "e-mail address changed to eve@attest.example.org", "e-mail address removed");
        assertThat(jdbc.queryForList("select who from audit_entry where subject = ? and action = 'SETTINGS_CHANGED'",
                String.class, username)).containsOnly("admin");
    }

    @Test
    void anInvalidAddressIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        setEmail("admin", "{\"email\":\"eve@attest.example.org\"}").andExpect(status().isOk());
        for (String bad : List.of("not an address", "eve@", "eve@attest.example.org\\r\\nBcc: x@evil.example",
                "a".repeat(250) + "@example.org")) {
            setEmail("admin", "{\"email\":\"" + bad + "\"}").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("email"));
        }
        assertThat(storedEmail()).isEqualTo("eve@attest.example.org");
        assertThat(audited()).hasSize(1);
    }

    @Test
    void noRoleButAdminMaySetAnAddressNotEvenTheirOwn() throws Exception {
        for (String user : List.of("analyst", "senior", "manager", "designer", "intake")) {
            setEmail(user, "{\"email\":\"attacker@evil.example\"}").andExpect(status().isForbidden());
            mvc.perform(put("/api/v1/users/" + user + "/email").with(httpBasic(user, "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"attacker@evil.example\"}"))
                    .andExpect(status().isForbidden());
        }
        assertThat(storedEmail()).isNull();
        setEmail("admin", "{\"email\":\"x@example.org\"}").andExpect(status().isOk());
        mvc.perform(put("/api/v1/users/no-such-user/email").with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"x@example.org\"}"))
                .andExpect(status().isNotFound());
    }
}
