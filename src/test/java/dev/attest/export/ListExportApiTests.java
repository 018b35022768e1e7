package dev.attest.export;

import static dev.attest.cases.CaseRequests.json;
import static dev.attest.cases.CaseRequests.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.worklist.TaskFilter;
import dev.attest.worklist.TaskFilter.Scope;
import dev.attest.worklist.Worklist;

/** The task list and the case list as CSV: contents, formula cells, roles, and the audit record of each export. */
@AttestTest
class ListExportApiTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper objectMapper;
    @Autowired JdbcTemplate jdbc;
    @Autowired Worklist worklist;

    static List<String> lines(MvcResult result) {
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        return List.of(text.split("\r\n"));
    }

    String openCase(String fullName) throws Exception {
        return objectMapper.readTree(mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json(with("client.fullName", fullName))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("reference").asText();
    }

    List<String> exports(String who) {
        return jdbc.queryForList("SELECT reason FROM audit_entry WHERE action = 'LIST_EXPORTED' AND who = ? ORDER BY id",
                String.class, who);
    }

    @Test
    void aClientNamedLikeAFormulaIsExportedAsText() throws Exception {
        String reference = openCase("=HYPERLINK(\"http://evil.example\",\"Jane\")");
        MvcResult result = mvc.perform(get("/api/v1/cases.csv").param("q", reference).with(httpBasic("analyst", "demo")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"cases-")))
                .andExpect(header().string("X-Export-Truncated", "false"))
                .andReturn();
        List<String> lines = lines(result);
        assertThat(lines.get(0)).isEqualTo("Reference,Client,E-mail,Type,Status,Priority,Opened,Closed");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(reference + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Jane\"\")\",");
        assertThat(exports("analyst")).last().asString().startsWith("cases, 1 rows").contains(reference);
    }

    @Test
    void acceptTextCsvOnTheListGivesTheSameFile() throws Exception {
        String reference = openCase("Ada Accept");
        MvcResult result = mvc.perform(get("/api/v1/cases").param("q", reference).accept("text/csv")
                .with(httpBasic("manager", "demo"))).andExpect(status().isOk()).andReturn();
        assertThat(lines(result)).hasSize(2).last().asString().startsWith(reference + ",Ada Accept,");
        // JSON stays the default
        mvc.perform(get("/api/v1/cases").param("q", reference).with(httpBasic("manager", "demo")))
                .andExpect(header().string("Content-Type", containsString("application/json")));
    }

    @Test
    void theTaskListIsExportedForTheFilterTheCallerSeesItWith() throws Exception {
        TaskFilter group = TaskFilter.of(Scope.GROUP);
        long groupTasks = RunAs.user("analyst", () -> worklist.count(group), Role.ANALYST);
        MvcResult result = mvc.perform(get("/api/v1/tasks.csv").param("scope", "GROUP")
                .with(httpBasic("analyst", "demo"))).andExpect(status().isOk()).andReturn();
        List<String> lines = lines(result);
        assertThat(lines.get(0)).isEqualTo("Case,Client,Case type,Task,Priority,Created,Due,Assignee,SLA");
        assertThat((long) lines.size() - 1).isEqualTo(groupTasks);
        assertThat(exports("analyst")).last().asString()
                .isEqualTo("tasks, " + groupTasks + " rows, scope GROUP");

        String first = RunAs.user("manager", () -> worklist.page(TaskFilter.of(Scope.ALL), 0, 1), Role.MANAGER).get(0)
                .caseReference();
        MvcResult one = mvc.perform(get("/api/v1/tasks").param("scope", "ALL").param("q", first).accept("text/csv")
                .with(httpBasic("manager", "demo"))).andExpect(status().isOk()).andReturn();
        List<String> found = lines(one);
        assertThat(found).hasSizeGreaterThan(1);
        assertThat(found.subList(1, found.size())).allSatisfy(l -> assertThat(l).startsWith(first + ","));
    }

    @Test
    void exportsAreForTheRolesThatWorkTheLists() throws Exception {
        mvc.perform(get("/api/v1/cases.csv").with(httpBasic("intake", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/cases.csv").with(httpBasic("designer", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/cases.csv").param("q", "nothing-matches-this").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk());
        for (String user : List.of("intake", "designer", "admin")) {
            mvc.perform(get("/api/v1/tasks.csv").with(httpBasic(user, "demo"))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/tasks.csv").param("scope", "ALL").with(httpBasic("analyst", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/tasks.csv")).andExpect(status().isUnauthorized());
        assertThat(exports("intake")).isEmpty();
        assertThat(exports("designer")).isEmpty();
    }

    @Test
    void badFilterParametersAreNamed() throws Exception {
        mvc.perform(get("/api/v1/tasks.csv").param("dueTo", "yesterday").with(httpBasic("analyst", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/cases.csv").param("q", "q".repeat(201)).with(httpBasic("analyst", "demo")))
                .andExpect(status().isBadRequest());
    }
}
