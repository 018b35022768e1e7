package dev.attest.screening;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseLookup;
import dev.attest.screening.internal.ScreenedSubjectRecord;
import dev.attest.screening.internal.ScreenedSubjects;
import dev.attest.screening.internal.ScreeningHitRecord;
import dev.attest.screening.internal.ScreeningHits;
import dev.attest.screening.internal.ScreeningRunRecord;
import dev.attest.screening.internal.ScreeningRuns;

/**
 * Reads a case's screening (subjects, hits with their explanation, decisions, history) and the hits waiting for a
 * reviewer, for the case view, the dashboard and {@code GET /api/v1/cases/{id}/screening}. Whoever may read a case
 * may read its screening; clients (the portal) never.
 */
@Service
@Transactional(readOnly = true)
public class CaseScreenings {

    private final CaseLookup cases;
    private final ScreenedSubjects subjects;
    private final ScreeningRuns runs;
    private final ScreeningHits hits;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseScreenings(CaseLookup cases, ScreenedSubjects subjects, ScreeningRuns runs, ScreeningHits hits,
            JdbcTemplate jdbc, Clock clock) {
        this.cases = cases;
        this.subjects = subjects;
        this.runs = runs;
        this.hits = hits;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The case's screening.
     *
     * @throws dev.attest.cases.CaseNotFoundException when there is no such case
     */
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER", "ROLE_INTAKE", "ROLE_ADMIN"})
    public CaseScreening forCase(UUID caseId) {
        CaseFile caseFile = cases.get(String.valueOf(caseId));
        UUID id = caseFile.getId();
        List<ScreeningRunRecord> runList = runs.findByCaseIdOrderByIdAsc(id);
        Map<Long, ScreeningTrigger> triggers = new HashMap<>();
        runList.forEach(r -> triggers.put(r.getId(), r.getTrigger()));
        List<CaseScreening.Subject> subjectList = subjects.findByCaseIdOrderByIdAsc(id).stream()
                .map(CaseScreenings::subject).toList();
        List<ScreeningHitRecord> hitRecords = hits.findByCaseIdOrderByIdDesc(id);
        List<CaseScreening.Hit> hitList = hitRecords.stream().map(h -> hit(h, triggers.get(h.getRunId()))).toList();
        List<CaseScreening.Decision> decisions = hitList.stream().map(CaseScreening.Hit::decision)
                .filter(d -> d != null).sorted(Comparator.comparing(CaseScreening.Decision::decidedAt).reversed())
                .toList();
        return new CaseScreening(id, caseFile.getReference(), subjectList, hitList, decisions,
                history(runList, hitRecords));
    }

    /** The hits waiting for a reviewer on open cases, and how fast hits were cleared over the last 30 days. */
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
    public OpenHits openHits() {
        Map<String, Object> open = jdbc.queryForMap("select "
                + "coalesce(sum(case when h.status = 'UNDECIDED' then 1 else 0 end), 0) as undecided, "
                + "coalesce(sum(case when h.status = 'AWAITING_CONFIRMATION' then 1 else 0 end), 0) as waiting "
                + "from screening_hit h join case_file c on c.id = h.case_id "
                + "where h.status in ('UNDECIDED', 'AWAITING_CONFIRMATION') and c.status <> 'CLOSED'");
        java.sql.Timestamp oldest = jdbc.queryForObject("select min(h.found_at) from "
                + "screening_hit h join case_file c on c.id = h.case_id where h.status in ('UNDECIDED', "
                + "'AWAITING_CONFIRMATION') and c.status <> 'CLOSED'", java.sql.Timestamp.class);
        List<Duration> cleared = new ArrayList<>();
        for (Object[] row : hits.clearedSince(clock.instant().minus(30, ChronoUnit.DAYS))) {
            cleared.add(Duration.between((Instant) row[0], (Instant) row[1]));
        }
        cleared.sort(Comparator.naturalOrder());
        return new OpenHits(((Number) open.get("undecided")).longValue(), ((Number) open.get("waiting")).longValue(),
                oldest == null ? null : oldest.toInstant(), cleared.size(), percentile(cleared, 50),
                percentile(cleared, 90));
    }

    /** The nearest-rank percentile of sorted durations, or {@code null} for none. */
    static Duration percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static CaseScreening.Subject subject(ScreenedSubjectRecord s) {
        return new CaseScreening.Subject(s.getId(), s.getSource(),
                s.getOwnershipVersion() == 0 ? null : s.getOwnershipVersion(), s.getType(), s.getName(),
                s.getDateOfBirth(), s.getCountry(), s.getFirstScreenedAt(), s.getLastScreenedAt());
    }

    static CaseScreening.Hit hit(ScreeningHitRecord h, ScreeningTrigger trigger) {
        CaseScreening.Decision decision = null;
        if (h.getVerdict() != null) {
            CaseScreening.Confirmation confirmation = h.getConfirmed() == null ? null
                    : new CaseScreening.Confirmation(h.getConfirmed(), h.getConfirmationReason(), h.getConfirmedBy(),
                            h.getConfirmedAt());
            decision = new CaseScreening.Decision(h.getId(), h.getVerdict(), h.getDecisionReason(), h.getDecidedBy(),
                    h.getDecidedAt(), confirmation);
        }
        return new CaseScreening.Hit(h.getId(), h.getSubjectId(), h.getSubjectName(), trigger, h.getList(),
                h.getEntryId(), h.getEntryName(), h.getMatchedName(), h.getSubjectName(), h.getScore(),
                h.getReasons(), h.getEntryFingerprint(), h.getFoundAt(), h.getStatus(), decision);
    }

    private static List<CaseScreening.HistoryEntry> history(List<ScreeningRunRecord> runList,
            List<ScreeningHitRecord> hitRecords) {
        List<CaseScreening.HistoryEntry> history = new ArrayList<>();
        for (ScreeningRunRecord r : runList) {
            String what = switch (r.getTrigger()) {
                case INTAKE -> "Screened the client and the business at intake";
                case OWNERSHIP -> "Screened the beneficial owners and the control person of ownership version "
                        + r.getOwnershipVersion();
                case LIST_UPDATE -> "Screened again after a sanctions list update (list version "
                        + r.getListVersionId() + ")";
            };
            history.add(new CaseScreening.HistoryEntry(r.getAt(), r.getBy(), String.format(Locale.ROOT,
                    "%s: %d subject%s, %d new potential hit%s", what, r.getSubjects(), r.getSubjects() == 1 ? "" : "s",
                    r.getHits(), r.getHits() == 1 ? "" : "s")));
        }
        for (ScreeningHitRecord h : hitRecords) {
            String hitName = h.getList() + " " + h.getEntryId() + " (" + h.getEntryName() + ") for "
                    + h.getSubjectName();
            if (h.getDecidedAt() != null) {
                history.add(new CaseScreening.HistoryEntry(h.getDecidedAt(), h.getDecidedBy(),
                        (h.getVerdict() == HitVerdict.TRUE_MATCH ? "Judged a true match: " : "Judged a false positive: ")
                                + hitName + " — " + h.getDecisionReason()));
            }
            if (h.getConfirmedAt() != null) {
                history.add(new CaseScreening.HistoryEntry(h.getConfirmedAt(), h.getConfirmedBy(),
                        (Boolean.TRUE.equals(h.getConfirmed()) ? "Confirmed the true match: "
                                : "Overturned the true match (a false positive): ") + hitName + " — "
                                + h.getConfirmationReason()));
            }
        }
        history.sort(Comparator.comparing(CaseScreening.HistoryEntry::at));
        return history;
    }
}
