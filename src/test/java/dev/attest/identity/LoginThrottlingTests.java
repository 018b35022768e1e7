package dev.attest.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.attest.AttestTest;
import dev.attest.identity.internal.LoginLockedException;
import dev.attest.identity.internal.LoginThrottle;

/**
 * Guessing passwords is throttled on every route that checks one: after 5 wrong passwords an account is locked for
 * a while, the right password included (API: 429 with Retry-After; form: a message saying how long); many failures
 * from one address lock that address; an administrator can end a lock; failures and locks are audited, sparingly.
 */
@AttestTest
class LoginThrottlingTests {

    @Autowired MockMvc mvc;
    @Autowired UserAdministration users;
    @Autowired LoginThrottle throttle;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void forget() {
        throttle.clear();
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A fresh analyst account (so that no other test's logins count) and its password. */
    UserAdministration.Issued account() {
        String name = "guessed" + System.nanoTime() % 1_000_000;
        return RunAs.user("admin", () -> users.create(new UserAdministration.NewAccount(name, "Gus Guessed",
                List.of("ANALYST"))), Role.ADMIN);
    }

    long audited(String action, String subject) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject = ?", Long.class,
                action, subject);
    }

    @Test
    void fiveWrongPasswordsOverTheApiLockTheAccountEvenForTheRightOne() throws Exception {
        var issued = account();
        String name = issued.account().username();
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/tasks").with(httpBasic(name, "wrong" + i)).with(from("10.20.0." + i)))
                    .andExpect(status().isUnauthorized());
        }
        MvcResult refused = mvc.perform(get("/api/v1/tasks").with(httpBasic(name, issued.password()))
                .with(from("10.20.1.1")))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().doesNotExist("WWW-Authenticate"))
                .andReturn();
        long retryAfter = Long.parseLong(refused.getResponse().getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.getResponse().getContentAsString()).contains("\"status\":429")
                .contains("Too many failed");

        // audited: the first failure and the lock, not every attempt
        assertThat(audited("LOGIN_FAILED", name)).isEqualTo(1);
        assertThat(audited("LOGIN_LOCKED", name)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT who FROM audit_entry WHERE action = 'LOGIN_LOCKED' AND subject = ?",
                String.class, name)).isEqualTo("system");

        // an administrator ends the lock (and it shows while it lasts)
        String listed = mvc.perform(get("/api/v1/users").with(httpBasic("admin", "demo"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(listed).containsPattern("\"username\":\"" + name + "\"[^}]*\"loginLockedUntil\":\"20");
        mvc.perform(delete("/api/v1/users/" + name + "/login-lock").with(httpBasic(name, issued.password())))
                .andExpect(status().isTooManyRequests());
        mvc.perform(delete("/api/v1/users/" + name + "/login-lock").with(httpBasic("admin", "demo")))
                .andExpect(status().isNoContent());
        assertThat(audited("LOGIN_UNLOCKED", name)).isEqualTo(1);
        mvc.perform(get("/api/v1/tasks").with(httpBasic(name, issued.password())).with(from("10.20.1.1")))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/v1/users/no-such-user/login-lock").with(httpBasic("admin", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSuccessfulLoginStartsTheCountOver() throws Exception {
        var issued = account();
        String name = issued.account().username();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                mvc.perform(get("/api/v1/tasks").with(httpBasic(name, "wrong")).with(from("10.21.0." + round)))
                        .andExpect(status().isUnauthorized());
            }
            mvc.perform(get("/api/v1/tasks").with(httpBasic(name, issued.password())).with(from("10.21.0." + round)))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void theFormLoginIsThrottledTooAndSaysHowLongToWait() throws Exception {
        var issued = account();
        String name = issued.account().username();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", name).param("password", "wrong").with(csrf())
                    .with(from("10.22.0.1"))).andExpect(status().is3xxRedirection());
        }
        MvcResult refused = mvc.perform(post("/login").param("username", name).param("password", issued.password())
                .with(csrf()).with(from("10.22.0.2"))).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).contains("/login?error");
        MockHttpSession session = (MockHttpSession) refused.getRequest().getSession(false);
        assertThat(session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
                .isInstanceOf(LoginLockedException.class);
        assertThat(((LoginLockedException) session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)).getMessage())
                .isEqualTo("Too many failed sign-ins; try again in 1 minute");
        // the same lock holds for the API: one counter per account, whatever the route
        mvc.perform(get("/api/v1/tasks").with(httpBasic(name, issued.password()))).andExpect(status().isTooManyRequests());
    }

    @Test
    void theNameInAnyCaseOrWidthCountsForTheAccountAndItsLockIsAudited() throws Exception {
        var issued = account();
        String name = issued.account().username();
        String[] spellings = {name.toUpperCase(Locale.ROOT), " " + name, name + " ",
                name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1), name};
        for (String spelling : spellings) {
            mvc.perform(get("/api/v1/tasks").with(httpBasic(spelling, "wrong")).with(from("10.25.0.1")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/tasks").with(httpBasic(name, issued.password())).with(from("10.25.0.2")))
                .andExpect(status().isTooManyRequests());
        assertThat(audited("LOGIN_LOCKED", name)).isEqualTo(1);
    }

    @Test
    void guessesSpreadOverManyAccountsLockTheAddress() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/v1/tasks").with(httpBasic("nobody-" + i, "guess")).with(from("10.23.0.1")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/tasks").with(httpBasic("analyst", "demo")).with(from("10.23.0.1")))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        mvc.perform(get("/api/v1/tasks").with(httpBasic("analyst", "demo")).with(from("10.23.0.2")))
                .andExpect(status().isOk());
        assertThat(audited("LOGIN_LOCKED", "address 10.23.0.1")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE subject LIKE 'nobody-%'", Long.class))
                .as("unknown names are counted, not audited").isZero();
    }

    @Test
    void theOperationsEndpointsAreThrottledToo() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "wrong")).with(from("10.24.0." + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "demo")).with(from("10.24.1.1")))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    }
}
