package dev.attest.recovery.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseRequests;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.recovery.MarketplaceDecision;
import dev.attest.recovery.MarketplaceDecisionRequest;
import dev.attest.recovery.MarketplaceRejectionReason;
import dev.attest.recovery.TwoFactorRecovery;
import dev.attest.ui.KaribuTest;
import dev.attest.worklist.Worklist;

/**
 * The 2FA reset in the UI: the submit task shows the marketplace's recovery page and the ID to upload; the case
 * view records the marketplace's decision (a rejection needs its reason) and moves the case on; a case handed to
 * the specialist path says why on the specialist's task.
 */
class RecoveryViewTests extends KaribuTest {

    @Autowired CaseIntake intake;
    @Autowired CaseLookup cases;
    @Autowired Documents documents;
    @Autowired Worklist worklist;
    @Autowired TwoFactorRecovery recovery;

    CaseFile caseWithAcceptedId() {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
        RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png", TestFiles.png(900, 600),
                new DocumentMetadata("PASSPORT", "Jane Seller", null, "US", null, "2031-01-01")), Role.INTAKE);
        complete(c, "Review passport", Map.of("nameAndAddressVisible", true, "issuerClear", true,
                "wholeOriginalInColour", true,
                "decision", "APPROVE"));
        return c;
    }

    void complete(CaseFile c, String taskName, Map<String, Object> values) {
        String task = openTask(c, taskName);
        RunAs.user("analyst", () -> {
            worklist.claim(task);
            worklist.complete(task, values);
        }, Role.ANALYST);
    }

    String openTask(CaseFile c, String taskName) {
        return RunAs.user("intake", () -> cases.openTasks(c).stream().filter(t -> t.name().equals(taskName))
                .findFirst().orElseThrow().id(), Role.INTAKE);
    }

    void submit(CaseFile c) {
        complete(c, "Prepare the submission", Map.of("ready", "READY"));
        complete(c, "Submit at the marketplace",
                Map.of("submittedOn", LocalDate.now(ZoneId.of("America/New_York")).toString()));
    }

    @Test
    void theSubmitTaskShowsTheRecoveryPageAndTheIdToUpload() {
        CaseFile c = caseWithAcceptedId();
        complete(c, "Prepare the submission", Map.of("ready", "READY"));
        login("analyst", Role.ANALYST);

        UI.getCurrent().navigate("tasks/" + openTask(c, "Submit at the marketplace"));

        assertThat(_get(Anchor.class, spec -> spec.withId("recovery-url")).getHref())
                .isEqualTo("https://www.amazon.com/a/recover/upload");
        assertThat(_get(Paragraph.class, spec -> spec.withId("recovery-document")).getText())
                .contains("passport.png", "Passport");
    }

    @Test
    void theAnalystRecordsTheMarketplacesRejectionWithItsReasonOnTheCase() {
        CaseFile c = caseWithAcceptedId();
        submit(c);
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("cases/" + c.getReference());
        MarketplaceDecisionForm form = _get(MarketplaceDecisionForm.class);

        form.decision.setValue(MarketplaceDecision.REJECTED);
        _click(form.record);
        assertThat(form.reason.isInvalid()).as("a rejection needs its reason").isTrue();
        assertThat(RunAs.user("analyst", () -> recovery.awaitingDecision(c.getReference()), Role.ANALYST)).isTrue();

        form.reason.setValue(MarketplaceRejectionReason.ADDRESS_MISMATCH);
        form.note.setValue("Address on the ID is the old one.");
        _click(form.record);

        // the page reloads (Karibu builds a new UI) with the decision in the submissions
        var submissions = RunAs.user("analyst", () -> recovery.submissions(c.getReference()), Role.ANALYST);
        assertThat(submissions).singleElement().satisfies(s -> {
            assertThat(s.getReason()).isEqualTo(MarketplaceRejectionReason.ADDRESS_MISMATCH);
            assertThat(s.getDecisionRecordedBy()).isEqualTo("analyst");
        });
        assertThat(openTask(c, "Prepare the submission")).as("back to preparing a new submission").isNotNull();
        // the case view no longer offers the form: nothing waits for a decision
        UI.getCurrent().navigate("cases/" + c.getReference());
        assertThat(_find(MarketplaceDecisionForm.class)).isEmpty();
    }

    @Test
    void theFollowUpTaskTakesTheDecisionAndTheSpecialistSeesWhyTheCaseIsThere() {
        CaseFile c = caseWithAcceptedId();
        submit(c);
        RunAs.user("analyst", () -> recovery.recordDecision(c.getReference(),
                new MarketplaceDecisionRequest("REJECTED", "NAME_MISMATCH", null)), Role.ANALYST);
        submit(c);
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("cases/" + c.getReference());
        MarketplaceDecisionForm form = _get(MarketplaceDecisionForm.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<MarketplaceDecision> decision = form.decision;
        decision.setValue(MarketplaceDecision.REJECTED);
        @SuppressWarnings("unchecked")
        ComboBox<MarketplaceRejectionReason> reason = form.reason;
        reason.setValue(MarketplaceRejectionReason.NAME_MISMATCH);
        _click(form.record);

        login("senior", Role.ANALYST, Role.SENIOR_ANALYST);
        UI.getCurrent().navigate("tasks/" + openTask(c, "Specialist review"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("specialist-reason")).getText())
                .contains("rejected 2 submissions", "Name mismatch");
    }
}
