package dev.attest.screening;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.audit.AuditTrail;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseRecords;
import dev.attest.cases.CountryCode;
import dev.attest.identity.CurrentUser;
import dev.attest.ownership.OwnershipReview;
import dev.attest.screening.internal.RememberedFalsePositive;
import dev.attest.screening.internal.RememberedFalsePositives;
import dev.attest.screening.internal.ScreenedSubjectRecord;
import dev.attest.screening.internal.ScreenedSubjects;
import dev.attest.screening.internal.ScreeningHitRecord;
import dev.attest.screening.internal.ScreeningHits;
import dev.attest.screening.internal.ScreeningRunRecord;
import dev.attest.screening.internal.ScreeningRuns;
import dev.attest.validation.FieldErrors;
import dev.attest.validation.InvalidInputException;
import dev.attest.validation.InvalidValueException;
import dev.attest.validation.Text;

/**
 * The steps of the Screening process: screening a case's subjects and recording the potential hits that are new
 * (not a remembered false positive for the same entry fingerprint, not already waiting for a reviewer, not a
 * confirmed true match of the same entry), the analyst's decision on each, and the second reviewer's answer on a
 * true match (four eyes, checked here). Called by the engine's steps in the engine's transaction, and by the list
 * update's re-screening; every decision is audited; a closed case is refused.
 */
@Service
public class ScreeningReview {

    /** The longest reason for a decision. */
    public static final int MAX_REASON = 2000;

    /** The review form's field with a hit's decision. */
    public static String decisionField(long hitId) {
        return "decision_" + hitId;
    }

    /** The review form's field with the reason for a hit's decision. */
    public static String reasonField(long hitId) {
        return "reason_" + hitId;
    }

    /**
     * What a screening found.
     *
     * @param runId the screening run ({@code null} when there was nothing to screen)
     * @param newHits the new potential hits that wait for a reviewer
     */
    public record Outcome(Long runId, int newHits) {
    }

    /** A subject to screen for a case, with where it comes from. */
    record Candidate(SubjectSource source, int ownershipVersion, ScreeningSubject subject, String country) {

        String name() {
            return subject.names().get(0);
        }

        String key() {
            return subjectKey(subject.type(), name(), subject.dateOfBirth(), country);
        }
    }

    private final CaseRecords records;
    private final OwnershipReview ownership;
    private final Screening screening;
    private final ScreenedSubjects subjects;
    private final ScreeningRuns runs;
    private final ScreeningHits hits;
    private final RememberedFalsePositives falsePositives;
    private final AuditTrail audit;
    private final ScreeningWorkflow workflow;
    private final Clock clock;

    ScreeningReview(CaseRecords records, OwnershipReview ownership, Screening screening, ScreenedSubjects subjects,
            ScreeningRuns runs, ScreeningHits hits, RememberedFalsePositives falsePositives, AuditTrail audit,
            ScreeningWorkflow workflow, Clock clock) {
        this.records = records;
        this.ownership = ownership;
        this.screening = screening;
        this.subjects = subjects;
        this.runs = runs;
        this.hits = hits;
        this.falsePositives = falsePositives;
        this.audit = audit;
        this.workflow = workflow;
        this.clock = clock;
    }

    /**
     * Screens the case's subjects for the trigger against every list in force: at intake the client and the
     * business, for an ownership version its beneficial owners and control person.
     *
     * @throws dev.attest.cases.CaseClosedException when the case is closed; nothing is recorded
     */
    @Transactional
    public Outcome screenCase(UUID caseId, ScreeningTrigger trigger, int ownershipVersion) {
        CaseFile caseFile = records.requireOpen(caseId, "screen its subjects");
        List<Candidate> candidates = switch (trigger) {
            case INTAKE -> intakeSubjects(caseFile);
            case OWNERSHIP -> ownershipSubjects(caseId, ownershipVersion);
            case LIST_UPDATE -> throw new IllegalArgumentException("a list update screens through rescreen");
        };
        if (candidates.isEmpty()) {
            return new Outcome(null, 0);
        }
        Instant now = now();
        ScreeningRunRecord run = runs.saveAndFlush(new ScreeningRunRecord(caseId, trigger,
                trigger == ScreeningTrigger.OWNERSHIP ? ownershipVersion : 0, null, who(), now));
        Known known = known(caseId);
        int found = 0;
        for (Candidate candidate : candidates) {
            ScreenedSubjectRecord subject = subject(caseId, candidate, now);
            found += record(run, subject, screening.screen(candidate.subject()), known, now);
        }
        run.counted(candidates.size(), found);
        return new Outcome(run.getId(), found);
    }

