package dev.attest.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.cases.CaseType;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.worklist.TaskFilter.Scope;

/** Saved task filters through {@code /api/v1/task-filters}, and the task list's filter parameters. */
@AttestTest
class SavedFilterApiTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper objectMapper;
    @Autowired JdbcTemplate jdbc;
    @Autowired Worklist worklist;

    ResultActions save(String user, String body) throws Exception {
        return mvc.perform(post("/api/v1/task-filters").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long saved(String user, String name, boolean team, String filter) throws Exception {
        String body = save(user, "{\"name\":\"" + name + "\",\"team\":" + team + ",\"filter\":" + filter + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return objectMapper.readTree(body).get("id").asLong();
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    List<String> audit(String action, long id) {
        return jdbc.queryForList("SELECT who FROM audit_entry WHERE action = ? AND subject = ?", String.class, action,
                "task-filter:" + id);
    }

    @Test
    void analystSavesAFilterSeesItsCountAppliesItAndDeletesIt() throws Exception {
        String name = unique("Group seller verifications");
        long id = saved("analyst", name, false, "{\"scope\":\"GROUP\",\"caseType\":\"SELLER_VERIFICATION\"}");
        assertThat(audit("TASK_FILTER_SAVED", id)).containsExactly("analyst");

        JsonNode listed = listOf("analyst", id);
        assertThat(listed.get("name").asText()).isEqualTo(name);
        assertThat(listed.get("team").asBoolean()).isFalse();
        long count = listed.get("count").get("count").asLong();
        assertThat(listed.get("count").get("more").asBoolean()).isFalse();

        // applied to the task list: the same tasks the filter counts, all of the type
        JsonNode tasks = objectMapper.readTree(mvc.perform(get("/api/v1/tasks").param("filter", String.valueOf(id))
                .param("limit", "200").with(httpBasic("analyst", "demo"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat((long) tasks.size()).isEqualTo(Math.min(count, 200));
        tasks.forEach(t -> {
            assertThat(t.get("caseType").asText()).isEqualTo("SELLER_VERIFICATION");
            assertThat(t.get("assignee").isNull()).isTrue();
        });
        long exact = RunAs.user("analyst", () -> worklist.count(TaskFilter.of(Scope.GROUP)
                .withCaseType(CaseType.SELLER_VERIFICATION)), Role.ANALYST);
        assertThat(count).isEqualTo(exact);

        // another analyst neither sees it nor may apply or delete it
        mvc.perform(get("/api/v1/task-filters").with(httpBasic("senior", "demo")))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
        mvc.perform(get("/api/v1/tasks").param("filter", String.valueOf(id)).with(httpBasic("senior", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/task-filters/" + id).with(httpBasic("senior", "demo")))
                .andExpect(status().isNotFound());

        mvc.perform(delete("/api/v1/task-filters/" + id).with(httpBasic("analyst", "demo")))
                .andExpect(status().isNoContent());
        assertThat(audit("TASK_FILTER_DELETED", id)).containsExactly("analyst");
        mvc.perform(get("/api/v1/task-filters").with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
    }

    JsonNode listOf(String user, long id) throws Exception {
        JsonNode all = objectMapper.readTree(mvc.perform(get("/api/v1/task-filters").with(httpBasic(user, "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        for (JsonNode f : all) {
            if (f.get("id").asLong() == id) {
                return f;
            }
        }
        throw new AssertionError("filter " + id + " not listed for " + user + ": " + all);
    }

    @Test
    void managersPublishTeamFiltersThatEveryAnalystSeesButOnlyManagersDelete() throws Exception {
        String name = unique("Team escalated");
        long id = saved("manager", name, true, "{\"scope\":\"GROUP\",\"escalatedOnly\":true}");
        JsonNode seen = listOf("analyst", id);
        assertThat(seen.get("team").asBoolean()).isTrue();
        assertThat(seen.get("owner").asText()).isEqualTo("manager");
        assertThat(seen.get("count").get("count").isNumber()).isTrue();
        mvc.perform(get("/api/v1/tasks").param("filter", String.valueOf(id)).with(httpBasic("analyst", "demo")))
                .andExpect(status().isOk());

        mvc.perform(delete("/api/v1/task-filters/" + id).with(httpBasic("analyst", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/task-filters/" + id).with(httpBasic("senior", "demo")))
                .andExpect(status().isForbidden());
        assertThat(audit("TASK_FILTER_DELETED", id)).isEmpty();
        // a team name is taken for every manager
        save("manager", "{\"name\":\"" + name.toUpperCase() + "\",\"team\":true,\"filter\":{\"scope\":\"MINE\"}}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(delete("/api/v1/task-filters/" + id).with(httpBasic("manager", "demo")))
                .andExpect(status().isNoContent());
        assertThat(audit("TASK_FILTER_DELETED", id)).containsExactly("manager");
    }

    @Test
    void aTeamFilterOverAllOpenTasksHasNoCountForAnAnalyst() throws Exception {
        long id = saved("manager", unique("Everything"), true, "{\"scope\":\"ALL\"}");
        assertThat(listOf("analyst", id).get("count").isNull()).isTrue();
        assertThat(listOf("manager", id).get("count").get("count").asLong()).isPositive();
        mvc.perform(get("/api/v1/tasks").param("filter", String.valueOf(id)).with(httpBasic("analyst", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/task-filters/" + id).with(httpBasic("manager", "demo")))
                .andExpect(status().isNoContent());
    }

    @Test
    void countsAreCappedAndSayMore() {
        long all = RunAs.user("manager", () -> worklist.count(TaskFilter.of(Scope.ALL)), Role.MANAGER);
        assertThat(all).isGreaterThan(2);
        TaskCount capped = RunAs.user("manager", () -> worklist.countUpTo(TaskFilter.of(Scope.ALL), 2), Role.MANAGER);
        assertThat(capped).isEqualTo(new TaskCount(2, true));
        assertThat(capped.label()).isEqualTo("2+");
        TaskCount exact = RunAs.user("manager", () -> worklist.countUpTo(TaskFilter.of(Scope.ALL), (int) all),
                Role.MANAGER);
        assertThat(exact).isEqualTo(new TaskCount(all, false));
    }

    @Test
    void savingIsRefusedNamingTheFieldAndStoresNothing() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM task_filter", Long.class);
        refused("analyst", "{\"team\":false,\"filter\":{\"scope\":\"MINE\"}}", "name");
        refused("analyst", "{\"name\":\"   \",\"filter\":{\"scope\":\"MINE\"}}", "name");
        refused("analyst", "{\"name\":\"" + "x".repeat(81) + "\",\"filter\":{\"scope\":\"MINE\"}}", "name");
        refused("analyst", "{\"name\":\"Bad\\u0007bell\",\"filter\":{\"scope\":\"MINE\"}}", "name");
        refused("analyst", "{\"name\":\"Two\\nlines\",\"filter\":{\"scope\":\"MINE\"}}", "name");
        refused("analyst", "{\"name\":\"Tab\\tbed\",\"filter\":{\"scope\":\"MINE\"}}", "name");
        refused("analyst", "{\"name\":\"Hidden\",\"filter\":{\"scope\":\"MINE\",\"text\":\"ab\\u202Ecd\"}}",
                "filter.text");
        refused("analyst", "{\"name\":\"Lines\",\"filter\":{\"scope\":\"MINE\",\"text\":\"ab\\ncd\"}}",
                "filter.text");
        refused("analyst", "{\"name\":\"No filter\"}", "filter");
        refused("analyst", "{\"name\":\"All\",\"filter\":{\"scope\":\"ALL\"}}", "filter.scope");
        refused("analyst", "{\"name\":\"Backwards\",\"filter\":{\"scope\":\"MINE\",\"dueFrom\":\"2026-12-10\","
                + "\"dueTo\":\"2026-12-01\"}}", "filter.dueTo");
        refused("manager", "{\"name\":\"Held\",\"filter\":{\"scope\":\"GROUP\",\"assignee\":\"analyst\"}}",
                "filter.assignee");
        refused("manager", "{\"name\":\"Held\",\"filter\":{\"scope\":\"ALL\",\"assignee\":\"Robert'); DROP\"}}",
                "filter.assignee");
        refused("analyst", "{\"name\":\"Long\",\"filter\":{\"scope\":\"MINE\",\"text\":\"" + "y".repeat(201) + "\"}}",
                "filter.text");
        refused("analyst", "{\"name\":\"Prio\",\"filter\":{\"scope\":\"MINE\",\"priority\":\"HIGHEST\"}}",
                "filter.priority");
        refused("analyst", "{\"name\":\"Extra\",\"filter\":{\"scope\":\"MINE\",\"sql\":\"1=1\"}}", "filter.sql");
        String name = unique("Mine");
        saved("analyst", name, false, "{\"scope\":\"MINE\"}");
        refused("analyst", "{\"name\":\"" + name + "\",\"filter\":{\"scope\":\"GROUP\"}}", "name");
        // a team filter from someone who is not a manager: the role, not the input
        save("senior", "{\"name\":\"Team\",\"team\":true,\"filter\":{\"scope\":\"GROUP\"}}")
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_filter", Long.class)).isEqualTo(before + 1);
    }

    void refused(String user, String body, String field) throws Exception {
        save(user, body).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem(field)));
    }

    @Test
    void rolesWithoutAWorklistHaveNoSavedFilters() throws Exception {
        for (String user : List.of("intake", "designer", "admin")) {
            mvc.perform(get("/api/v1/task-filters").with(httpBasic(user, "demo"))).andExpect(status().isForbidden());
            save(user, "{\"name\":\"Mine\",\"filter\":{\"scope\":\"MINE\"}}").andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/task-filters")).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/v1/task-filters/1").with(httpBasic("intake", "demo"))).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/task-filters/987654").with(httpBasic("analyst", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theTaskListsFilterParametersAreCheckedAndNamed() throws Exception {
        badParameter("dueFrom", "2026-13-01");
        badParameter("priority", "HIGHEST");
        badParameter("followUp", "LATER");
        badParameter("scope", "EVERYTHING");
        badParameter("q", "z".repeat(201));
        badParameter("assignee", "analyst"); // only with scope ALL
        mvc.perform(get("/api/v1/tasks").param("dueFrom", "2026-12-10").param("dueTo", "2026-12-01")
                .with(httpBasic("analyst", "demo"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueTo"));
        mvc.perform(get("/api/v1/tasks").param("filter", "abc").with(httpBasic("analyst", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("filter"));
        mvc.perform(get("/api/v1/tasks").param("scope", "ALL").with(httpBasic("analyst", "demo")))
                .andExpect(status().isForbidden());
    }

    void badParameter(String name, String value) throws Exception {
        mvc.perform(get("/api/v1/tasks").param(name, value).with(httpBasic("analyst", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(name));
    }

    @Test
    void theNewFiltersNarrowTheList() throws Exception {
        String reference = tasks("manager", "scope", "ALL", "limit", "1").get(0).get("caseReference").asText();
        JsonNode all = tasks("manager", "scope", "ALL", "q", reference);
        assertThat(all).isNotEmpty();
        String priority = all.get(0).get("casePriority").asText();
        assertThat(tasks("manager", "scope", "ALL", "q", reference, "priority", priority)).hasSize(all.size());
        String other = priority.equals("LOW") ? "URGENT" : "LOW";
        assertThat(tasks("manager", "scope", "ALL", "q", reference, "priority", other)).isEmpty();
        assertThat(tasks("manager", "scope", "ALL", "q", reference, "assignee", "nobody-holds-this")).isEmpty();
        // the models set a follow-up (SLA warning) date too: snoozed and not snoozed split the list between them
        JsonNode snoozed = tasks("manager", "scope", "ALL", "q", reference, "followUp", "SNOOZED_ONLY");
        JsonNode awake = tasks("manager", "scope", "ALL", "q", reference, "followUp", "HIDE_SNOOZED");
        assertThat(snoozed.size() + awake.size()).isEqualTo(all.size());
        assertThat(tasks("manager", "scope", "ALL", "q", reference, "followUp", "INCLUDE_SNOOZED")).hasSize(all.size());
        assertThat(tasks("manager", "scope", "ALL", "q", reference, "dueTo", "2000-01-01")).isEmpty();
        assertThat(tasks("manager", "scope", "ALL", "q", reference, "dueFrom", "2000-01-01", "dueTo", "2999-12-31"))
                .hasSize((int) StreamSupport.stream(all.spliterator(), false)
                        .filter(t -> !t.get("due").isNull()).count());
    }

    @Test
    void theOpenApiDescriptionHasTheNewEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/task-filters'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/task-filters'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/task-filters/{id}'].delete").exists())
                .andExpect(jsonPath("$.paths['/api/v1/tasks.csv'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/cases.csv'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/tasks'].get.parameters[*].name", hasItem("followUp")));
    }

    JsonNode tasks(String user, String... params) throws Exception {
        var request = get("/api/v1/tasks").with(httpBasic(user, "demo"));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return objectMapper.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }
}
