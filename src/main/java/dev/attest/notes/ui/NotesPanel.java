package dev.attest.notes.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import dev.attest.cases.CaseClosedException;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.UserDirectory;
import dev.attest.notes.CaseNote;
import dev.attest.notes.NoteEditClosedException;
import dev.attest.notes.NoteText;
import dev.attest.notes.Notes;
import dev.attest.ui.Formats;
import dev.attest.validation.InvalidInputException;

/**
 * The notes of one case, oldest first, with a field to write one; the author's own notes have an Edit button while
 * they may still be edited. Text is shown as text (never markup), line breaks kept.
 */
class NotesPanel extends VerticalLayout {

    private final Notes notes;
    private final UserDirectory users;
    private final ZoneId zone;
    private final Clock clock;
    private final String caseReference;
    private final boolean closed;

    NotesPanel(Notes notes, UserDirectory users, ZoneId zone, Clock clock, String caseReference, boolean closed) {
        this.notes = notes;
        this.users = users;
        this.zone = zone;
        this.clock = clock;
        this.caseReference = caseReference;
        this.closed = closed;
        setId("notes");
        setPadding(false);
        setSpacing(false);
        render(notes.of(caseReference));
    }

    private void render(List<CaseNote> all) {
        removeAll();
        H3 heading = new H3("Notes (" + all.size() + ")");
        add(heading);
        String me = CurrentUser.require().username();
        var names = users.displayNames(all.stream().map(CaseNote::getAuthor).toList());
        for (CaseNote note : all) {
            add(noteItem(note, names.getOrDefault(note.getAuthor(), note.getAuthor()), me));
        }
        if (closed) {
            return;
        }
        TextArea text = new TextArea("New note");
        text.setId("new-note");
        text.setWidthFull();
        text.setMaxLength(NoteText.MAX_LENGTH);
        text.setHelperText("@username tells a colleague. Editable for " + Notes.EDIT_MINUTES + " minutes.");
        Button add = new Button("Add note", e -> save(text, () -> notes.add(caseReference, text.getValue())));
        add.setId("add-note");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(text, add);
    }

    private Div noteItem(CaseNote note, String author, String me) {
        Span who = new Span(author + " · " + Formats.dateTime(note.getCreatedAt(), zone)
                + (note.getEditedAt() == null ? "" : " · edited"));
        who.addClassName("case-note-meta");
        Div text = new Div();
        text.setText(note.getText());
        text.addClassName("case-note-text");
        Div item = new Div(who, text);
        item.addClassName("case-note");
        item.setWidthFull();
        if (!closed && note.getAuthor().equals(me) && clock.instant().isBefore(Notes.editableUntil(note))) {
            Button edit = new Button("Edit", e -> editing(item, note));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            edit.addClassName("edit-note");
            who.add(edit);
        }
        return item;
    }

    private void editing(Div item, CaseNote note) {
        item.removeAll();
        TextArea text = new TextArea();
        text.setValue(note.getText());
        text.setWidthFull();
        text.setMaxLength(NoteText.MAX_LENGTH);
        text.addClassName("edit-note-text");
        Button save = new Button("Save", e -> save(text, () -> notes.edit(caseReference, note.getId(), text.getValue())));
        save.addClassName("save-note");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button cancel = new Button("Cancel", e -> render(notes.of(caseReference)));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        item.add(text, new HorizontalLayout(save, cancel));
    }

    private void save(TextArea field, Runnable write) {
        try {
            write.run();
            render(notes.of(caseReference));
        } catch (InvalidInputException e) {
            field.setInvalid(true);
            field.setErrorMessage("The note " + e.errors().get(0).message() + ".");
        } catch (NoteEditClosedException | CaseClosedException | AccessDeniedException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.BOTTOM_START);
        }
    }
}
