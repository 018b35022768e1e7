package dev.attest.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.audit.internal.AuditEntries;
import dev.attest.audit.internal.AuditEntry;
import dev.attest.identity.CurrentUser;

/** Writes and reads audit records. */
@Service
public class AuditTrail {

    /** What was done. */
    public enum Action { DOCUMENT_UPLOADED, DOCUMENT_READ, DOCUMENT_CORRECTED, DEPLOYMENT, MIGRATION, INCIDENT_RETRY }

    /**
     * One audit record.
     *
     * @param at when
     * @param who the user
     * @param action what was done
     * @param subject what it was done to (e.g. a document id)
     * @param caseReference the case, if any
     * @param reason why (e.g. the task id the user worked on), if given
     */
    public record Record(java.time.Instant at, String who, Action action, String subject, String caseReference,
            String reason) {
    }

    private final AuditEntries entries;
    private final Clock clock;

    AuditTrail(AuditEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Records an action of the current user, in the caller's transaction (or a new one). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Action action, String subject, String caseReference, String reason) {
        String who = CurrentUser.find().map(CurrentUser::username).orElse("system");
        entries.save(new AuditEntry(clock.instant(), who, action, subject, caseReference, reason));
    }

    /** The records about one subject, oldest first. */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ADMIN", "ROLE_MANAGER", "ROLE_ANALYST", "ROLE_SENIOR_ANALYST"})
    public List<Record> about(String subject) {
        return entries.findBySubjectOrderByIdAsc(subject).stream().map(AuditEntry::toRecord).toList();
    }
}