    /**
     * Records what a list version's added or changed entries found for one open case's subjects and, when something
     * new was found, starts the case's review (a Screening process) in the same transaction. Once per case and list
     * version: a second delivery of the event, or a second node, finds the case done.
     *
     * @param found each subject's hits, by subject id
     * @return the screening run, when something new was found
     */
    @Transactional
    public Optional<Long> recordListUpdate(UUID caseId, long listVersionId, Map<Long, List<ScreeningHit>> found) {
        Optional<CaseFile> open = records.requireOpenIfExists(caseId.toString(), "screen it after a list update");
        if (runs.existsByCaseIdAndListVersionId(caseId, listVersionId)) {
            return Optional.empty();
        }
        Instant now = now();
        Known known = known(caseId);
        List<Map.Entry<ScreenedSubjectRecord, List<ScreeningHit>>> fresh = new ArrayList<>();
        for (var e : found.entrySet()) {
            ScreenedSubjectRecord subject = subjects.findById(e.getKey()).orElse(null);
            if (subject == null || !subject.getCaseId().equals(caseId)) {
                continue;
            }
            List<ScreeningHit> news = e.getValue().stream().filter(h -> known.isNew(subject.getSubjectKey(), h))
                    .toList();
            if (!news.isEmpty()) {
                fresh.add(Map.entry(subject, news));
            }
        }
        if (fresh.isEmpty() || open.isEmpty()) {
            return Optional.empty();
        }
        // the unique (case, list version) refuses a second run: the caller's transaction rolls back
        ScreeningRunRecord run = runs.saveAndFlush(new ScreeningRunRecord(caseId, ScreeningTrigger.LIST_UPDATE, 0,
                listVersionId, "system", now));
        int count = 0;
        for (var e : fresh) {
            e.getKey().screenedAgain(now);
            count += record(run, e.getKey(), e.getValue(), known, now);
        }
        run.counted(fresh.size(), count);
        workflow.startReview(open.get().getReference(), caseId, run.getId());
        return Optional.of(run.getId());
    }

    /** The hits of a screening run that wait for the analyst's decision, oldest first. */
    @Transactional(readOnly = true)
    public List<CaseScreening.Hit> undecided(long runId) {
        return hits.findByRunIdAndStatusOrderByIdAsc(runId, HitStatus.UNDECIDED).stream()
                .map(h -> CaseScreenings.hit(h, null)).toList();
    }

    /** The true matches of a screening run that wait for the second reviewer, oldest first. */
    @Transactional(readOnly = true)
    public List<CaseScreening.Hit> awaitingConfirmation(long runId) {
        return hits.findByRunIdAndStatusOrderByIdAsc(runId, HitStatus.AWAITING_CONFIRMATION).stream()
                .map(h -> CaseScreenings.hit(h, null)).toList();
    }

    /**
     * Checks the analyst's decisions on the run's undecided hits: each needs {@code TRUE_MATCH} or
     * {@code FALSE_POSITIVE} and a reason.
     *
     * @param values the form's values ({@link #decisionField}, {@link #reasonField})
     * @throws InvalidInputException naming every missing or bad field
     */
    @Transactional(readOnly = true)
    public void checkDecisions(long runId, Map<String, Object> values) {
        parse(hits.findByRunIdAndStatusOrderByIdAsc(runId, HitStatus.UNDECIDED), values);
    }

    /**
     * Records the analyst's decision on every undecided hit of the run (audited); a false positive is remembered.
     *
     * @param values the form's values ({@link #decisionField}, {@link #reasonField})
     * @param by the analyst
     * @return whether any hit was judged a true match (it then waits for the second reviewer)
     * @throws InvalidInputException naming every missing or bad field; nothing is recorded
     */
    @Transactional
    public boolean decide(UUID caseId, long runId, Map<String, Object> values, String by) {
        CaseFile caseFile = records.requireOpen(caseId, "decide its screening hits");
        if (by == null) {
            throw new IllegalStateException("A screening decision needs the analyst who took it");
        }
        List<ScreeningHitRecord> open = hits.findByRunIdAndStatusOrderByIdAsc(runId, HitStatus.UNDECIDED).stream()
                .filter(h -> h.getCaseId().equals(caseId)).toList();
        Map<Long, Map.Entry<HitVerdict, String>> decisions = parse(open, values);
        Instant now = now();
        boolean trueMatch = false;
        for (ScreeningHitRecord hit : open) {
            var decision = decisions.get(hit.getId());
            hit.decide(decision.getKey(), decision.getValue(), by, now);
            if (decision.getKey() == HitVerdict.FALSE_POSITIVE) {
                remember(hit, by, now);
            } else {
                trueMatch = true;
            }
            audit.record(AuditTrail.Action.SCREENING_HIT_DECIDED, "screening hit " + hit.getId(),
                    caseFile.getReference(), cut(decision.getKey() + ": " + describe(hit) + " — " + decision.getValue()));
        }
        return trueMatch;
    }

