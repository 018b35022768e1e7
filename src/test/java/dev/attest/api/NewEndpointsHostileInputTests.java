package dev.attest.api;

import static dev.attest.cases.CaseRequests.json;
import static dev.attest.cases.CaseRequests.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;

/**
 * Malformed input to the endpoints of notes, notifications, assignment, availability, follow-up dates, saved filters
 * and the sanctions search: each is refused with a 4xx problem (never a 500 or the web page).
 */
@AttestTest
class NewEndpointsHostileInputTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper objectMapper;

    record Attempt(String label, int expected, Supplier<MockHttpServletRequestBuilder> request) {
    }

    String openCase() throws Exception {
        var response = mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json(valid()))).andReturn().getResponse();
        return objectMapper.readTree(response.getContentAsString()).get("reference").asText();
    }

    static MockHttpServletRequestBuilder asJson(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body).with(httpBasic("analyst", "demo"));
    }

    @Test
    void everyMalformedRequestIsA4xxProblem() throws Exception {
        String ref = openCase();
        String notes = "/api/v1/cases/" + ref + "/notes";
        List<Attempt> attempts = List.of(
                new Attempt("note id not a UUID", 400, () -> asJson(put(notes + "/not-a-uuid"), "{\"text\":\"x\"}")),
                new Attempt("versions of a note id not a UUID", 400,
                        () -> get(notes + "/not-a-uuid/versions").with(httpBasic("analyst", "demo"))),
                new Attempt("note text a number", 400, () -> asJson(post(notes), "{\"text\":123}")),
                new Attempt("note text an object", 400, () -> asJson(post(notes), "{\"text\":{\"a\":1}}")),
                new Attempt("note body an array", 400, () -> asJson(post(notes), "[]")),
                new Attempt("note body empty", 400, () -> asJson(post(notes), "")),
                new Attempt("note body null", 400, () -> asJson(post(notes), "null")),
                new Attempt("note with NUL", 400, () -> asJson(post(notes), "{\"text\":\"a\\u0000b\"}")),
                new Attempt("note with a lone surrogate", 400, () -> asJson(post(notes), "{\"text\":\"a\\ud800b\"}")),
                new Attempt("note too long", 400, () -> asJson(post(notes), "{\"text\":\"" + "x".repeat(4001) + "\"}")),
                new Attempt("note on no case", 404, () -> asJson(post("/api/v1/cases/CASE-NOPE/notes"),
                        "{\"text\":\"x\"}")),
                new Attempt("notification id not a UUID", 400,
                        () -> post("/api/v1/notifications/not-a-uuid/read").with(httpBasic("analyst", "demo"))),
                new Attempt("notification limit not a number", 400,
                        () -> get("/api/v1/notifications").param("limit", "many").with(httpBasic("analyst", "demo"))),
                new Attempt("notification limit 0", 400,
                        () -> get("/api/v1/notifications").param("limit", "0").with(httpBasic("analyst", "demo"))),
                new Attempt("notification unreadOnly not a boolean", 400, () -> get("/api/v1/notifications")
                        .param("unreadOnly", "perhaps").with(httpBasic("analyst", "demo"))),
                new Attempt("filter id not a number", 400,
                        () -> delete("/api/v1/task-filters/abc").with(httpBasic("analyst", "demo"))),
                new Attempt("filter id too big", 400,
                        () -> delete("/api/v1/task-filters/99999999999999999999999").with(httpBasic("analyst", "demo"))),
                new Attempt("task list filter not a number", 400,
                        () -> get("/api/v1/tasks").param("filter", "abc").with(httpBasic("analyst", "demo"))),
                new Attempt("task list of another's private filter", 404,
                        () -> get("/api/v1/tasks").param("filter", "987654321").with(httpBasic("analyst", "demo"))),
                new Attempt("filter scope unknown", 400, () -> asJson(post("/api/v1/task-filters"),
                        "{\"name\":\"x\",\"filter\":{\"scope\":\"EVERYTHING\"}}")),
                new Attempt("filter a string", 400, () -> asJson(post("/api/v1/task-filters"),
                        "{\"name\":\"x\",\"filter\":\"ALL\"}")),
                new Attempt("filter team a string", 400, () -> asJson(post("/api/v1/task-filters"),
                        "{\"name\":\"x\",\"team\":\"yes\",\"filter\":{\"scope\":\"MINE\"}}")),
                new Attempt("filter due date malformed", 400, () -> asJson(post("/api/v1/task-filters"),
                        "{\"name\":\"x\",\"filter\":{\"scope\":\"MINE\",\"dueFrom\":\"2026-13-45\"}}")),
                new Attempt("filter body null", 400, () -> asJson(post("/api/v1/task-filters"), "null")),
                new Attempt("follow-up malformed", 400, () -> asJson(put("/api/v1/tasks/no-such-task/follow-up"),
                        "{\"followUp\":\"2026-13-45\"}")),
                new Attempt("follow-up a number", 400, () -> asJson(put("/api/v1/tasks/no-such-task/follow-up"),
                        "{\"followUp\":20261210}")),
                new Attempt("availability malformed", 400, () -> asJson(put("/api/v1/users/me/availability"),
                        "{\"awayUntil\":\"tomorrow\"}")),
                new Attempt("assignee an object", 400, () -> asJson(put("/api/v1/tasks/no-such-task/assignee"),
                        "{\"assignee\":{\"name\":\"analyst\"}}")),
                new Attempt("assignee body null", 400, () -> asJson(put("/api/v1/tasks/no-such-task/assignee"),
                        "null")),
                new Attempt("bulk task ids a string", 400, () -> asJson(post("/api/v1/tasks/assignments"),
                        "{\"taskIds\":\"a,b\",\"assignee\":\"analyst\"}")),
                new Attempt("bulk of 201 tasks", 400, () -> asJson(post("/api/v1/tasks/assignments"),
                        "{\"taskIds\":[" + "\"t\",".repeat(200) + "\"t\"],\"assignee\":\"analyst\"}")),
                new Attempt("bulk body null", 400, () -> asJson(post("/api/v1/tasks/assignments"), "null")),
                new Attempt("candidates of 201 tasks", 400, () -> {
                    var b = get("/api/v1/tasks/candidates").with(httpBasic("analyst", "demo"));
                    for (int i = 0; i < 201; i++) {
                        b.param("taskId", "t" + i);
                    }
                    return b;
                }),
                new Attempt("search name null", 400, () -> asJson(post("/api/v1/screening/search"), "{\"name\":null}")),
                new Attempt("search name a number", 400, () -> asJson(post("/api/v1/screening/search"),
                        "{\"name\":42}")),
                new Attempt("search name too long", 400, () -> asJson(post("/api/v1/screening/search"),
                        "{\"name\":\"" + "a".repeat(201) + "\"}")),
                new Attempt("search name with a direction override", 400, () -> asJson(post("/api/v1/screening/search"),
                        "{\"name\":\"Ivan\\u202EOV\"}")),
                new Attempt("search body null", 400, () -> asJson(post("/api/v1/screening/search"), "null")),
                new Attempt("search body an array", 400, () -> asJson(post("/api/v1/screening/search"), "[]")),
                new Attempt("search type unknown", 400, () -> asJson(post("/api/v1/screening/search"),
                        "{\"name\":\"Ivan Petrov\",\"type\":\"VESSEL\"}")),
                new Attempt("task csv filter not a number", 400,
                        () -> get("/api/v1/tasks.csv").param("filter", "x").with(httpBasic("analyst", "demo"))),
                new Attempt("case csv status unknown", 400,
                        () -> get("/api/v1/cases.csv").param("status", "NOPE").with(httpBasic("analyst", "demo"))));
        List<String> wrong = new ArrayList<>();
        for (Attempt a : attempts) {
            var response = mvc.perform(a.request().get()).andReturn().getResponse();
            String type = String.valueOf(response.getContentType());
            if (response.getStatus() != a.expected() || !type.startsWith("application/problem+json")) {
                wrong.add(a.label() + ": " + response.getStatus() + " " + type + " "
                        + response.getContentAsString().substring(0, Math.min(200,
                                response.getContentAsString().length())));
            }
        }
        assertThat(wrong).as("tried %d", attempts.size()).isEmpty();
    }
}
