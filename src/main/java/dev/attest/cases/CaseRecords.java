package dev.attest.cases;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hibernate.Session;
import org.hibernate.engine.spi.EntityKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import dev.attest.cases.internal.CaseFiles;

/**
 * The one rule every writer of a case's data asks first: a closed case is a record. After it closes nothing changes
 * its facts, documents, checks, ownership, decisions or requests; only record keeping ({@link Retention}: legal hold,
 * erasure, the retention period) acts on it.
 * <p>
 * The rule locks the case's row for the rest of the caller's transaction and reads its status as committed, so a
 * change racing the close either finishes before the case closes or waits for the close and is then refused; the
 * close takes the same lock. Lock order: the case's row first, then the engine's rows (a task completion asks the
 * rule before it touches the task). Audit records take no shared lock (they are linked into the chain after commit).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class CaseRecords {

    private static final Pattern REFERENCE = Pattern.compile("CASE-\\d{4}-\\d{6,}");

    private final CaseFiles caseFiles;

    @PersistenceContext
    private EntityManager entityManager;

    CaseRecords(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    /**
     * The case, locked for a change in the caller's transaction.
     *
     * @param change what the caller is about to do, for the refusal, e.g. {@code "record an ownership structure"}
     * @throws CaseNotFoundException when there is no such case
     * @throws CaseClosedException when the case is closed; the caller changes nothing
     */
    public CaseFile requireOpen(UUID caseId, String change) {
        return open(caseId == null ? Optional.empty() : lock(caseId), String.valueOf(caseId), change);
    }

    /**
     * The case by its id or reference, locked for a change in the caller's transaction.
     *
     * @see #requireOpen(UUID, String)
     */
    public CaseFile requireOpen(String caseIdOrReference, String change) {
        return open(lock(caseIdOrReference), caseIdOrReference, change);
    }

    /**
     * The case by its id or reference, locked for a change in the caller's transaction, if there is such a case (work
     * outside any case, such as a task of a process without one, has nothing to lock).
     *
     * @see #requireOpen(UUID, String)
     */
    public Optional<CaseFile> requireOpenIfExists(String caseIdOrReference, String change) {
        Optional<CaseFile> found = lock(caseIdOrReference);
        return found.isEmpty() ? found : Optional.of(open(found, caseIdOrReference, change));
    }

    /** The case, locked for record keeping, closed or not. */
    CaseFile lockForRecordKeeping(String caseIdOrReference) {
        return lock(caseIdOrReference).orElseThrow(() -> new CaseNotFoundException(caseIdOrReference));
    }

    private CaseFile open(Optional<CaseFile> locked, String key, String change) {
        CaseFile caseFile = locked.orElseThrow(() -> new CaseNotFoundException(key));
        if (caseFile.isClosed()) {
            throw new CaseClosedException(caseFile.getReference(), caseFile.getOutcome(), caseFile.getClosedAt(),
                    change);
        }
        return caseFile;
    }

    /** The case by its public id or reference, locked (see {@link #lock(String, Object)}). */
    private Optional<CaseFile> lock(String idOrReference) {
        if (idOrReference == null) {
            return Optional.empty();
        }
        String key = idOrReference.strip().toUpperCase(Locale.ROOT);
        if (REFERENCE.matcher(key).matches()) {
            return lock("reference", key);
        }
        try {
            return lock(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<CaseFile> lock(UUID caseId) {
        return lock("id", caseId);
    }

    /**
     * The case whose attribute has the value, locked. A case this transaction has not read yet is read and locked in
     * one statement (SELECT ... FOR UPDATE), which reads it as committed; a case it has read already is locked and
     * read again by {@link #locked(CaseFile)}, since the copy it holds may be older than the lock.
     */
    private Optional<CaseFile> lock(String attribute, Object value) {
        Session session = entityManager.unwrap(Session.class);
        for (Object entry : session.getStatistics().getEntityKeys()) {
            if (entry instanceof EntityKey key && key.getEntityName().equals(CaseFile.class.getName())) {
                CaseFile held = session.get(CaseFile.class, key.getIdentifier());
                if (value.equals("id".equals(attribute) ? held.getId() : held.getReference())) {
                    return Optional.of(locked(held));
                }
            }
        }
        return entityManager.createQuery("select c from CaseFile c where c." + attribute + " = :value", CaseFile.class)
                .setParameter("value", value).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /**
     * Locks the row (SELECT ... FOR UPDATE) and reads it again, since a case loaded before the lock may have closed
     * meanwhile. Changes this transaction made are written first so that reading again keeps them; a case this
     * transaction locked already is as current as it gets.
     */
    private CaseFile locked(CaseFile caseFile) {
        if (entityManager.getLockMode(caseFile) != LockModeType.PESSIMISTIC_WRITE) {
            entityManager.flush();
            entityManager.refresh(caseFile, LockModeType.PESSIMISTIC_WRITE);
        }
        return caseFile;
    }

    /** A case by its public id (a UUID) or its reference, in any case and with spaces around it. */
    static Optional<CaseFile> find(CaseFiles caseFiles, String idOrReference) {
        if (idOrReference == null) {
            return Optional.empty();
        }
        String key = idOrReference.strip();
        if (REFERENCE.matcher(key.toUpperCase(Locale.ROOT)).matches()) {
            return caseFiles.findByReference(key.toUpperCase(Locale.ROOT));
        }
        try {
            return caseFiles.findById(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
