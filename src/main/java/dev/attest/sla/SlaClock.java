package dev.attest.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.sla.internal.ClientWaitRecords;

/**
 * The case's SLA clock: business time counts while the consultancy works and stands still while the case
 * waits on the client. The document-check process pauses it when it asks the client for a document and
 * resumes it when the document arrives or the client stays silent past the reply date (then the analyst has
 * work again). Several checks may wait at once; the clock stands still while any of them waits. Called
 * inside the engine's transaction.
 */
@Service
public class SlaClock {

    private static final Logger log = LoggerFactory.getLogger(SlaClock.class);

    private final ClientWaitRecords waits;
    private final BusinessCalendar calendar;
    private final Clock clock;

    SlaClock(ClientWaitRecords waits, BusinessCalendar calendar, Clock clock) {
        this.waits = waits;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Records that {@code source} (the process instance that asked) waits on the client, with the reason; a
     * source already waiting keeps its first record.
     */
    @Transactional
    public void pause(String caseReference, String source, String reason) {
        if (caseReference == null || source == null
                || waits.findFirstByCaseReferenceAndSourceAndEndedAtIsNull(caseReference, source).isPresent()) {
            return;
        }
        String why = reason == null || reason.isBlank() ? "Waiting for the client" : reason.strip();
        waits.save(new ClientWait(caseReference, source, why.length() > 300 ? why.substring(0, 300) : why,
                clock.instant()));
        log.info("SLA clock of {} paused: {}", caseReference, why);
    }

    /** Ends the wait of {@code source}; nothing happens when it was not waiting. */
    @Transactional
    public void resume(String caseReference, String source) {
        if (caseReference == null || source == null) {
            return;
        }
        waits.findFirstByCaseReferenceAndSourceAndEndedAtIsNull(caseReference, source).ifPresent(wait -> {
            wait.end(clock.instant());
            log.info("SLA clock of {} resumed after: {}", caseReference, wait.getReason());
        });
    }

    /**
     * Stops the clock of a case that closes: ends every open wait (it closes while the client still owes something)
     * and returns the business minutes worked on it from {@code openedAt} to {@code closedAt}, from one read of its
     * waits.
     */
    @Transactional
    public long caseClosed(String caseReference, Instant openedAt, Instant closedAt) {
        List<ClientWait> caseWaits = waits.findByCaseReferenceOrderByStartedAtAsc(caseReference);
        caseWaits.stream().filter(ClientWait::isOpen).forEach(wait -> wait.end(closedAt));
        return workingMinutes(caseWaits, openedAt, closedAt);
    }

    /** The stretches the case waited on the client, oldest first. */
    @Transactional(readOnly = true)
    public List<ClientWait> waits(String caseReference) {
        return waits.findByCaseReferenceOrderByStartedAtAsc(caseReference);
    }

    /**
     * The business minutes the consultancy spent on a case between two moments: business time minus the
     * business time in which at least one request waited on the client (an open wait counts until {@code to}).
     */
    @Transactional(readOnly = true)
    public long workingMinutes(String caseReference, Instant from, Instant to) {
        return workingMinutes(waits.findByCaseReferenceOrderByStartedAtAsc(caseReference), from, to);
    }

    long workingMinutes(List<ClientWait> caseWaits, Instant from, Instant to) {
        long total = calendar.businessMinutesBetween(from, to);
        List<Instant[]> merged = new ArrayList<>();
        caseWaits.stream().sorted(Comparator.comparing(ClientWait::getStartedAt)).forEach(wait -> {
            Instant start = wait.getStartedAt().isBefore(from) ? from : wait.getStartedAt();
            Instant end = wait.isOpen() || wait.getEndedAt().isAfter(to) ? to : wait.getEndedAt();
            if (!end.isAfter(start)) {
                return;
            }
            Instant[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !start.isAfter(last[1])) {
                if (end.isAfter(last[1])) {
                    last[1] = end;
                }
            } else {
                merged.add(new Instant[] {start, end});
            }
        });
        long paused = merged.stream().mapToLong(i -> calendar.businessMinutesBetween(i[0], i[1])).sum();
        return Math.max(0, total - paused);
    }
}