    /**
     * Checks that the user may answer on the run's true matches: never the analyst who judged one of them.
     *
     * @throws ScreeningFourEyesException when {@code by} judged one of them a true match
     */
    @Transactional(readOnly = true)
    public void checkConfirmer(long runId, String by) {
        if (by == null || hits.findByRunIdAndStatusOrderByIdAsc(runId, HitStatus.AWAITING_CONFIRMATION).stream()
                .anyMatch(h -> by.equals(h.getDecidedBy()))) {
            throw new ScreeningFourEyesException();
        }
    }

    /**
     * Records the second reviewer's answer on the run's true matches (audited): confirmed, or overturned (then
     * remembered as a false positive).
     *
     * @param by the senior analyst
     * @throws ScreeningFourEyesException when {@code by} judged one of them a true match
     * @throws InvalidInputException when the reason is missing; nothing is recorded
     */
    @Transactional
    public void confirm(UUID caseId, long runId, boolean confirmed, String reason, String by) {
        CaseFile caseFile = records.requireOpen(caseId, "confirm a screening match");
        List<ScreeningHitRecord> waiting = hits.findByRunIdAndStatusOrderByIdAsc(runId,
                HitStatus.AWAITING_CONFIRMATION).stream().filter(h -> h.getCaseId().equals(caseId)).toList();
        if (by == null || waiting.stream().anyMatch(h -> by.equals(h.getDecidedBy()))) {
            throw new ScreeningFourEyesException();
        }
        String why;
        try {
            why = Text.required(reason, MAX_REASON);
        } catch (InvalidValueException e) {
            throw new InvalidInputException("confirmationReason", e.getMessage());
        }
        Instant now = now();
        for (ScreeningHitRecord hit : waiting) {
            hit.confirm(confirmed, why, by, now);
            if (!confirmed) {
                remember(hit, by, now);
            }
            audit.record(confirmed ? AuditTrail.Action.SCREENING_MATCH_CONFIRMED
                    : AuditTrail.Action.SCREENING_MATCH_OVERTURNED, "screening hit " + hit.getId(),
                    caseFile.getReference(), cut(describe(hit) + " — " + why));
        }
    }

