package dev.attest.documents.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseRequests;
import dev.attest.communication.ClientMessages;
import dev.attest.communication.MailTemplate;
import dev.attest.communication.OutboxMessage;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.StoredDocument;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.ui.KaribuTest;
import dev.attest.worklist.ui.TaskView;

/**
 * The document review in its task view: the form refuses an incomplete decision at the field, shows the e-mail a
 * rejection sends before it goes, and asks for an override with a note before approving open points, which senior
 * analysts then see on the document.
 */
class DocumentReviewFormTests extends KaribuTest {

    @Autowired CaseIntake intake;
    @Autowired CaseLookup cases;
    @Autowired Documents documents;
    @Autowired ClientMessages messages;

    CaseFile c;

    @BeforeEach
    void aPassportToReview() {
        c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)),
                Role.INTAKE);
        RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png", TestFiles.png(900, 600),
                new DocumentMetadata("PASSPORT", "Jane Seller", null, "US", null, "2031-01-01")), Role.INTAKE);
        String taskId = RunAs.user("intake", () -> cases.openTasks(c).get(0).id(), Role.INTAKE);
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("tasks/" + taskId);
        _click(_get(Button.class, spec -> spec.withId("claim-task")));
    }

    @SuppressWarnings("unchecked")
    static RadioButtonGroup<String> radio(String field) {
        return _get(RadioButtonGroup.class, spec -> spec.withId("field-" + field));
    }

    static Checkbox box(String field) {
        return _get(Checkbox.class, spec -> spec.withId("field-" + field));
    }

    static void complete() {
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
    }

    List<OutboxMessage> mails() {
        return RunAs.user("analyst", () -> messages.ofCase(c.getReference()), Role.ANALYST);
    }

    StoredDocument document() {
        return RunAs.user("analyst", () -> documents.list(c.getReference()).get(0), Role.ANALYST);
    }

    @Test
    void theTaskIsNamedForThePassportAndItsChecklistAsksForNoAddress() {
        assertThat(_get(TaskView.class).getPageTitle()).startsWith("Review passport");
        assertThat(box("nameAndAddressVisible").getLabel()).isEqualTo("Full name is visible");
        assertThat(_find(Checkbox.class, spec -> spec.withId("field-stampOrSignature"))).isEmpty();
        assertThat(document().getChecks()).extracting(ch -> ch.code().name()).doesNotContain("ADDRESS_MATCH");
    }

    @Test
    void aRejectionWithoutItsReasonIsRefusedAtTheFieldThenTheAnalystReadsAndConfirmsTheEMail() {
        radio("decision").setValue("REJECT");
        complete();
        expectNotifications("Please correct the marked fields.");
        assertThat(radio("rejectionReason").isInvalid()).isTrue();
        assertThat(radio("rejectionReason").getErrorMessage()).contains("required to reject");

        radio("rejectionReason").setValue("OTHER");
        complete();
        expectNotifications("Please correct the marked fields.");
        TextArea note = _get(TextArea.class, spec -> spec.withId("field-reviewNote"));
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).contains("is required when the reason is Other");
        assertThat(mails()).hasSize(1);

        radio("rejectionReason").setValue("ILLEGIBLE");
        note.setValue("The lower half is blurred.");
        complete();
        String shown = _get(Pre.class, spec -> spec.withId("completion-preview")).getText();
        assertThat(shown).contains("Subject: " + c.getReference(), "We could not read it clearly",
                "The lower half is blurred.").doesNotContain("ILLEGIBLE", "OTHER");
        assertThat(mails()).as("nothing is sent before the analyst confirms").hasSize(1);

        _click(_get(Button.class, spec -> spec.withId("cancel-complete")));
        assertThat(mails()).hasSize(1);
        complete();
        _click(_get(Button.class, spec -> spec.withId("confirm-complete")));
        expectNotifications("Task completed; the case moved on.");
        OutboxMessage sent = mails().get(mails().size() - 1);
        assertThat(sent.getTemplate()).isEqualTo(MailTemplate.DOCUMENT_REJECTED);
        assertThat(sent.getBody()).contains("We could not read it clearly", "The lower half is blurred.");
    }

    @Test
    void anApprovalWithOpenPointsNeedsAnOverrideWithANoteThatTheSeniorSees() {
        radio("decision").setValue("APPROVE");
        box("nameAndAddressVisible").setValue(true);
        complete();
        expectNotifications("Please correct the marked fields.");
        assertThat(box("override").isInvalid()).isTrue();
        assertThat(box("override").getErrorMessage()).contains("not ticked: Issuing country or state is clear");

        box("override").setValue(true);
        complete();
        expectNotifications("Please correct the marked fields.");
        assertThat(_get(TextArea.class, spec -> spec.withId("field-overrideNote")).isInvalid()).isTrue();

        _get(TextArea.class, spec -> spec.withId("field-overrideNote")).setValue("Issuer read off the MRZ by hand.");
        complete();
        expectNotifications("Task completed; the case moved on.");
        assertThat(document().getOverrideNote()).isEqualTo("Issuer read off the MRZ by hand.");

        login("senior", Role.SENIOR_ANALYST);
        UI.getCurrent().navigate("cases/" + c.getReference());
        @SuppressWarnings("unchecked")
        Grid<StoredDocument> grid = _get(Grid.class,
                spec -> spec.withId("documents"));
        GridKt._clickItem(grid, 0);
        assertThat(_get(Paragraph.class, spec -> spec.withId("document-override")).getText())
                .contains("not ticked: Issuing country or state is clear", "Issuer read off the MRZ by hand.");
    }
}
