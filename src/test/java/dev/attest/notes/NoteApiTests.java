package dev.attest.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.audit.AuditTrail;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.cases.Retention;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * The notes on a case over the API: written with line breaks and mentions (only the staff mentioned are told),
 * refused whole when blank, too long or carrying control or invisible characters, edited only by their author within
 * 15 minutes with every version kept, read and written only by analysts, senior analysts and managers, on the
 * timeline and found by the case search for them alone. Every write is audited; a closed case takes none, and
 * erasing a case after its retention erases its notes and their notifications.
 */
@AttestTest
class NoteApiTests {

    @Autowired MockMvc mvc;
    @Autowired CaseIntake intake;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditTrail audit;
    @Autowired Retention retention;
    @Autowired RuntimeService runtime;

    String reference;

    @BeforeEach
    void openCase() {
        CaseFile c = RunAs.user("intake", () -> intake.open(json.convertValue(CaseRequests.valid(),
                CaseIntakeRequest.class)), Role.INTAKE);
        reference = c.getReference();
    }

    ResultActions write(String user, String text) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + reference + "/notes").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("text", text))));
    }

    ResultActions edit(String user, String noteId, String text) throws Exception {
        return mvc.perform(put("/api/v1/cases/" + reference + "/notes/" + noteId).with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("text", text))));
    }

    String idOf(ResultActions written) throws Exception {
        return json.readTree(written.andReturn().getResponse().getContentAsString()).get("id").asText();
    }

    long notesOfCase() {
        return jdbc.queryForObject("select count(*) from case_note where case_reference = ?", Long.class, reference);
    }

    List<String> mentionedRecipients() {
        return jdbc.queryForList("select recipient from staff_notification where case_reference = ? and kind = "
                + "'MENTION' order by recipient", String.class, reference);
    }

    List<AuditTrail.Record> auditOf(String subject) {
        return RunAs.user("manager", () -> audit.about(subject), Role.MANAGER);
    }

    @Test
    void aNoteKeepsItsLineBreaksMentionsOnlyRealStaffAndTellsExactlyThem() throws Exception {
        String text = "Called the client.\nAsk @senior and @manager. about the chart;\r\n@nosuchuser, @designer, "
                + "@analyst (myself) and jane@example.com tell nobody.";
        var written = write("analyst", text).andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/cases/" + reference + "/notes/")))
                .andExpect(jsonPath("$.author").value("analyst"))
                .andExpect(jsonPath("$.at").exists())
                .andExpect(jsonPath("$.text").value(text.replace("\r\n", "\n")))
                .andExpect(jsonPath("$.mentions").value(contains("senior", "manager", "analyst")))
                .andExpect(jsonPath("$.versions").value(1));
        String id = idOf(written);

        assertThat(mentionedRecipients()).as("told: the two staff mentioned, not the author, not a designer, not "
                + "an unknown name").containsExactly("manager", "senior");
        mvc.perform(get("/api/v1/notifications").with(httpBasic("senior", "demo")))
                .andExpect(jsonPath("$.notifications[?(@.caseReference == '" + reference + "')].kind")
                        .value(contains("MENTION")))
                .andExpect(jsonPath("$.notifications[?(@.caseReference == '" + reference + "')].link")
                        .value(contains("cases/" + reference)))
                .andExpect(jsonPath("$.notifications[?(@.caseReference == '" + reference + "')].text")
                        .value(contains(containsString("Ana Lyst mentioned you on " + reference + ": Called the "
                                + "client. Ask @senior"))));

        mvc.perform(get("/api/v1/cases/" + reference + "/notes").with(httpBasic("manager", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].text").value(containsString("Called the client.\nAsk")));
        assertThat(auditOf(id)).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(AuditTrail.Action.NOTE_ADDED);
            assertThat(r.who()).isEqualTo("analyst");
            assertThat(r.caseReference()).isEqualTo(reference);
        });
    }

    @Test
    void aBadNoteIsRefusedWholeNamingTheText() throws Exception {
        for (String bad : List.of("", "   \n\t ", "x".repeat(NoteText.MAX_LENGTH + 1), "bell \u0007 rings",
                "null \u0000 byte", "escape \u001b[31m red", "looks \u202Eetirw", "zero\u200Bwidth",
                "tell @senior \u0007")) {
            write("analyst", bad).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("text"));
        }
        mvc.perform(post("/api/v1/cases/" + reference + "/notes").with(httpBasic("analyst", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            many.append("@person").append(i).append(' ');
        }
        write("analyst", many.toString()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("at most 20")));
        assertThat(notesOfCase()).as("nothing stored").isZero();
        assertThat(mentionedRecipients()).isEmpty();
        write("analyst", "x".repeat(NoteText.MAX_LENGTH)).andExpect(status().isCreated());
        write("analyst", "tabs\tand\nline breaks are fine").andExpect(status().isCreated());
    }

    @Test
    void onlyTheAuthorEditsAndOnlyFor15MinutesEveryVersionKept() throws Exception {
        String id = idOf(write("analyst", "First thought").andExpect(status().isCreated()));

        edit("analyst", id, "Second thought, ask @senior").andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value("Second thought, ask @senior"))
                .andExpect(jsonPath("$.mentions").value(contains("senior")))
                .andExpect(jsonPath("$.versions").value(2))
                .andExpect(jsonPath("$.editedAt").exists());
        edit("analyst", id, "Third thought, ask @senior and @manager").andExpect(status().isOk())
                .andExpect(jsonPath("$.versions").value(3));
        assertThat(mentionedRecipients()).as("each told once, when first mentioned").containsExactly("manager",
                "senior");

        edit("senior", id, "Not my note").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("Only the author")));
        edit("analyst", id, "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        edit("analyst", UUID.randomUUID().toString(), "No such note").andExpect(status().isNotFound());

        // a quarter of an hour later (the note was written 16 minutes ago)
        jdbc.update("update case_note set created_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(16))), UUID.fromString(id));
        edit("analyst", id, "Too late").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("15 minutes")));

        mvc.perform(get("/api/v1/cases/" + reference + "/notes/" + id + "/versions").with(httpBasic("manager", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].version").value(contains(1, 2, 3)))
                .andExpect(jsonPath("$[*].text").value(contains("First thought", "Second thought, ask @senior",
                        "Third thought, ask @senior and @manager")));
        mvc.perform(get("/api/v1/cases/" + reference + "/notes").with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$[0].text").value("Third thought, ask @senior and @manager"));
        assertThat(auditOf(id)).extracting(AuditTrail.Record::action).containsExactly(AuditTrail.Action.NOTE_ADDED,
                AuditTrail.Action.NOTE_EDITED, AuditTrail.Action.NOTE_EDITED);
    }

    @Test
    void onlyAnalystsSeniorAnalystsAndManagersReadOrWriteNotes() throws Exception {
        String id = idOf(write("senior", "Seen by staff only").andExpect(status().isCreated()));
        for (String user : List.of("intake", "designer", "admin")) {
            write(user, "Not allowed").andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/cases/" + reference + "/notes").with(httpBasic(user, "demo")))
                    .andExpect(status().isForbidden());
            edit(user, id, "Not allowed").andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/cases/" + reference + "/notes")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/cases/CASE-2026-999999/notes").with(httpBasic("analyst", "demo")))
                .andExpect(status().isNotFound());
        write("analyst", "x").andExpect(status().isCreated());
        assertThat(notesOfCase()).isEqualTo(2);
    }

    @Test
    void notesAreOnTheTimelineAndFoundByTheCaseSearchForStaffOnly() throws Exception {
        String word = "zebra" + UUID.randomUUID().toString().substring(0, 8);
        write("analyst", "The client mentioned a " + word + " account\nsecond line").andExpect(status().isCreated());

        mvc.perform(get("/api/v1/cases").param("q", word.toUpperCase()).with(httpBasic("analyst", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.cases[0].reference").value(reference));
        mvc.perform(get("/api/v1/cases").param("q", word).with(httpBasic("intake", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));

        mvc.perform(get("/api/v1/cases/" + reference + "/timeline").with(httpBasic("manager", "demo")))
                .andExpect(jsonPath("$[*].what").value(hasItem("Note: The client mentioned a " + word
                        + " account second line")));
        mvc.perform(get("/api/v1/cases/" + reference + "/timeline").with(httpBasic("intake", "demo")))
                .andExpect(jsonPath("$[*].what").value(not(hasItem(containsString(word)))));
    }

    @Test
    void aClosedCaseTakesNoNoteAndNoEditButKeepsItsNotes() throws Exception {
        String id = idOf(write("analyst", "Before the close").andExpect(status().isCreated()));
        jdbc.update("UPDATE case_file SET status = 'CLOSED', outcome = 'RESOLVED', closed_at = ? WHERE reference = ?",
                Timestamp.from(Instant.now()), reference);

        write("analyst", "After the close").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("is closed")));
        edit("analyst", id, "Changed after the close").andExpect(status().isConflict());
        mvc.perform(get("/api/v1/cases/" + reference + "/notes").with(httpBasic("analyst", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].text").value(contains("Before the close")));
    }

    @Test
    void erasingTheCaseAfterItsRetentionErasesItsNotesVersionsAndNotifications() throws Exception {
        String id = idOf(write("analyst", "The client's story, @senior").andExpect(status().isCreated()));
        edit("analyst", id, "The client's full story, @senior").andExpect(status().isOk());
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).rootProcessInstances().list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "closed for the erasure test"));
        jdbc.update("UPDATE case_file SET status = 'CLOSED', outcome = 'RESOLVED', closed_at = ? WHERE reference = ?",
                Timestamp.from(Instant.now().atZone(ZoneOffset.UTC).minusYears(6).toInstant()), reference);
        assertThat(mentionedRecipients()).containsExactly("senior");

        assertThat(retention.eraseExpired()).isPositive();

        assertThat(notesOfCase()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from case_note_version where note_id = ?", Long.class,
                UUID.fromString(id))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from staff_notification where case_reference = ?",
                Long.class, reference)).isZero();
    }
}
