package dev.attest.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.cases.internal.CaseFiles;
import dev.attest.operations.BusinessMetrics;
import dev.attest.sla.BusinessCalendar;
import dev.attest.sla.SlaClock;
import dev.attest.sla.TaskLog;

/**
 * Moves a case along as its process runs: records triage, closes it. Called by the engine's delegates
 * inside the engine's transaction (the caller is the user completing a task, or the job executor), so it
 * carries no role check of its own; the task completion that leads here is checked by the worklist.
 */
@Service
public class CaseProgress {

    private final CaseFiles caseFiles;
    private final BusinessCalendar calendar;
    private final SlaClock slaClock;
    private final Clock clock;

    private final BusinessMetrics metrics;
    private final CaseRecords records;
    private final TaskLog taskLog;

    CaseProgress(CaseFiles caseFiles, CaseRecords records, BusinessCalendar calendar, SlaClock slaClock, Clock clock,
            BusinessMetrics metrics, TaskLog taskLog) {
        this.metrics = metrics;
        this.taskLog = taskLog;
        this.records = records;
        this.caseFiles = caseFiles;
        this.calendar = calendar;
        this.slaClock = slaClock;
        this.clock = clock;
    }

    /**
     * What triage means for the work: the route, the tasks' engine priority and when the review is due.
     *
     * @param route where the case goes
     * @param taskPriority the engine priority of its tasks
     * @param reviewDue when the first review is due
     */
    public record Triage(String route, int taskPriority, Instant reviewDue) {
    }

    /** Records the triage decision on the case and works out when its review is due. */
    @Transactional
    public Triage applyTriage(UUID caseId, String route, String priority, String slaClass) {
        CaseFile caseFile = records.requireOpen(caseId, "record its triage");
        Priority p = Priority.valueOf(priority);
        Instant now = clock.instant();
        caseFile.triaged(route, p, slaClass, now);
        int days = "EXPEDITED".equals(slaClass) ? 1 : 3;
        return new Triage(route, p.taskPriority(), calendar.addBusinessDays(now, days));
    }

    /**
     * Records the seller verification's result: passed when the identity documents, the proof of address and
     * the company documents were all accepted (the beneficial owners were approved before the process gets here).
     *
     * @return the summary recorded
     */
    @Transactional
    public String recordVerification(UUID caseId, boolean identity, boolean address, boolean company) {
        return recordVerification(caseId, identity, address, company, true);
    }

    /**
     * Records the seller verification's result, with the sanctions screening's: a confirmed true match on the
     * client, the business, an owner or the control person fails it.
     */
    @Transactional
    public String recordVerification(UUID caseId, boolean identity, boolean address, boolean company,
            boolean screeningCleared) {
        boolean passed = identity && address && company && screeningCleared;
        String summary = passed ? "Identity documents, proof of address and company documents accepted; beneficial "
                + "owners approved; no sanctions match."
                : "Not passed:" + (identity ? "" : " identity documents not accepted;")
                        + (address ? "" : " proof of address not accepted;")
                        + (company ? "" : " company documents not accepted;")
                        + (screeningCleared ? "" : " sanctions screening found a confirmed true match;")
                        + (screeningCleared ? " beneficial owners approved." : " sent to the specialist.");
        records.requireOpen(caseId, "record its verification").recordVerification(passed, summary, clock.instant());
        return summary;
    }

    /**
     * Closes the case with the outcome the reviewer chose, stops its SLA clock and records the business time it
     * took without the time spent waiting on the client. Closing is the last change the case takes: from then on
     * {@link CaseRecords} refuses every other.
     */
    @Transactional
    public void close(UUID caseId, CaseOutcome outcome, String note) {
        CaseFile caseFile = records.requireOpen(caseId, "close it again");
        Instant now = clock.instant();
        caseFile.close(outcome, note, now, slaClock.caseClosed(caseFile.getReference(), caseFile.getCreatedAt(), now));
        caseFiles.saveAndFlush(caseFile);
        taskLog.caseChanged(caseFile.getReference()); // a task still open no longer matches the text by its client
        metrics.count("attest.cases.closed", "type", caseFile.getType().name(), "outcome", outcome.name());
    }

    /**
     * Who to write to about a case: for the e-mails the process sends.
     *
     * @param reference the case reference
     * @param fullName the client's name
     * @param email the client's e-mail address
     * @param marketplace the marketplace of the account, e.g. {@code amazon.com}
     * @param open whether the case is still open
     */
    public record Contact(String reference, String fullName, String email, String marketplace, boolean open) {
    }

    /** The client's contact for a case. */
    @Transactional(readOnly = true)
    public Contact contact(UUID caseId) {
        CaseFile c = get(caseId);
        return new Contact(c.getReference(), c.getClient().fullName(), c.getClient().email().value(),
                c.getAccount().marketplace().domain(), c.getStatus() != CaseStatus.CLOSED);
    }

    /** A case by id, for steps taken without a user (the client's upload link, the engine's jobs). */
    @Transactional(readOnly = true)
    public Optional<CaseFile> caseFile(UUID caseId) {
        return caseFiles.findById(caseId);
    }

    /**
     * The case a process step may act on: the case its variable names, when that case is the one the process was
     * started for ({@code processCaseReference}, see {@code dev.attest.workflow.CaseProcesses}). A model can set any
     * variable, so a designer's model could otherwise name another case and close it or record its triage.
     *
     * @throws IllegalStateException when the variable names no case, or another case than the process's (the step
     *         fails: the user's action is refused, a job becomes an incident)
     */
    @Transactional(readOnly = true)
    public UUID caseOfProcess(Object caseIdVariable, String processCaseReference) {
        UUID caseId;
        try {
            caseId = UUID.fromString(String.valueOf(caseIdVariable));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The process variable caseId does not name a case: " + caseIdVariable);
        }
        String reference = caseFiles.findById(caseId).map(CaseFile::getReference).orElse(null);
        if (reference == null || !reference.equals(processCaseReference)) {
            throw new IllegalStateException("A process of " + (processCaseReference == null ? "no case"
                    : processCaseReference) + " may not act on case " + (reference == null ? caseId : reference));
        }
        return caseId;
    }

    private CaseFile get(UUID caseId) {
        return caseFiles.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId.toString()));
    }
}
