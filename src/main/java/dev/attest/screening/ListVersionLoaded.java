package dev.attest.screening;

import java.util.Set;

/**
 * A new version of a list came into force (published in the loading transaction).
 *
 * @param list the list
 * @param versionId the new version's id
 * @param addedOrChanged the ids of the entries added or changed since the previous version (all entries for the
 *        list's first version)
 * @param removed the ids of the entries no longer on the list
 */
public record ListVersionLoaded(SanctionsList list, long versionId, Set<String> addedOrChanged, Set<String> removed) {
}
