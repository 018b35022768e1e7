package dev.attest.cases;

import java.util.Collection;
import java.util.UUID;

/**
 * Text other modules keep about cases that the case search also matches (the notes on a case), without the cases
 * module knowing them: every Spring bean of this type is asked by {@link CaseLookup#search} and
 * {@link CaseLookup#count}. An implementation answers only what the current user may read (nothing otherwise), so
 * the search reveals no text its caller could not see.
 */
public interface CaseTextSearch {

    /**
     * The public ids of cases whose text here matches, at most {@code limit}, newest text first.
     *
     * @param likePattern a lower-case SQL {@code like} pattern, wildcards of the user's text removed
     */
    Collection<UUID> caseIdsMatching(String likePattern, int limit);
}
