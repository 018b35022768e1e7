package dev.attest.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.attest.audit.internal.AuditChainHead;
import dev.attest.audit.internal.AuditChainHeads;
import dev.attest.audit.internal.AuditChainer;
import dev.attest.audit.internal.AuditEntries;
import dev.attest.audit.internal.AuditEntry;
import dev.attest.identity.CurrentUser;
import dev.attest.validation.InvalidInputException;

/**
 * The append-only record of who did and saw what. A record is written in the caller's transaction with no lock
 * but its own row's; moments after it commits, {@link AuditChainer} links it into a hash chain (numbered, each
 * record's SHA-256 over its fields and its predecessor's hash), so a changed, removed, reordered or truncated
 * record is found by {@link #verify()}. A transaction that rolls back leaves no record and no gap. Why not chain
 * on write: that locked one row for every audited transaction in the cluster until it committed (docs/processes.md, "Audit
 * trail").
 */
@Service
public class AuditTrail {

    /** What was done. */
    public enum Action {
        DOCUMENT_UPLOADED, DOCUMENT_READ, DOCUMENT_CORRECTED, DEPLOYMENT, MIGRATION, INCIDENT_RETRY, CASE_OPENED,
        TASK_CLAIMED, TASK_COMPLETED, DECISION_RECORDED, LEGAL_HOLD_PLACED, LEGAL_HOLD_RELEASED, ERASURE_REFUSED,
        CASE_ERASED, ACCOUNT_DISABLED, ACCOUNT_ENABLED, SETTINGS_CHANGED, ACCOUNT_CREATED, PASSWORD_RESET, LOGIN_FAILED,
        LOGIN_LOCKED, LOGIN_UNLOCKED, NOTE_ADDED, NOTE_EDITED, TASK_ASSIGNED, TASK_RETURNED, TASK_FOLLOW_UP_SET,
        AVAILABILITY_CHANGED, TASK_FILTER_SAVED, TASK_FILTER_DELETED, LIST_EXPORTED, DOCUMENT_MACHINE_READ,
        SANCTIONS_LIST_LOADED, SCREENING_HIT_DECIDED, SCREENING_MATCH_CONFIRMED, SCREENING_MATCH_OVERTURNED
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
     * @param pending how many committed records wait to be linked into the chain (not yet covered)
     * @param pendingSince when the oldest of them was written, if any
     */
    public record Verification(boolean intact, long records, Long brokenAt, String problem, long pending,
            Instant pendingSince) {
    }

    private static final int PAGE = 1_000;

    private final AuditEntries entries;
    private final AuditChainHeads heads;
    private final AuditChainer chainer;
    private final Clock clock;
    @PersistenceContext
    private EntityManager entityManager;

    AuditTrail(AuditEntries entries, AuditChainHeads heads, AuditChainer chainer, Clock clock) {
        this.entries = entries;
        this.heads = heads;
        this.chainer = chainer;
        this.clock = clock;
    }

    /**
     * Records an action of the current user, in the caller's transaction (or a new one); it is linked into the
     * chain after that transaction commits.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Action action, String subject, String caseReference, String reason) {
        // cut to the columns: the hash is computed from what is stored, so what is stored is what is verified
        String who = cut(CurrentUser.find().map(CurrentUser::username).orElse("system"), 64);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String s = cut(subject == null ? "" : subject, 100);
        String r = reason == null ? null : cut(reason, 200);
        entries.save(new AuditEntry(at, who, action, s, caseReference, r));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    chainer.wake();
                }
            });
        } else {
            chainer.wake();
        }
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
            throw new InvalidInputException("limit", "must be between 1 and 1000");
        }
        return entries.newest(blankToNull(who), action, blankToNull(caseReference), PageRequest.of(0, limit))
                .stream().map(AuditEntry::toRecord).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Recomputes the chain from the first record to the head: every hash from the record's stored fields and its
     * predecessor's hash, every sequence number one more than the last, and the last one the head's; a record
     * numbered beyond the head was not linked by Attest. Also says how many committed records wait to be linked.
     */
    @Transactional(readOnly = true)
    @Secured("ROLE_ADMIN")
    public Verification verify() {
        // the chainer may link more while this reads page by page: only what the head named at the start is checked
        AuditChainHead head = heads.current().orElse(null);
        long end = head == null ? 0 : head.getLastSeq();
        String previous = null;
        long expected = 1;
        long checked = 0;
        chain:
        while (expected <= end) {
            List<AuditEntry> page = entries.findBySeqGreaterThanOrderBySeqAsc(expected - 1, PageRequest.of(0, PAGE));
            if (page.isEmpty()) {
                break;
            }
            for (AuditEntry e : page) {
                if (e.getSeq() > end) {
                    break chain; // linked after the head was read, or forged beyond it: the checks below say which
                }
                if (e.getSeq() != expected) {
                    return broken(checked, expected, "record " + expected + " is missing");
                }
                if (!Objects.equals(e.getPrevHash(), previous)) {
                    return broken(checked, expected, "record " + expected + " does not follow the record before it");
                }
                if (!e.expectedHash(previous, expected).equals(e.getHash())) {
                    return broken(checked, expected, "record " + expected + " was changed after it was written");
                }
                previous = e.getHash();
                expected++;
                checked++;
            }
            entityManager.clear(); // a long chain is read a page at a time, not held in memory
        }
        long last = expected - 1;
        if (head != null && (end != last || !Objects.equals(head.getLastHash(), previous))) {
            return broken(checked, last + 1, "the chain ends at record " + last + " but its head names record " + end
                    + ": records were removed from the end");
        }
        long lowest = entries.lowestSeq().orElse(1L);
        if (lowest < 1) {
            return broken(checked, lowest, "record " + lowest + " is before the chain's first record: it was not "
                    + "linked by Attest");
        }
        // read in this order: the chainer moves records and head in one commit, so beyond the head means forged
        long highest = entries.highestSeq().orElse(0L);
        long headNow = heads.lastSeq().orElse(0L);
        if (highest > headNow) {
            return broken(checked, headNow + 1, "record " + highest + " is beyond the chain's head (record " + headNow
                    + "): it was not linked by Attest");
        }
        long pending = entries.countBySeqIsNull();
        Instant since = pending == 0 ? null
                : entries.findFirstBySeqIsNullOrderByIdAsc().map(AuditEntry::getAt).orElse(null);
        return new Verification(true, checked, null, null, pending, since);
    }

    private static Verification broken(long checked, long at, String problem) {
        return new Verification(false, checked, at, problem, 0, null);
    }
}
