package dev.attest.screening;

import java.util.List;
import java.util.Set;

import dev.attest.cases.CountryCode;

/**
 * One entry of a list version, as published.
 *
 * @param list the list
 * @param entryId the list's own id for the entry (OFAC's uid, the UN's DATAID/reference number, the EU's logical id,
 *        the UK's group id, OpenSanctions' entity id)
 * @param type what it designates
 * @param name the primary name as published (original script kept)
 * @param aliases every other name (a.k.a., f.k.a., spellings, original-script names), as published
 * @param birthDates dates of birth as published, each {@code yyyy}, {@code yyyy-mm} or {@code yyyy-mm-dd} (a person
 *        may have several; empty when none)
 * @param countries nationalities, citizenships and countries of address or incorporation that could be read
 * @param programmes the sanctions programmes or regimes (for the reviewer)
 * @param remarks the published remarks, cut to a sensible length (for the reviewer)
 * @param fingerprint a SHA-256 over the fields above in a fixed order: the entry changed between two versions
 *        exactly when its fingerprint did
 */
public record SanctionsEntry(SanctionsList list, String entryId, EntryType type, String name, List<String> aliases,
        List<String> birthDates, Set<CountryCode> countries, List<String> programmes, String remarks,
        String fingerprint) {

    public SanctionsEntry {
        aliases = List.copyOf(aliases);
        birthDates = List.copyOf(birthDates);
        countries = Set.copyOf(countries);
        programmes = List.copyOf(programmes);
    }
}
