package dev.attest.screening;

import java.util.List;

/**
 * A list entry that may designate the screened subject, with how it was found.
 *
 * @param list the entry's list
 * @param entryId the list's id for the entry
 * @param entryType what the entry designates
 * @param entryName the entry's primary name as published
 * @param matchedName the entry's name (primary or alias, as published) that matched best
 * @param subjectName the subject's name it matched
 * @param score the final score, 0 to 1 (name similarity adjusted by date of birth and country)
 * @param reasons short sentences a reviewer can follow: the name comparison, then what raised or lowered the score
 * @param fingerprint the entry's fingerprint when it was matched (a decision about the hit holds while it is the same)
 */
public record ScreeningHit(SanctionsList list, String entryId, EntryType entryType, String entryName,
        String matchedName, String subjectName, double score, List<String> reasons, String fingerprint) {

    public ScreeningHit {
        reasons = List.copyOf(reasons);
    }
}
