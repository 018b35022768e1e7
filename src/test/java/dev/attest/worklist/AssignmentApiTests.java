package dev.attest.worklist;

import static dev.attest.cases.CaseRequests.json;
import static dev.attest.cases.CaseRequests.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.documents.TestFiles;

/**
 * Assignment, availability and follow-up dates through the API: {@code PUT /api/v1/tasks/{id}/assignee},
 * {@code POST /api/v1/tasks/assignments}, {@code PUT /api/v1/tasks/{id}/follow-up},
 * {@code PUT /api/v1/users/me/availability}, {@code PUT /api/v1/users/{username}/availability} and
 * {@code POST /api/v1/users/{username}/tasks/return}, with every refusal.
 */
@AttestTest
class AssignmentApiTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper objectMapper;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;
    @Autowired ZoneId zone;

    @AfterEach
    void everyoneAvailable() {
        jdbc.update("UPDATE user_account SET away_until = NULL WHERE username IN ('analyst', 'senior')");
    }

    String reviewTask() throws Exception {
        var response = mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json(valid()))).andReturn().getResponse();
        String reference = objectMapper.readTree(response.getContentAsString()).get("reference").asText();
        mvc.perform(multipart("/api/v1/cases/" + reference + "/documents")
                .file(new MockMultipartFile("file", "passport.png", "image/png", TestFiles.png(900, 600)))
                .file(new MockMultipartFile("metadata", "", "application/json", ("{\"kind\":\"PASSPORT\","
                        + "\"nameOnDocument\":\"Jane Seller\",\"issuingCountry\":\"US\",\"expiresOn\":\"2032-01-01\"}")
                        .getBytes()))
                .with(httpBasic("intake", "demo"))).andExpect(status().isCreated());
        return taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
    }

    ResultActions assign(String user, String task, String body) throws Exception {
        return mvc.perform(put("/api/v1/tasks/" + task + "/assignee").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    String assignee(String task) {
        return taskService.createTaskQuery().taskId(task).singleResult().getAssignee();
    }

    @Test
    void aManagerAssignsAndReturnsATask() throws Exception {
        String task = reviewTask();
        assign("manager", task, "{\"assignee\":\"analyst\",\"note\":\"yours\"}").andExpect(status().isNoContent());
        assertThat(assignee(task)).isEqualTo("analyst");
        mvc.perform(get("/api/v1/tasks").param("scope", "MINE").param("limit", "200").with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$[?(@.id == '" + task + "')].assignee").value("analyst"));
        assign("manager", task, "{\"assignee\":null}").andExpect(status().isNoContent());
        assertThat(assignee(task)).isNull();
    }

    @Test
    void everyRefusalOfOneAssignment() throws Exception {
        String task = reviewTask();
        assign("manager", task, "{\"assignee\":\"intake\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assignee"))
                .andExpect(jsonPath("$.errors[0].message", containsString("intake")))
                .andExpect(jsonPath("$.errors[0].message", not(containsString("Ian Intake"))));
        assign("analyst", task, "{\"assignee\":\"senior\",\"note\":\"x\"}").andExpect(status().isForbidden());
        assign("designer", task, "{\"assignee\":\"analyst\"}").andExpect(status().isForbidden());
        assign("manager", "no-such-task", "{\"assignee\":\"analyst\"}").andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/tasks/" + task + "/claim").with(httpBasic("analyst", "demo")))
                .andExpect(status().isNoContent());
        assign("analyst", task, "{\"assignee\":\"senior\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        assign("analyst", task, "{\"assignee\":\"senior\",\"note\":\"over to you\"}")
                .andExpect(status().isNoContent());
        assertThat(assignee(task)).isEqualTo("senior");

        LocalDate until = LocalDate.now(zone).plusDays(4);
        mvc.perform(put("/api/v1/users/analyst/availability").with(httpBasic("manager", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"awayUntil\":\"" + until + "\"}"))
                .andExpect(status().isNoContent());
        assign("manager", task, "{\"assignee\":\"analyst\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assignee"))
                .andExpect(jsonPath("$.errors[0].message").value("Ana Lyst is away until " + until));
        mvc.perform(get("/api/v1/tasks/candidates").param("taskId", task).with(httpBasic("manager", "demo")))
                .andExpect(jsonPath("$[?(@.username == 'analyst')].awayUntil").value(until.toString()))
                .andExpect(jsonPath("$[?(@.username == 'intake')]").isEmpty());
    }

    @Test
    void aBulkAssignmentAnswersPerTask() throws Exception {
        String first = reviewTask();
        String second = reviewTask();
        String done = reviewTask();
        mvc.perform(post("/api/v1/tasks/" + done + "/claim").with(httpBasic("analyst", "demo")));
        mvc.perform(post("/api/v1/tasks/" + done + "/complete").with(httpBasic("analyst", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(TaskApiTests.APPROVE)).andExpect(status().isNoContent());

        mvc.perform(post("/api/v1/tasks/assignments").with(httpBasic("senior", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskIds\":[\"" + first + "\",\"" + done + "\",\"gone\",\"" + second + "\"],"
                        + "\"assignee\":\"analyst\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(first)).andExpect(jsonPath("$[0].status").value(200))
                .andExpect(jsonPath("$[1].status").value(409))
                .andExpect(jsonPath("$[2].status").value(404))
                .andExpect(jsonPath("$[3].status").value(200));
        assertThat(assignee(first)).isEqualTo("analyst");
        assertThat(assignee(second)).isEqualTo("analyst");

        mvc.perform(post("/api/v1/tasks/assignments").with(httpBasic("analyst", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskIds\":[\"" + first + "\"],\"assignee\":\"senior\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].status").value(400))
                .andExpect(jsonPath("$[0].message", containsString("note")));
        mvc.perform(post("/api/v1/tasks/assignments").with(httpBasic("analyst", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskIds\":[\"" + first + "\"],\"assignee\":\"senior\",\"note\":\"x\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].status").value(200));
        mvc.perform(post("/api/v1/tasks/assignments").with(httpBasic("analyst", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"taskIds\":[\"" + first + "\"],"
                        + "\"assignee\":\"analyst\"}"))
                .andExpect(jsonPath("$[0].status").value(403));
        mvc.perform(post("/api/v1/tasks/assignments").with(httpBasic("manager", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"taskIds\":[],\"assignee\":\"analyst\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("taskIds"));
    }

    @Test
    void availabilityAndReturningHeldTasks() throws Exception {
        mvc.perform(put("/api/v1/users/me/availability").with(httpBasic("senior", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"awayUntil\":\"" + LocalDate.now(zone).minusDays(1) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("awayUntil"));
        LocalDate until = LocalDate.now(zone).plusDays(2);
        mvc.perform(put("/api/v1/users/me/availability").with(httpBasic("senior", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"awayUntil\":\"" + until + "\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/users/me/availability").with(httpBasic("senior", "demo")))
                .andExpect(jsonPath("$.awayUntil").value(until.toString()));
        mvc.perform(get("/api/v1/users/availability").with(httpBasic("manager", "demo")))
                .andExpect(jsonPath("$[?(@.username == 'senior')].awayUntil").value(until.toString()));
        mvc.perform(put("/api/v1/users/analyst/availability").with(httpBasic("senior", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"awayUntil\":null}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/users/me/availability").with(httpBasic("senior", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"awayUntil\":null}"))
                .andExpect(status().isNoContent());

        String task = reviewTask();
        mvc.perform(post("/api/v1/tasks/" + task + "/claim").with(httpBasic("senior", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/users/senior/tasks/return").with(httpBasic("analyst", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users/senior/tasks/return").with(httpBasic("manager", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("senior"))
                .andExpect(jsonPath("$.returned").isNumber());
        assertThat(assignee(task)).isNull();
        mvc.perform(post("/api/v1/tasks/" + task + "/claim").with(httpBasic("senior", "demo")));
        mvc.perform(post("/api/v1/users/me/tasks/return").with(httpBasic("senior", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.returned").value(1));
    }

    @Test
    void aTaskIsSnoozedThroughTheApi() throws Exception {
        String task = reviewTask();
        mvc.perform(post("/api/v1/tasks/" + task + "/claim").with(httpBasic("analyst", "demo")));
        mvc.perform(put("/api/v1/tasks/" + task + "/follow-up").with(httpBasic("analyst", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"followUp\":\"" + LocalDate.now(zone) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("followUp"));
        LocalDate day = LocalDate.now(zone).plusDays(7);
        mvc.perform(put("/api/v1/tasks/" + task + "/follow-up").with(httpBasic("analyst", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"followUp\":\"" + day + "\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/tasks/" + task).with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$.followUp").value(day.toString()));
        mvc.perform(get("/api/v1/tasks").param("scope", "MINE").param("limit", "200").with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$[?(@.id == '" + task + "')]").isEmpty());
        mvc.perform(get("/api/v1/tasks").param("scope", "SNOOZED").with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$[?(@.id == '" + task + "')].followUp").value(day.toString()));
        mvc.perform(put("/api/v1/tasks/no-such/follow-up").with(httpBasic("analyst", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"followUp\":null}"))
                .andExpect(status().isNotFound());
    }
}
