package dev.attest.screening;

import java.util.List;

/**
 * An analyst's ad-hoc search, as sent (validated by {@link Screening#search}).
 *
 * @param name the name to look for (required, at most 200 characters)
 * @param dateOfBirth {@code yyyy-mm-dd}, optional
 * @param country a country's code or English name, optional
 * @param type {@code PERSON} or {@code ORGANISATION}, optional (both when absent)
 */
public record ScreeningSearch(String name, String dateOfBirth, String country, String type) {

    /**
     * The answer: the hits, best first, at most {@code attest.screening.max-hits}.
     *
     * @param hits the hits
     */
    public record Result(List<Hit> hits) {
    }

    /**
     * One hit as the API and the search view show it.
     *
     * @param list the list
     * @param entryId the list's id of the entry
     * @param entryName the entry's primary name
     * @param matchedName the entry's name that matched
     * @param score 0 to 1
     * @param reasons how the score came about
     */
    public record Hit(SanctionsList list, String entryId, String entryName, String matchedName, double score,
            List<String> reasons) {

        static Hit of(ScreeningHit hit) {
            return new Hit(hit.list(), hit.entryId(), hit.entryName(), hit.matchedName(), hit.score(), hit.reasons());
        }
    }
}