    /** A subject's key: what it is, its normalised name, date of birth and country (hashed). */
    static String subjectKey(SubjectType type, String name, java.time.LocalDate dateOfBirth, String country) {
        String normalised = String.join(" ", NameNormalisation.normalise(name, type == SubjectType.ORGANISATION)
                .tokens());
        String text = type + "|" + normalised + "|" + (dateOfBirth == null ? "" : dateOfBirth) + "|"
                + (country == null ? "" : country);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Candidate> intakeSubjects(CaseFile caseFile) {
        List<Candidate> list = new ArrayList<>();
        var client = caseFile.getClient();
        if (client == null) {
            return list;
        }
        if (client.fullName() != null && !client.fullName().isBlank()) {
            list.add(candidate(SubjectSource.INTAKE_CLIENT, 0, client.fullName(), client.country(), SubjectType.PERSON));
        }
        if (client.businessName() != null && !client.businessName().isBlank()) {
            list.add(candidate(SubjectSource.INTAKE_BUSINESS, 0, client.businessName(), client.country(),
                    SubjectType.ORGANISATION));
        }
        return list;
    }

    private List<Candidate> ownershipSubjects(UUID caseId, int version) {
        if (version <= 0) {
            return List.of();
        }
        return ownership.tracedIndividuals(caseId, version).stream().filter(i -> i.name() != null
                && !i.name().isBlank()).map(i -> candidate(i.controlPerson() ? SubjectSource.CONTROL_PERSON
                        : SubjectSource.OWNER, version, i.name(), i.country(), SubjectType.PERSON)).toList();
    }

    private static Candidate candidate(SubjectSource source, int version, String name, CountryCode country,
            SubjectType type) {
        return new Candidate(source, version, ScreeningSubject.of(name.strip(), null, country, type),
                country == null ? null : country.value());
    }

    private ScreenedSubjectRecord subject(UUID caseId, Candidate candidate, Instant now) {
        String key = candidate.key();
        Optional<ScreenedSubjectRecord> existing = subjects.findByCaseIdAndSourceAndOwnershipVersionAndSubjectKey(
                caseId, candidate.source(), candidate.ownershipVersion(), key);
        if (existing.isPresent()) {
            existing.get().screenedAgain(now);
            return existing.get();
        }
        return subjects.saveAndFlush(new ScreenedSubjectRecord(caseId, key, candidate.source(),
                candidate.ownershipVersion(), candidate.subject().type(), cut(candidate.name(), 500),
                candidate.subject().dateOfBirth(), candidate.country(), now));
    }

    /** What the case already knows about entries: remembered false positives, open hits, confirmed matches. */
    private final class Known {
        final Map<String, String> falsePositive = new java.util.HashMap<>();
        final java.util.Set<String> open = new java.util.HashSet<>();
        final java.util.Set<String> confirmed = new java.util.HashSet<>();

        boolean isNew(String subjectKey, ScreeningHit hit) {
            String entry = subjectKey + "|" + hit.list() + "|" + hit.entryId();
            if (hit.fingerprint().equals(falsePositive.get(entry))) {
                return false;
            }
            return !open.contains(entry) && !confirmed.contains(entry + "|" + hit.fingerprint());
        }

        void add(String subjectKey, ScreeningHit hit) {
            open.add(subjectKey + "|" + hit.list() + "|" + hit.entryId());
        }
    }

    private Known known(UUID caseId) {
        Known known = new Known();
        for (RememberedFalsePositive fp : falsePositives.findByCaseId(caseId)) {
            known.falsePositive.put(fp.getSubjectKey() + "|" + fp.getList() + "|" + fp.getEntryId(),
                    fp.getEntryFingerprint());
        }
        for (ScreeningHitRecord h : hits.findByCaseIdAndStatusIn(caseId, EnumSet.of(HitStatus.UNDECIDED,
                HitStatus.AWAITING_CONFIRMATION, HitStatus.TRUE_MATCH))) {
            String entry = h.getSubjectKey() + "|" + h.getList() + "|" + h.getEntryId();
            if (h.getStatus() == HitStatus.TRUE_MATCH) {
                known.confirmed.add(entry + "|" + h.getEntryFingerprint());
            } else {
                known.open.add(entry);
            }
        }
        return known;
    }

    private int record(ScreeningRunRecord run, ScreenedSubjectRecord subject, List<ScreeningHit> found, Known known,
            Instant now) {
        int count = 0;
        for (ScreeningHit hit : found) {
            if (!known.isNew(subject.getSubjectKey(), hit)) {
                continue;
            }
            hits.save(new ScreeningHitRecord(run.getId(), subject.getCaseId(), subject.getId(),
                    subject.getSubjectKey(), hit, now));
            known.add(subject.getSubjectKey(), hit);
            count++;
        }
        return count;
    }

    private void remember(ScreeningHitRecord hit, String by, Instant now) {
        RememberedFalsePositive fp = falsePositives.findByCaseIdAndSubjectKeyAndListAndEntryId(hit.getCaseId(),
                hit.getSubjectKey(), hit.getList(), hit.getEntryId()).orElseGet(() -> new RememberedFalsePositive(
                        hit.getCaseId(), hit.getSubjectKey(), hit.getList(), hit.getEntryId()));
        fp.judged(hit.getEntryFingerprint(), hit.getId(), by, now);
        falsePositives.save(fp);
    }

    private static Map<Long, Map.Entry<HitVerdict, String>> parse(List<ScreeningHitRecord> open,
            Map<String, Object> values) {
        FieldErrors errors = new FieldErrors();
        Map<Long, Map.Entry<HitVerdict, String>> decisions = new java.util.LinkedHashMap<>();
        for (ScreeningHitRecord hit : open) {
            Object raw = values == null ? null : values.get(decisionField(hit.getId()));
            HitVerdict verdict = errors.capture(decisionField(hit.getId()), () -> {
                if (raw == null || String.valueOf(raw).isBlank()) {
                    throw new InvalidValueException("is required: TRUE_MATCH or FALSE_POSITIVE");
                }
                try {
                    return HitVerdict.valueOf(String.valueOf(raw).strip());
                } catch (IllegalArgumentException e) {
                    throw new InvalidValueException("must be TRUE_MATCH or FALSE_POSITIVE");
                }
            });
            Object rawReason = values == null ? null : values.get(reasonField(hit.getId()));
            String reason = errors.capture(reasonField(hit.getId()), () -> Text.required(
                    rawReason == null ? null : String.valueOf(rawReason), MAX_REASON));
            decisions.put(hit.getId(), Map.entry(verdict == null ? HitVerdict.TRUE_MATCH : verdict,
                    reason == null ? "" : reason));
        }
        errors.throwIfAny();
        return decisions;
    }

    private static String describe(ScreeningHitRecord hit) {
        return String.format(Locale.ROOT, "%s %s (%s) for %s, score %.2f", hit.getList(), hit.getEntryId(),
                hit.getEntryName(), hit.getSubjectName(), hit.getScore());
    }

    private static String who() {
        return CurrentUser.find().map(CurrentUser::username).orElse("system");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String cut(String s) {
        return cut(s, 1000);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
