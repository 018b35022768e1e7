package dev.attest.screening;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One loaded version of a list.
 *
 * @param id the version's id
 * @param list the list
 * @param format the format it was loaded from
 * @param number its number within the list (1 for the first version)
 * @param publishedOn the publication date the file states, if it states one (OFAC's CSV files do not)
 * @param sha256 hex SHA-256 over the file's bytes (for OFAC's CSV: over {@code sdn.csv}'s bytes followed by
 *        {@code alt.csv}'s)
 * @param entries how many entries it holds
 * @param added entries new since the list's previous version
 * @param removed entries of the previous version no longer on the list
 * @param changed entries whose published details changed (name, aliases, dates of birth, countries, programmes,
 *        type, remarks)
 * @param loadedBy who loaded it ({@code system} for the configured files read at start-up and nightly)
 * @param loadedAt when
 * @param inForce whether it is the list's newest version, the one screening matches against
 * @param rescreenedAt when the open cases' subjects had been screened against the entries this version added or
 *        changed; {@code null} while that runs (in the background, after the loading), or when it did not finish (it
 *        runs again at the next start)
 */
public record ListVersion(long id, SanctionsList list, ListFormat format, int number, LocalDate publishedOn,
        String sha256, int entries, int added, int removed, int changed, String loadedBy, Instant loadedAt,
        boolean inForce, Instant rescreenedAt) {
}
