package dev.attest.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.attest.screening.internal.ScreenedSubjectRecord;
import dev.attest.screening.internal.ScreenedSubjects;
import dev.attest.screening.internal.ScreeningHitRecord;
import dev.attest.screening.internal.ScreeningHits;
import dev.attest.screening.internal.ScreeningRunRecord;
import dev.attest.screening.internal.ScreeningRuns;

/**
 * A case's screening written straight into the tables {@link CaseScreenings} reads (screenings, subjects, hits and
 * their decisions), for the views' tests: what the Screening process stores, without running it.
 */
public final class StoredScreenings {

    private final ScreeningRuns runs;
    private final ScreenedSubjects subjects;
    private final ScreeningHits hits;
    private final JdbcTemplate jdbc;

    public StoredScreenings(ApplicationContext ctx) {
        this.jdbc = ctx.getBean(JdbcTemplate.class);
        this.runs = ctx.getBean(ScreeningRuns.class);
        this.subjects = ctx.getBean(ScreenedSubjects.class);
        this.hits = ctx.getBean(ScreeningHits.class);
    }

    /**
     * Forgets the case's screening (its intake screening ran when it was opened): the case as one opened before
     * screening existed, for a test to store exactly the screening it shows.
     */
    public void clear(UUID caseId) {
        jdbc.update("DELETE FROM screening_hit WHERE case_id = ?", caseId);
        jdbc.update("DELETE FROM screening_subject WHERE case_id = ?", caseId);
        jdbc.update("DELETE FROM screening_run WHERE case_id = ?", caseId);
    }

    /** A screening of the case that screened that many subjects and found that many hits. */
    public long run(UUID caseId, ScreeningTrigger trigger, Instant at, int subjectCount, int hitCount) {
        ScreeningRunRecord run = new ScreeningRunRecord(caseId, trigger, trigger == ScreeningTrigger.OWNERSHIP ? 1 : 0,
                null, "system", at);
        run.counted(subjectCount, hitCount);
        return runs.save(run).getId();
    }

    /** A subject screened. */
    public long subject(UUID caseId, SubjectSource source, SubjectType type, String name, LocalDate dateOfBirth,
            String country, Instant at) {
        int version = source == SubjectSource.OWNER || source == SubjectSource.CONTROL_PERSON ? 1 : 0;
        return subjects.save(new ScreenedSubjectRecord(caseId, source + ":" + name, source, version, type, name,
                dateOfBirth, country, at)).getId();
    }

    /** A potential hit found for the subject, undecided. */
    public long hit(long runId, UUID caseId, long subjectId, String subjectName, SanctionsList list, String entryId,
            String entryName, String matchedName, double score, List<String> reasons, Instant foundAt) {
        ScreeningHit found = new ScreeningHit(list, entryId, EntryType.PERSON, entryName, matchedName, subjectName,
                score, reasons, "fp-" + entryId);
        return hits.save(new ScreeningHitRecord(runId, caseId, subjectId, "key-" + subjectId, found, foundAt)).getId();
    }

    /** The analyst's decision on a hit. */
    public void decide(long hitId, HitVerdict verdict, String reason, String by, Instant at) {
        ScreeningHitRecord hit = hits.findById(hitId).orElseThrow();
        hit.decide(verdict, reason, by, at);
        hits.save(hit);
    }

    /** The second reviewer's answer on a true match. */
    public void confirm(long hitId, boolean confirmed, String reason, String by, Instant at) {
        ScreeningHitRecord hit = hits.findById(hitId).orElseThrow();
        hit.confirm(confirmed, reason, by, at);
        hits.save(hit);
    }
}
