package dev.attest.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import jakarta.servlet.ServletException;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.TestFiles;
import dev.attest.identity.internal.UserAccount;
import dev.attest.identity.internal.UserAccounts;
import dev.attest.worklist.Worklist;

/**
 * Session safety: the session id changes at login (no fixation), logging out ends the session, and disabling a
 * user ends their open sessions and their API access; only administrators disable accounts.
 */
@AttestTest
class SessionSafetyTests {

    @Autowired MockMvc mvc;
    @Autowired UserAdministration users;
    @Autowired JdbcTemplate jdbc;

    MockHttpSession login(String user, MockHttpSession session) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", user).param("password", "demo").with(csrf())
                .session(session)).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /**
     * Whether the session is logged in, asked of the UI's filter chain without reaching the Vaadin servlet (which
     * MockMvc has not): a path reserved to administrators answers a logged-in designer 403 and sends anyone
     * else to the login page.
     */
    boolean loggedIn(MockHttpSession session) throws Exception {
        int code = mvc.perform(get("/engine-rest/probe").session(session)).andReturn().getResponse().getStatus();
        assertThat(code).isIn(403, 302, 401);
        return code == 403;
    }

    @Test
    void theSessionIdChangesAtLogin() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        MockHttpSession after = login("designer", session);
        assertThat(after.getId()).isNotEqualTo(before);
        assertThat(loggedIn(after)).isTrue();
    }

    @Test
    void loggingOutEndsTheSession() throws Exception {
        MockHttpSession session = login("designer", new MockHttpSession());
        assertThat(loggedIn(session)).isTrue();
        mvc.perform(post("/logout").with(csrf()).session(session)).andExpect(status().is3xxRedirection());
        assertThat(session.isInvalid()).isTrue();
        MockHttpSession reused = new MockHttpSession(null, session.getId());
        assertThat(loggedIn(reused)).isFalse();
    }

    @Test
    void disablingAUserEndsTheirSessionAndTheirApiAccess() throws Exception {
        MockHttpSession session = login("designer", new MockHttpSession());
        assertThat(loggedIn(session)).isTrue();
        mvc.perform(get("/api/v1/designer/models").with(httpBasic("designer", "demo"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/users/designer/disable").with(httpBasic("manager", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users/designer/disable").with(httpBasic("admin", "demo")))
                .andExpect(status().isNoContent());
        try {
            try {
                mvc.perform(get("/VAADIN/build/no-such-script.js").session(session));
            } catch (ServletException noVaadinServletInMockMvc) {
                // the filters ran; MockMvc has no Vaadin servlet to serve the file
            }
            assertThat(session.isInvalid()).as("a static resource is not worth a database query").isFalse();
            assertThat(loggedIn(session)).as("the open session").isFalse();
            assertThat(session.isInvalid()).isTrue();
            mvc.perform(get("/api/v1/designer/models").with(httpBasic("designer", "demo")))
                    .andExpect(status().isUnauthorized());
            mvc.perform(post("/login").param("username", "designer").param("password", "demo").with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).contains("error"));
        } finally {
            RunAs.user("admin", () -> users.enable("designer"), Role.ADMIN);
        }
        assertThat(loggedIn(login("designer", new MockHttpSession()))).isTrue();
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE subject = 'designer' ORDER BY id DESC "
                + "LIMIT 3", String.class)).as("the refused login of the disabled account is audited too")
                .containsExactly("ACCOUNT_ENABLED", "LOGIN_FAILED", "ACCOUNT_DISABLED");
    }

    /**
     * Document previews and downloads are served under {@code /VAADIN/dynamic/}: a disabled account's session ends
     * there too, so the resource finds no session and serves nothing (push and other Vaadin paths likewise). Only
     * static files are skipped, and no odd spelling of a dynamic path passes for one.
     */
    @Test
    void aDisabledAccountsSessionEndsAtADynamicResourceToo() throws Exception {
        for (String path : new String[] {"/VAADIN/dynamic/resource/0/6f1c2a/preview.png",
                "/VAADIN/dynamic/resource/1/0b7d/statement.pdf", "/VAADIN/push", "/VAADIN/build/../dynamic/resource/0/x/y",
                "/VAADIN/themes/%2e%2e/dynamic/resource/0/x/y", "/VAADIN/build//../dynamic/resource/0/x/y"}) {
            String name = "dyn" + System.nanoTime() % 1_000_000;
            var issued = RunAs.user("admin", () -> users.create(new UserAdministration.NewAccount(name, "Dee Namic",
                    List.of("ANALYST"))), Role.ADMIN);
            MvcResult result = mvc.perform(post("/login").param("username", name).param("password", issued.password())
                    .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
            MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
            RunAs.user("admin", () -> users.disable(name), Role.ADMIN);
            int status = 0;
            try {
                status = mvc.perform(get(URI.create(path)).session(session)).andReturn().getResponse()
                        .getStatus();
            } catch (ServletException | IllegalArgumentException noVaadinServletInMockMvc) {
                // the filters ran; MockMvc has no Vaadin servlet to serve the resource
            }
            // ended there, or (a path that is not normalised) refused outright by Spring Security's firewall
            boolean odd = path.contains("..") || path.contains("%") || path.contains("//");
            assertThat(session.isInvalid() || (odd && status == 400)).as(path + " answered " + status).isTrue();
        }
    }

    @Test
    void onlyAdministratorsDisableAccountsAndNotTheirOwn() {
        assertThatThrownBy(() -> RunAs.user("manager", () -> users.disable("analyst"), Role.MANAGER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> RunAs.user("admin", () -> users.disable("admin"), Role.ADMIN))
                .isInstanceOf(AccountChangeRefusedException.class);
    }

    @Test
    void theApiAnswersUnknownUsersAndOwnAccountsClearly() throws Exception {
        mvc.perform(post("/api/v1/users/nobody/disable").with(httpBasic("admin", "demo"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/users/admin/disable").with(httpBasic("admin", "demo"))).andExpect(status().isConflict());
    }

    @Test
    void adminsListTheAccountsWithRolesAndStatus() throws Exception {
        mvc.perform(get("/api/v1/users").with(httpBasic("admin", "demo"))).andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.jsonPath(
                        "$[?(@.username == 'senior')].roles[*]").value(
                                Matchers.containsInAnyOrder("ANALYST", "SENIOR_ANALYST")))
                .andExpect(MockMvcResultMatchers.jsonPath(
                        "$[?(@.username == 'admin')].enabled").value(Matchers.contains(true)))
                .andExpect(MockMvcResultMatchers.jsonPath(
                        "$[*].passwordHash").doesNotExist());
        mvc.perform(get("/api/v1/users").with(httpBasic("manager", "demo"))).andExpect(status().isForbidden());
    }

    @Autowired UserAccounts accounts;
    @Autowired CaseIntake intake;
    @Autowired Documents documents;
    @Autowired Worklist worklist;
    @Autowired TaskService tasks;

    @Test
    void theTasksADisabledAccountHeldGoBackToTheirGroups() {
        String name = "leaver-" + System.nanoTime() % 100_000;
        accounts.save(new UserAccount(name, "{noop}unused", "Lee Leaver",
                EnumSet.of(Role.ANALYST)));
        var c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)),
                Role.INTAKE);
        RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png",
                TestFiles.png(900, 600), new DocumentMetadata("PASSPORT",
                        "Jane Seller", null, "US", null, "2031-01-01")), Role.INTAKE);
        String review = tasks.createTaskQuery().processInstanceBusinessKey(c.getReference())
                .taskDefinitionKey("Task_ReviewDocument").singleResult().getId();
        RunAs.user(name, () -> worklist.claim(review), Role.ANALYST);

        RunAs.user("admin", () -> users.disable(name), Role.ADMIN);

        assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee()).as("back to the group")
                .isNull();
        assertThat(tasks.createTaskQuery().taskId(review).taskCandidateGroup("analyst").count()).isEqualTo(1);
        RunAs.user("analyst", () -> worklist.claim(review), Role.ANALYST);
        assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee()).isEqualTo("analyst");

        RunAs.user("admin", () -> users.enable(name), Role.ADMIN);
        assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee()).as("nothing given back")
                .isEqualTo("analyst");
    }

    @Test
    void anAdministratorCreatesAnAccountWhosePasswordWorksAndResetsIt() throws Exception {
        String name = "newcomer" + System.nanoTime() % 100_000;
        String created = mvc.perform(post("/api/v1/users").with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + name + "\",\"displayName\":\"Nia Newcomer\",\"roles\":[\"ANALYST\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String password = new ObjectMapper().readTree(created).path("password").asText();
        assertThat(password).hasSize(20);
        assertThat(created).contains("\"roles\":[\"ANALYST\"]").doesNotContain("passwordHash");
        mvc.perform(get("/api/v1/tasks").with(httpBasic(name, password))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/users").with(httpBasic(name, password))).andExpect(status().isForbidden());

        String reset = mvc.perform(post("/api/v1/users/" + name + "/password-reset").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String renewed = new ObjectMapper().readTree(reset).path("password").asText();
        assertThat(renewed).hasSize(20).isNotEqualTo(password);
        mvc.perform(get("/api/v1/tasks").with(httpBasic(name, password))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/tasks").with(httpBasic(name, renewed))).andExpect(status().isOk());

        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE subject = ? ORDER BY id", String.class,
                name)).as("the old password, tried once, is a failed login").containsExactly("ACCOUNT_CREATED",
                        "PASSWORD_RESET", "LOGIN_FAILED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE reason LIKE ? OR reason LIKE ?",
                Long.class, "%" + password + "%", "%" + renewed + "%")).as("passwords never in the audit").isZero();
        mvc.perform(post("/api/v1/users/admin/password-reset").with(httpBasic("admin", "demo")))
                .andExpect(status().isConflict());
    }

    @Test
    void aBadNewAccountIsRefusedWholeWithEveryFieldNamed() throws Exception {
        long before = accounts.count();
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"Bad Name\",\"displayName\":\"Eve \\u202Eevil\",\"roles\":[\"ROOT\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(MockMvcResultMatchers.jsonPath("$.errors[*].field")
                        .value(Matchers.containsInAnyOrder("username", "displayName", "roles")));
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"analyst\",\"displayName\":\"Second Analyst\",\"roles\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(MockMvcResultMatchers.jsonPath("$.errors[*].message")
                        .value(Matchers.hasItems("is taken", "needs at least one role")));
        assertThat(accounts.count()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aPasswordResetEndsTheSessionsOpenedBeforeIt() throws Exception {
        String name = "resetme" + System.nanoTime() % 100_000;
        var issued = RunAs.user("admin", () -> users.create(new UserAdministration.NewAccount(name, "Reset Me",
                List.of("ANALYST"))), Role.ADMIN);
        MvcResult result = mvc.perform(post("/login").param("username", name).param("password", issued.password())
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        assertThat(loggedIn(session)).isTrue();

        var renewed = RunAs.user("admin", () -> users.resetPassword(name), Role.ADMIN);

        assertThat(loggedIn(session)).as("the session from before the reset").isFalse();
        MvcResult again = mvc.perform(post("/login").param("username", name).param("password", renewed.password())
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(loggedIn((MockHttpSession) again.getRequest().getSession(false))).as("a session after it")
                .isTrue();
    }
}
