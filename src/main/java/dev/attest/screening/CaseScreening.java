package dev.attest.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A case's screening as a reviewer reads it ({@link CaseScreenings#forCase}, {@code GET /api/v1/cases/{id}/screening}).
 *
 * @param caseId the case
 * @param caseReference its reference
 * @param subjects everyone and everything screened for the case, in the order first screened
 * @param hits every potential hit found, newest first, with its explanation and decision
 * @param decisions every decision taken on the case's hits, newest first
 * @param history the screenings and decisions in words, oldest first
 */
public record CaseScreening(UUID caseId, String caseReference, List<Subject> subjects, List<Hit> hits,
        List<Decision> decisions, List<HistoryEntry> history) {

    public CaseScreening {
        subjects = List.copyOf(subjects);
        hits = List.copyOf(hits);
        decisions = List.copyOf(decisions);
        history = List.copyOf(history);
    }

    /** The hits that still wait for a reviewer. */
    public List<Hit> openHits() {
        return hits.stream().filter(h -> h.status().open()).toList();
    }

    /**
     * A screened subject.
     *
     * @param id its id
     * @param source where it comes from
     * @param ownershipVersion for owners and control persons, the ownership structure version that named them (else
     *        {@code null})
     * @param type a person or an organisation
     * @param name the name screened
     * @param dateOfBirth a person's date of birth, if known
     * @param country the ISO 3166-1 alpha-2 country or nationality, if known
     * @param firstScreenedAt when first screened
     * @param lastScreenedAt when last screened (a list update screens it again)
     */
    public record Subject(long id, SubjectSource source, Integer ownershipVersion, SubjectType type, String name,
            LocalDate dateOfBirth, String country, Instant firstScreenedAt, Instant lastScreenedAt) {
    }

    /**
     * A potential hit with its explanation.
     *
     * @param id its id (the review task's form names its fields after it)
     * @param subjectId the subject it is about
     * @param subjectName the subject's name as screened
     * @param trigger the screening that found it
     * @param list the list
     * @param entryId the list's id of the entry
     * @param entryName the entry's primary name
     * @param matchedName the entry's name (primary or alias) that matched
     * @param subjectNameMatched the subject's name it matched
     * @param score the score, 0 to 1
     * @param reasons the explanation: the name comparison, then what raised or lowered the score
     * @param entryFingerprint the entry's fingerprint when found
     * @param foundAt when found
     * @param status where it stands
     * @param decision the decision on it, if taken
     */
    public record Hit(long id, long subjectId, String subjectName, ScreeningTrigger trigger, SanctionsList list,
            String entryId, String entryName, String matchedName, String subjectNameMatched, double score,
            List<String> reasons, String entryFingerprint, Instant foundAt, HitStatus status, Decision decision) {

        public Hit {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * A decision on a hit, with the second reviewer's confirmation of a true match.
     *
     * @param hitId the hit
     * @param verdict the analyst's decision
     * @param reason the analyst's reason
     * @param decidedBy the analyst
     * @param decidedAt when
     * @param confirmation for a true match, the second reviewer's answer once given
     */
    public record Decision(long hitId, HitVerdict verdict, String reason, String decidedBy, Instant decidedAt,
            Confirmation confirmation) {
    }

    /**
     * The second reviewer's answer on a true match (four eyes: never the analyst who decided it).
     *
     * @param confirmed {@code true} when confirmed, {@code false} when overturned (then a false positive)
     * @param reason the reason given
     * @param by the senior analyst
     * @param at when
     */
    public record Confirmation(boolean confirmed, String reason, String by, Instant at) {
    }

    /**
     * One line of the screening's history.
     *
     * @param at when
     * @param who the user, or {@code system}
     * @param what what happened, in words
     */
    public record HistoryEntry(Instant at, String who, String what) {
    }
}
