package dev.attest.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.audit.internal.AuditChainHead;
import dev.attest.audit.internal.AuditChainHeads;
import dev.attest.audit.internal.AuditEntries;
import dev.attest.audit.internal.AuditEntry;
import dev.attest.audit.internal.AuditHash;
import dev.attest.identity.CurrentUser;

/**
 * The append-only record of who did and saw what. Every record is chained to the one before by a SHA-256 hash
 * (and numbered), so a changed, removed, reordered or truncated record is found by {@link #verify()}. Appending
 * locks the chain's head row until the caller's transaction ends: records are chained in commit order, and a
 * transaction that rolls back leaves no record and no gap.
 */
@Service
public class AuditTrail {

    /** What was done. */
    public enum Action {
        DOCUMENT_UPLOADED, DOCUMENT_READ, DOCUMENT_CORRECTED, DEPLOYMENT, MIGRATION, INCIDENT_RETRY, CASE_OPENED,
        TASK_CLAIMED, TASK_COMPLETED, DECISION_RECORDED, LEGAL_HOLD_PLACED, LEGAL_HOLD_RELEASED, ERASURE_REFUSED,
        CASE_ERASED, ACCOUNT_DISABLED, ACCOUNT_ENABLED, SETTINGS_CHANGED, ACCOUNT_CREATED, PASSWORD_RESET, LOGIN_FAILED,
        LOGIN_LOCKED, LOGIN_UNLOCKED
    }

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
    public record Record(Instant at, String who, Action action, String subject, String caseReference,
            String reason) {
    }

    /**
     * What verifying the chain found.
     *
     * @param intact whether every record is as written, in order, none missing
     * @param records how many records were checked
     * @param brokenAt the sequence number of the first record that does not verify, if any
     * @param problem what is wrong there
     */
    public record Verification(boolean intact, long records, Long brokenAt, String problem) {
    }

    private static final int PAGE = 1_000;

    private final AuditEntries entries;
    private final AuditChainHeads heads;
    private final Clock clock;

    AuditTrail(AuditEntries entries, AuditChainHeads heads, Clock clock) {
        this.entries = entries;
        this.heads = heads;
        this.clock = clock;
    }

    /** Records an action of the current user, in the caller's transaction (or a new one). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Action action, String subject, String caseReference, String reason) {
        // cut to the columns before hashing: the hash covers exactly what is stored, or verify() could not recompute it
        String who = cut(CurrentUser.find().map(CurrentUser::username).orElse("system"), 64);
        AuditChainHead head = heads.lock().orElseThrow(() -> new IllegalStateException(
                "The audit chain has no head row; it is created at start-up"));
        long seq = head.getLastSeq() + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String s = cut(subject == null ? "" : subject, 100);
        String r = reason == null ? null : cut(reason, 200);
        String hash = AuditHash.of(head.getLastHash(), seq, at, who, action.name(), s, caseReference, r);
        entries.save(new AuditEntry(seq, head.getLastHash(), hash, at, who, action, s, caseReference, r));
        head.advance(seq, hash);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The records about one subject, oldest first. */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ADMIN", "ROLE_MANAGER", "ROLE_ANALYST", "ROLE_SENIOR_ANALYST"})
    public List<Record> about(String subject) {
        return entries.findBySubjectOrderByIdAsc(subject).stream().map(AuditEntry::toRecord).toList();
    }

    /** The records about one case, oldest first (shown on the case's timeline). */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ADMIN", "ROLE_MANAGER", "ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_INTAKE"})
    public List<Record> ofCase(String caseReference) {
        return entries.findByCaseReferenceOrderByIdAsc(caseReference).stream().map(AuditEntry::toRecord).toList();
    }

    /**
     * The newest records first (at most {@code limit}, 1 to 1000), optionally only one user's, one action's or one
     * case's: what administrators look through when asked who did or saw what.
     */
    @Transactional(readOnly = true)
    @Secured("ROLE_ADMIN")
    public List<Record> newest(String who, Action action, String caseReference, int limit) {
        if (limit < 1 || limit > 1_000) {
            throw new dev.attest.validation.InvalidInputException("limit", "must be between 1 and 1000");
        }
        return entries.newest(blankToNull(who), action, blankToNull(caseReference), PageRequest.of(0, limit))
                .stream().map(AuditEntry::toRecord).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Recomputes the chain from the first record to the head: every hash from the record's stored fields and its
     * predecessor's hash, every sequence number one more than the last, and the last one the head's.
     */
    @Transactional(readOnly = true)
    @Secured("ROLE_ADMIN")
    public Verification verify() {
        AuditChainHead head = heads.findById(1).orElse(null);
        String previous = null;
        long expected = 1;
        long checked = 0;
        while (true) {
            List<AuditEntry> page = entries.findBySeqGreaterThanOrderBySeqAsc(expected - 1, PageRequest.of(0, PAGE));
            if (page.isEmpty()) {
                break;
            }
            for (AuditEntry e : page) {
                if (e.getSeq() != expected) {
                    return new Verification(false, checked, expected, "record " + expected + " is missing");
                }
                if (!java.util.Objects.equals(e.getPrevHash(), previous)) {
                    return new Verification(false, checked, expected, "record " + expected
                            + " does not follow the record before it");
                }
                if (!e.expectedHash(previous, expected).equals(e.getHash())) {
                    return new Verification(false, checked, expected, "record " + expected
                            + " was changed after it was written");
                }
                previous = e.getHash();
                expected++;
                checked++;
            }
        }
        long last = expected - 1;
        if (head != null && (head.getLastSeq() != last || !java.util.Objects.equals(head.getLastHash(), previous))) {
            return new Verification(false, checked, last + 1, "the chain ends at record " + last
                    + " but its head names record " + head.getLastSeq() + ": records were removed from the end");
        }
        return new Verification(true, checked, null, null);
    }
}
