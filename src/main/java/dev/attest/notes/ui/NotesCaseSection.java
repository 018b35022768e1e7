package dev.attest.notes.ui;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseFile;
import dev.attest.cases.ui.CaseViewSection;
import dev.attest.identity.UserDirectory;
import dev.attest.notes.Notes;

/** The notes on the case view, for the staff who may read them; nothing for others. */
@Component
class NotesCaseSection implements CaseViewSection {

    private final Notes notes;
    private final UserDirectory users;
    private final ZoneId zone;
    private final Clock clock;

    NotesCaseSection(Notes notes, UserDirectory users, ZoneId zone, Clock clock) {
        this.notes = notes;
        this.users = users;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public com.vaadin.flow.component.Component render(CaseFile caseFile) {
        try {
            return new NotesPanel(notes, users, zone, clock, caseFile.getReference(), caseFile.isClosed());
        } catch (AccessDeniedException e) {
            return null;
        }
    }
}
