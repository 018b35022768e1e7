package dev.attest.notes.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.Element;

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
import dev.attest.notes.Notes;
import dev.attest.ui.KaribuTest;

/**
 * The notes section of the case view: an analyst writes a note with line breaks (shown as text, markup and all),
 * a blank note is refused on the field, the author edits their note, a colleague sees it without an Edit button,
 * intake sees no notes at all, and a note written on a task's view is on its case.
 */
class NotesViewTests extends KaribuTest {

    @Autowired CaseIntake intake;
    @Autowired Notes notes;
    @Autowired Documents documents;
    @Autowired CaseLookup cases;

    CaseFile openCase() {
        return RunAs.user("intake", () -> intake.open(new ObjectMapper().convertValue(CaseRequests.valid(),
                CaseIntakeRequest.class)), Role.INTAKE);
    }

    VerticalLayout section() {
        return _get(VerticalLayout.class, spec -> spec.withId("notes"));
    }

    static String texts() {
        return String.join("|", _find(Div.class, spec -> spec.withClasses("case-note-text")).stream()
                .map(Div::getText).toList());
    }

    @Test
    void anAnalystWritesAndCorrectsANoteAColleagueReadsIt() {
        CaseFile c = openCase();
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("cases/" + c.getReference());
        section();

        _click(_get(Button.class, spec -> spec.withId("add-note")));
        TextArea field = _get(TextArea.class, spec -> spec.withId("new-note"));
        assertThat(field.isInvalid()).as("a blank note is refused on the field").isTrue();
        assertThat(field.getErrorMessage()).contains("must not be blank");

        _setValue(field, "Spoke to <b>the client</b>\nwill call @senior back");
        _click(_get(Button.class, spec -> spec.withId("add-note")));
        assertThat(texts()).isEqualTo("Spoke to <b>the client</b>\nwill call @senior back");
        assertThat(_find(Div.class, spec -> spec.withClasses("case-note-text")).get(0).getElement().getChildren())
                .as("text, never markup").allMatch(Element::isTextNode);

        _click(_get(Button.class, spec -> spec.withClasses("edit-note")));
        _setValue(_get(TextArea.class, spec -> spec.withClasses("edit-note-text")), "Spoke to the client");
        _click(_get(Button.class, spec -> spec.withClasses("save-note")));
        assertThat(texts()).isEqualTo("Spoke to the client");
        assertThat(RunAs.user("analyst", () -> notes.of(c.getReference()).get(0).getVersions(), Role.ANALYST))
                .isEqualTo(2);

        login("manager", Role.MANAGER);
        UI.getCurrent().navigate("cases/" + c.getReference());
        assertThat(texts()).isEqualTo("Spoke to the client");
        assertThat(_find(Button.class, spec -> spec.withClasses("edit-note"))).as("not the manager's note").isEmpty();
    }

    @Test
    void intakeSeesNoNotes() {
        CaseFile c = openCase();
        RunAs.user("analyst", () -> notes.add(c.getReference(), "Staff only"), Role.ANALYST);
        login("intake", Role.INTAKE);
        UI.getCurrent().navigate("cases/" + c.getReference());
        assertThat(_find(VerticalLayout.class, spec -> spec.withId("notes"))).isEmpty();
        assertThat(texts()).isEmpty();
    }

    @Test
    void aNoteWrittenOnATaskIsOnItsCase() {
        CaseFile c = openCase();
        RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png", TestFiles.png(900, 600),
                new DocumentMetadata("PASSPORT", "Jane Seller", null, "US", null, "2031-01-01")), Role.INTAKE);
        String task = RunAs.user("intake", () -> cases.openTasks(c).get(0).id(), Role.INTAKE);

        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("tasks/" + task);
        _setValue(_get(TextArea.class, spec -> spec.withId("new-note")), "Checked the passport's photo page");
        _click(_get(Button.class, spec -> spec.withId("add-note")));

        assertThat(RunAs.user("manager", () -> notes.of(c.getReference()), Role.MANAGER))
                .extracting(n -> n.getText()).containsExactly("Checked the passport's photo page");
        UI.getCurrent().navigate("cases/" + c.getReference());
        assertThat(texts()).isEqualTo("Checked the passport's photo page");
    }
}
