package dev.attest.notes.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.cases.CaseTextSearch;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;

/** The case search finds cases by their notes' text, for the staff who may read notes (nobody else). */
@Component
class NoteSearch implements CaseTextSearch {

    private final CaseNotes notes;

    NoteSearch(CaseNotes notes) {
        this.notes = notes;
    }

    @Override
    @Transactional(readOnly = true)
    public Collection<UUID> caseIdsMatching(String likePattern, int limit) {
        if (!NoteReaders.current()) {
            return List.of();
        }
        return notes.casesMatching(likePattern, PageRequest.of(0, Math.max(1, limit)));
    }

    /** Who may read notes: analysts, senior analysts and managers. */
    static final class NoteReaders {

        private NoteReaders() {
        }

        static boolean current() {
            return CurrentUser.find().map(u -> u.hasAny(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER))
                    .orElse(false);
        }
    }
}
