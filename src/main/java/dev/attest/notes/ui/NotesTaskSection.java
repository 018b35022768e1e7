package dev.attest.notes.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseLookup;
import dev.attest.identity.UserDirectory;
import dev.attest.notes.Notes;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.ui.TaskViewSection;

/** The notes of a task's case on the task view: a note written here is on the case. */
@Component
class NotesTaskSection implements TaskViewSection {

    private final Notes notes;
    private final CaseLookup cases;
    private final UserDirectory users;
    private final ZoneId zone;
    private final Clock clock;

    NotesTaskSection(Notes notes, CaseLookup cases, UserDirectory users, ZoneId zone, Clock clock) {
        this.notes = notes;
        this.cases = cases;
        this.users = users;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public com.vaadin.flow.component.Component render(WorkItem task, Map<String, Object> variables) {
        if (task.caseReference() == null) {
            return null;
        }
        try {
            return cases.find(task.caseReference())
                    .map(c -> new NotesPanel(notes, users, zone, clock, c.getReference(), c.isClosed())).orElse(null);
        } catch (AccessDeniedException e) {
            return null;
        }
    }
}
