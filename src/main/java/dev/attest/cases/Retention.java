package dev.attest.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.attest.AttestSettings;
import dev.attest.audit.AuditTrail;
import dev.attest.cases.internal.CaseFiles;
import dev.attest.sla.TaskLog;
import dev.attest.validation.FieldErrors;
import dev.attest.validation.Text;

/**
 * Record keeping after a case closes: everything is kept for the retention period (five years by default, as
 * anti-money-laundering record-keeping rules require), then a nightly job deletes the documents, the client's
 * personal data and the case's engine history (the reference, dates, outcome and the audit trail stay). A legal
 * hold stops that until it is released. A client's request to erase their data is refused, with the reason
 * recorded, while the case is open, on hold or inside its retention period; after it, the case is erased at once.
 * Record keeping is what acts on a closed case: {@link CaseRecords} refuses every other change to it.
 */
@Service
@EnableConfigurationProperties(RetentionSettings.class)
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** What became of an erasure request. */
    public record ErasureDecision(boolean erased, String reason) {
    }

    private final CaseFiles caseFiles;
    private final CaseRecords records;
    private final CaseWorkflow workflow;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;
    private final int years;
    private final TransactionTemplate eachCase;
    private final TaskLog taskLog;

    Retention(CaseFiles caseFiles, CaseRecords records, CaseWorkflow workflow, ApplicationEventPublisher events,
            AuditTrail audit, Clock clock, PlatformTransactionManager transactions,
            RetentionSettings settings, TaskLog taskLog) {
        this.taskLog = taskLog;
        this.caseFiles = caseFiles;
        this.records = records;
        this.workflow = workflow;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.years = settings.years();
        this.eachCase = new TransactionTemplate(transactions);
    }

    /** How many years a closed case's records are kept ({@code attest.retention.years}). */
    public int years() {
        return years;
    }

    /** When a closed case's records may be deleted. */
    public Instant keptUntil(CaseFile c) {
        return c.getClosedAt() == null ? null : c.getClosedAt().atZone(ZoneOffset.UTC).plusYears(years).toInstant();
    }

    @Secured("ROLE_ADMIN")
    @Transactional
    public void placeLegalHold(String caseIdOrReference, String reason) {
        String why = text("reason", () -> Text.required(reason, 500));
        CaseFile c = records.lockForRecordKeeping(caseIdOrReference);
        c.placeLegalHold(why, clock.instant());
        workflow.holdHistory(c.getReference());
        audit.record(AuditTrail.Action.LEGAL_HOLD_PLACED, c.getReference(), c.getReference(), why);
    }

    @Secured("ROLE_ADMIN")
    @Transactional
    public void releaseLegalHold(String caseIdOrReference) {
        CaseFile c = records.lockForRecordKeeping(caseIdOrReference);
        c.releaseLegalHold(clock.instant());
        workflow.releaseHistory(c.getReference(), keptUntil(c));
        audit.record(AuditTrail.Action.LEGAL_HOLD_RELEASED, c.getReference(), c.getReference(), null);
    }

    /**
     * A client asks for their data to be erased. Refused while the case is open, on legal hold or inside its
     * retention period (the refusal and its reason are audited); granted at once after it.
     */
    @Secured("ROLE_ADMIN")
    @Transactional
    public ErasureDecision requestErasure(String caseIdOrReference, String request) {
        String asked = text("request", () -> Text.optional(request, 150));
        CaseFile c = records.lockForRecordKeeping(caseIdOrReference);
        String refusal = null;
        if (c.getErasedAt() != null) {
            return new ErasureDecision(true, "Already erased on " + DAY.format(c.getErasedAt()));
        } else if (c.getClosedAt() == null) {
            refusal = "The case is still open; its records are kept while it is worked and for " + years
                    + " years after it closes (anti-money-laundering record keeping)";
        } else if (c.isOnLegalHold()) {
            refusal = "The case is on legal hold: " + c.getLegalHoldReason();
        } else if (keptUntil(c).isAfter(clock.instant())) {
            refusal = "Anti-money-laundering record keeping: the case's records are kept until "
                    + DAY.format(keptUntil(c)) + " (" + years + " years after it closed)";
        }
        if (refusal != null) {
            // the refusal first: the audit reason holds 200 characters, the client's words fill what is left
            audit.record(AuditTrail.Action.ERASURE_REFUSED, c.getReference(), c.getReference(),
                    refusal + (asked == null ? "" : " — request: " + asked));
            log.info("Erasure of {} refused: {}", c.getReference(), refusal);
            return new ErasureDecision(false, refusal);
        }
        erase(c, "erasure requested" + (asked == null ? "" : ": " + asked));
        return new ErasureDecision(true, "Erased");
    }

    private static String text(String field, Supplier<String> value) {
        var errors = new FieldErrors();
        String v = errors.capture(field, value);
        errors.throwIfAny();
        return v;
    }

    /** Erases every closed case past its retention that is not on hold; one transaction per case. */
    // A cron zone must be a string, so this reads attest.zone itself rather than the ZoneId bean; its fallback is
    // AttestSettings's default (application.yml always sets attest.zone), so the job runs in the zone of the rest.
    @Scheduled(cron = "${attest.retention.cron:0 40 2 * * *}",
            zone = "${attest.zone:" + AttestSettings.DEFAULT_ZONE + "}")
    public int eraseExpired() {
        Instant before = clock.instant().atZone(ZoneOffset.UTC).minusYears(years).toInstant();
        int erased = 0;
        while (true) {
            List<String> batch = caseFiles.expired(before, PageRequest.of(0, 100));
            if (batch.isEmpty()) {
                return erased;
            }
            int before0 = erased;
            for (String reference : batch) {
                try {
                    Boolean done = eachCase.execute(s -> {
                        CaseFile c = records.lockForRecordKeeping(reference);
                        if (c.getErasedAt() != null || c.isOnLegalHold()) {
                            return false;
                        }
                        erase(c, "retention period over");
                        return true;
                    });
                    erased += Boolean.TRUE.equals(done) ? 1 : 0;
                } catch (ObjectOptimisticLockingFailureException e) {
                    log.info("Case {} was changed or erased by another node meanwhile", reference);
                }
            }
            if (erased == before0) {
                return erased; // nothing more could be erased (held or taken by another node)
            }
        }
    }

    private void erase(CaseFile c, String why) {
        events.publishEvent(new CaseErased(c.getId(), c.getReference()));
        workflow.deleteHistory(c.getReference());
        c.erasePersonalData(clock.instant());
        caseFiles.saveAndFlush(c);
        taskLog.caseChanged(c.getReference()); // the task list's text filter no longer finds the erased client
        audit.record(AuditTrail.Action.CASE_ERASED, c.getReference(), c.getReference(), why);
        log.info("Erased case {} ({})", c.getReference(), why);
    }
}
